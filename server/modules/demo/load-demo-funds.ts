import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { campaignGrants, paymentBatches } from '../../db/schema/index.js';
import type { Secrets } from '../../platform/secrets.js';
import { createFund } from '../funds/create-fund.js';
import { createDonationDrive } from '../funds/donations/create-donation-drive.js';
import { recordDonationBatch } from '../funds/donations/record-donation-batch.js';
import { recordIncome } from '../funds/record-income.js';
import type { OrgRow } from '../orgs/orgs.queries.js';
import { chinaTime, demoCtx, type DemoUser } from './demo-actors.js';
import { seededRandom } from './demo-people.js';

type Rows<T> = { rows: T[] };

/** The 99 公益日 collective donation of 7 September 2021 (the seed's figure: 5592 元). */
export const NINETY_NINE_DAY_2021_FEN = 559_200;

/**
 * The city staff who gave at the 99 公益日 ceremony: 46 people, 5592 元 in all (deterministic names,
 * amounts of 50 to 300 元 as such ceremonies collect, with the last gift making up the total).
 */
export function ninetyNineDayDonors(): Array<{ donorName: string; donorUnit: string; amountFen: number }> {
  const r = seededRandom(20210907);
  const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '郑', '冯', '牛', '申', '秦', '崔', '范'];
  const given = ['建华', '丽萍', '国庆', '海燕', '志强', '红霞', '卫东', '晓明', '秀云', '永刚', '玉芳', '新华', '静', '伟', '磊', '敏', '军', '娜', '涛', '燕'];
  const units = ['办公室', '组织部', '宣传教育部', '权益保障部', '经费审查委员会办公室', '女职工部', '帮扶中心', '财务部'];
  const out: Array<{ donorName: string; donorUnit: string; amountFen: number }> = [];
  let left = NINETY_NINE_DAY_2021_FEN;
  for (let i = 0; i < 45; i++) {
    const amountFen = r.pick([5_000, 10_000, 10_000, 10_000, 10_000, 20_000]);
    out.push({ donorName: r.pick(surnames) + r.pick(given), donorUnit: r.pick(units), amountFen });
    left -= amountFen;
  }
  if (left <= 0) throw new Error('the 99 公益日 donors give more than the ceremony raised');
  out.push({ donorName: '市总工会领导班子', donorUnit: '党组', amountFen: left });
  return out;
}

/**
 * The demo's books, all through the funds verbs or, for the 813 payments of 2021, written in bulk the way
 * a payment batch's execution writes them (one entry a line: fund → paid out):
 * - 2021 金秋助学专项资金 (city): the provincial allocation, enterprise contributions, the 99 公益日 drive
 *   with its collective donation and the dues budget making up the rest, so raised = paid = the sum of
 *   the 2021 grants (214.9136 万元), paid in one executed batch per payment day, approved by the
 *   finance checker and confirmed by the bank;
 * - this year's city fund with money for the grants ready for payment, and a 中站区 fund to allocate to.
 */
