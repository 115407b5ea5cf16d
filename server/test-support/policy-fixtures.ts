import type { TestApp } from './test-app.js';

/** A policy article's body for an org (a fixture name): a draft once posted to /api/policies. */
export function samplePolicyArticle(t: TestApp, orgName: string) {
  return {
    orgId: t.orgs[orgName].id,
    title: '关于做好职工技能提升补贴申领工作的通知',
    category: 'employment',
    source: '焦作市人力资源和社会保障局',
    docNo: '焦人社〔2026〕12号',
    effectiveOn: '2026-03-01',
    summary: '参保职工取得职业资格证书后可申领技能提升补贴。',
    body: '一、补贴对象\n依法参加失业保险累计缴费满1年的企业职工。',
  };
}

/** A 12351 hotline call entered by staff for an org (any level: staff may route to any org of their subtree). */
export function sampleHotlineCall(t: TestApp, orgName: string) {
  return { orgId: t.orgs[orgName].id, category: 'labour_rights', question: '单位拖欠工资三个月，怎么维权？', askerName: '王师傅', phone: '13803912345' };
}

/** A question from the public form, to one of the orgs that take them (the fixture city A, districts B and C). */
export function samplePublicQuestion(t: TestApp, orgName: string) {
  return { orgId: t.orgs[orgName].id, category: 'employment', question: '失业后怎样领取失业保险金？', askerName: '李女士', phone: '13903915678' };
}

export function sampleFaq(t: TestApp, orgName: string) {
  return { orgId: t.orgs[orgName].id, category: 'labour_rights', question: '被拖欠工资怎么办？', answer: '可向工会法律援助站申请免费法律援助。', published: true };
}