export async function loadDemoFunds(
  tx: Tx,
  env: { secrets: Secrets; now: Date },
  byCode: Map<string, OrgRow>,
  accounts: Map<string, DemoUser>,
  c: { campaign2021Id: string; currentYear: number },
) {
  const finance = accounts.get('finance')!;
  const checker = accounts.get('finance.checker')!;
  const as = (user: DemoUser, at: Date) => demoCtx(tx, env.secrets, user, at);
  const city = byCode.get('JZ')!;

  const [{ grantsFen }] = await tx.select({ grantsFen: sql<number>`coalesce(sum(${campaignGrants.amountFen}), 0)`.mapWith(Number) }).from(campaignGrants).where(eq(campaignGrants.campaignId, c.campaign2021Id));
  const fund2021 = await createFund({ ctx: as(finance, chinaTime('2021-06-01')), input: { orgId: city.id, name: '2021年金秋助学专项资金', purpose: '2021年“金秋助学”活动助学金发放' } });
  const incomes = [
    { source: 'external_allocation', counterparty: '河南省总工会', amountFen: 80_000_000, receivedOn: '2021-07-15', memo: '2021年金秋助学专项补助资金' },
    { source: 'enterprise', counterparty: '焦作煤业（集团）有限责任公司', amountFen: 30_000_000, receivedOn: '2021-08-16', memo: '捐助金秋助学' },
    { source: 'enterprise', counterparty: '中原内配集团股份有限公司', amountFen: 5_000_000, receivedOn: '2021-08-18', memo: '捐助金秋助学' },
    { source: 'enterprise', counterparty: '焦作万方铝业股份有限公司', amountFen: 3_000_000, receivedOn: '2021-08-18', memo: '捐助金秋助学' },
  ] as const;
  const budgetFen = grantsFen - incomes.reduce((s, i) => s + i.amountFen, 0) - NINETY_NINE_DAY_2021_FEN;
  if (budgetFen <= 0) throw new Error('the 2021 grants are smaller than the demo’s other income');
  for (const income of [...incomes, { source: 'budget', counterparty: '焦作市总工会', amountFen: budgetFen, receivedOn: '2021-08-20', memo: '困难职工帮扶资金' } as const])
    await recordIncome({ ctx: as(finance, chinaTime(income.receivedOn, '10:00')), fundId: fund2021.id, input: income });

  const drive = await createDonationDrive({
    ctx: as(finance, chinaTime('2021-09-01')),
    input: { orgId: city.id, fundId: fund2021.id, name: '2021年“99公益日”爱心网络募捐', description: '市总工会机关干部职工集体捐款，所得全部用于金秋助学', goalFen: 1_000_000, startsOn: '2021-09-01', endsOn: '2021-09-09' },
  });
  await recordDonationBatch({
    ctx: as(finance, chinaTime('2021-09-07', '11:00')),
    driveId: drive.id,
    input: { channel: 'charity_platform', receivedOn: '2021-09-07', showOnThanks: true, note: '“99公益日”集体捐款仪式', rows: ninetyNineDayDonors() },
  });

  const paidDays = await payGrants2021(tx, { fundId: fund2021.id, cityId: city.id, campaignId: c.campaign2021Id, finance, checker });

  // This year's money, and a district fund the city allocates to.
  const year = c.currentYear;
  const current = await createFund({ ctx: as(finance, chinaTime(`${year}-02-20`)), input: { orgId: city.id, name: `${year}年金秋助学专项资金`, purpose: `${year}年“金秋助学”助学金发放` } });
  await recordIncome({ ctx: as(finance, chinaTime(`${year}-03-02`)), fundId: current.id, input: { source: 'budget', counterparty: '焦作市总工会', amountFen: 50_000_000, receivedOn: `${year}-03-02`, memo: '困难职工帮扶资金' } });
  await recordIncome({ ctx: as(finance, chinaTime(`${year}-03-10`)), fundId: current.id, input: { source: 'enterprise', counterparty: '焦作煤业（集团）有限责任公司', amountFen: 10_000_000, receivedOn: `${year}-03-10`, memo: '捐助金秋助学' } });
  const zz = byCode.get('JZ-ZZ')!;
  await createFund({ ctx: as(finance, chinaTime(`${year}-02-20`)), input: { orgId: zz.id, name: `中站区${year}年帮扶资金`, purpose: '中站区困难职工帮扶' } });
  return { fund2021: fund2021.id, raised2021Fen: grantsFen, paymentBatches2021: paidDays, donors99: ninetyNineDayDonors().length };
}

/**
 * The 2021 grants were paid (the campaign loader marked them so, with their references): here their
 * batches, lines and journal entries, as executing each day's batch would have written them.
 */
async function payGrants2021(tx: Tx, c: { fundId: string; cityId: string; campaignId: string; finance: DemoUser; checker: DemoUser }) {
  const days = (
    (await tx.execute(sql`
      select paid_on::text as day, count(*)::int as n, sum(amount_fen)::bigint::text as fen from campaign_grants
      where campaign_id = ${c.campaignId} and status = 'paid' group by paid_on order by paid_on`)) as unknown as Rows<{ day: string; n: number; fen: string }>
  ).rows;
  const [accounts] = (
    (await tx.execute(sql`
      select max(id::text) filter (where kind = 'fund_balance') as balance, max(id::text) filter (where kind = 'paid_out') as paid
      from ledger_accounts where fund_id = ${c.fundId}`)) as unknown as Rows<{ balance: string; paid: string }>
  ).rows;
  for (const [i, d] of days.entries()) {
    const [m, dd] = [Number(d.day.slice(5, 7)), Number(d.day.slice(8, 10))];
    const [batch] = await tx
      .insert(paymentBatches)
      .values({
        orgId: c.cityId,
        fundId: c.fundId,
        campaignId: c.campaignId,
        name: `2021年金秋助学第${i + 1}批（${m}月${dd}日发放）`,
        status: 'executed',
        lineCount: d.n,
        totalFen: Number(d.fen),
        paidOn: d.day,
        createdBy: c.finance.id,
        createdAt: chinaTime(d.day, '08:30'),
        approvedBy: c.checker.id,
        approvedAt: chinaTime(d.day, '09:30'),
        executedBy: c.finance.id,
        executedAt: chinaTime(d.day, '10:00'),
      })
      .returning({ id: paymentBatches.id, name: paymentBatches.name });
    await tx.execute(sql`
      insert into payment_lines (batch_id, line_no, grant_id, org_id, household_id, payee_name, bank_name, bank_card_enc, bank_card_masked, amount_fen, in_kind_items, status, payment_ref, result_at)
      select ${batch.id}, row_number() over (order by o.path, g.payment_ref), g.id, g.org_id, g.household_id, coalesce(h.name, g.recipient_name), h.bank_name, h.bank_card_enc, h.bank_card_masked,
        g.amount_fen, g.in_kind_items, 'paid', g.payment_ref, ${chinaTime(d.day, '17:00')}
      from campaign_grants g join orgs o on o.id = g.org_id left join households h on h.id = g.household_id
      where g.campaign_id = ${c.campaignId} and g.status = 'paid' and g.paid_on = ${d.day}::date`);
    await tx.execute(sql`
      insert into journal_entries (org_id, kind, memo, occurred_on, source_module, source_ref, created_by, created_at)
      select ${c.cityId}, 'payment', ${batch.name} || '：' || l.payee_name || '（' || l.payment_ref || '）', ${d.day}::date, 'payments', 'line:' || l.id, ${c.finance.id}, ${chinaTime(d.day, '10:00')}
      from payment_lines l where l.batch_id = ${batch.id} and l.amount_fen > 0`);
    await tx.execute(sql`
      insert into journal_postings (entry_id, account_id, amount_fen, occurred_on)
      select e.id, a.account_id, a.sign * l.amount_fen, e.occurred_on
      from payment_lines l join journal_entries e on e.source_module = 'payments' and e.source_ref = 'line:' || l.id
      cross join (values (${accounts.balance}::uuid, -1), (${accounts.paid}::uuid, 1)) as a(account_id, sign)
      where l.batch_id = ${batch.id}`);
    await tx.execute(sql`
      update payment_lines l set entry_id = e.id from journal_entries e
      where l.batch_id = ${batch.id} and e.source_module = 'payments' and e.source_ref = 'line:' || l.id`);
    await tx.execute(sql`
      insert into in_kind_issues (org_id, payment_line_id, grant_id, household_id, recipient_name, item, quantity, issued_on, created_by, created_at)
      select l.org_id, l.id, l.grant_id, l.household_id, g.recipient_name, i.item, i.quantity, ${d.day}::date, ${c.finance.id}, ${chinaTime(d.day, '10:00')}
      from payment_lines l join campaign_grants g on g.id = l.grant_id
      cross join lateral jsonb_to_recordset(l.in_kind_items) as i(item text, quantity int)
      where l.batch_id = ${batch.id}`);
  }
  return days.length;
}
