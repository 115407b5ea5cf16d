import type { PolicyCategory } from '../../../contracts/employment.js';
import { SchoolStage } from '../../../contracts/households.js';
import { addDays } from '../../platform/dates.js';
import { GOLDEN_AUTUMN_2021_RULES } from './golden-autumn-2021-plan.js';

type CategoryKey = (typeof PolicyCategory.keys)[number];

/** A policy article as the demo writes it: who writes it, when, and how far it goes (draft, published, withdrawn). */
export interface DemoPolicyArticle {
  orgCode: string;
  author: 'jobs' | 'zz.admin';
  title: string;
  category: CategoryKey;
  source: string;
  effectiveOn: string;
  summary: string;
  body: string;
  /** The China date it was written; published the next working morning unless a draft. */
  writtenOn: string;
  state: 'draft' | 'published' | { withdrawnOn: string; reason: string };
}

/** 大学本科 5000元（未建档 4000元）… from the rules the demo's campaigns run on, so the notice and the grants agree. */
function amountsText(): string {
  return GOLDEN_AUTUMN_2021_RULES.amounts
    .map((a) => `${SchoolStage.labels[a.stage as keyof typeof SchoolStage.labels][0]}${a.filedFen / 100}元（未建档${a.unfiledFen / 100}元）`)
    .join('，');
}

/**
 * The policy articles a Jiaozuo federation keeps on its platform (政策发布): plain summaries of the
 * kinds of policy the seed names (金秋助学, 困难职工帮扶, 就业援助, 公益性岗位 and 社会保险补贴, the
 * national student aid system), without document numbers and without quoting any text verbatim.
 * Dates of this year fall on or before `today` (the previous year's otherwise).
 */
export function demoPolicyArticles(today: string): DemoPolicyArticle[] {
  const year = Number(today.slice(0, 4));
  /** This year's month-day, or last year's when it is still to come. */
  const thisYears = (monthDay: string) => (`${year}-${monthDay}` <= today ? `${year}-${monthDay}` : `${year - 1}-${monthDay}`);
  const recent = (daysAgo: number) => addDays(today, -daysAgo);
  // This year's campaign opens on 1 March, or a month ago early in the year (as load-demo-campaigns.ts opens it).
  const campaignOpens = [`${year}-03-01`, addDays(today, -30)].sort()[0];

  return [
    {
      orgCode: 'JZ',
      author: 'jobs',
      title: '关于开展2021年“金秋助学”活动的通知（摘要）',
      category: 'student_aid',
      source: '焦作市总工会',
      effectiveOn: '2021-06-01',
      writtenOn: '2021-05-28',
      summary: '2021年金秋助学的资助对象、标准、工作步骤和时间安排。',
      body: [
        '一、资助对象：在档困难职工家庭和困难农民工家庭子女，今年起由高校新生和在校生扩大到学前教育、小学、初中、高中（职高）学生。',
        `二、资助标准（按学段，在档家庭/未建档家庭）：${amountsText()}。按实际学费核定，不超过实际学费。中站区等单位可另配发实物。`,
        '三、工作步骤：6月初起各级工会对照困难职工档案入户摸排；基层工会对困难企业职工通知到人；按家庭状况清、帮扶情况清、子女就学情况清、学校学费清、助学愿望清的要求核实；基层工会、县（市、区）总工会、市总工会逐级审核，公示后发放。',
        '四、时间安排：7月至9月集中开展，9月底前发放完毕。同一学生同一年度只资助一次。',
        '五、疫情和汛期期间，可通过电话、视频等方式开展调查摸底。',
      ].join('\n'),
      state: { withdrawnOn: '2021-10-08', reason: '2021年活动已结束，资助标准以当年活动通知为准' },
    },
    {
      orgCode: 'JZ',
      author: 'jobs',
      title: `关于开展${year}年“金秋助学”活动的通知（摘要）`,
      category: 'student_aid',
      source: '焦作市总工会',
      effectiveOn: campaignOpens,
      writtenOn: addDays(campaignOpens, -5),
      summary: `${year}年金秋助学面向学前至研究生各学段困难职工子女，全年受理申请，按学段分档资助。`,
      body: [
        '一、资助对象：在档困难职工家庭子女；家庭人均收入低于当地城市低保标准两倍的未建档困难职工和农民工家庭子女。',
        `二、资助标准：${amountsText()}。已享受政府全额资助的，不重复资助。`,
        '三、申请渠道：向所在基层工会或乡镇（街道）帮扶工作站提出申请，提供身份证、录取通知书或在学证明、学校缴费通知。',
        '四、审核程序：基层工会核实“五清”，县（市、区）总工会或产业工会审核，市总工会审批，公示五个工作日无异议后发放。',
        '五、各级工会要对照档案逐户通知到人，对近几年资助过的学生开展回访，了解学习、实习和就业情况。',
        '咨询电话：12351。',
      ].join('\n'),
      state: 'published',
    },
    {
      orgCode: 'JZ',
      author: 'jobs',
      title: '河南省总工会“金秋助学”活动资助政策要点解读',
      category: 'student_aid',
      source: '河南省总工会',
      effectiveOn: '2021-06-15',
      writtenOn: '2021-06-18',
      summary: '省总工会金秋助学的定位、资助范围和与国家助学政策的衔接。',
      body: [
        '金秋助学是工会在国家助学政策和高校毕业生就业政策基础上的拾遗补缺，重点帮助无力一次性支付入学费用的困难职工和农民工家庭。',
        '资助范围从高校新生逐步延伸到学前教育至高中（职高）各学段，形成“入学救助—在校扶助—就业援助”的链条式服务。',
        '各级工会应推动符合条件的困难职工子女纳入国家“奖、助、贷、勤、减、免”资助体系；已享受国家资助的，工会资助可作补充，但同一学生同一年度只资助一次。',
        '资金来源包括各级工会经费、社会捐赠和企业资助，做到专款专用、公开透明，发放情况接受审计。',
        '本文为政策要点的通俗解读，具体以省总工会当年文件为准。',
      ].join('\n'),
      state: 'published',
    },
    {
      orgCode: 'JZ',
      author: 'jobs',
      title: '困难职工帮扶管理工作要点解读',
      category: 'national_aid',
      source: '中华全国总工会',
      effectiveOn: '2021-03-01',
      writtenOn: '2021-03-10',
      summary: '困难职工认定、分类、建档、动态管理和解困脱困退出的主要规定。',
      body: [
        '一、认定：家庭人均收入低于当地城市最低生活保障标准的职工家庭，以及因本人或家庭成员患大病、遭受意外、子女教育负担重等原因导致生活困难的职工家庭，经申请、核实、公示后建档。',
        '二、分类：按困难程度分为深度困难、相对困难和意外致困三类，实行分类帮扶。',
        '三、建档：一户一档，全市统一管理，同一家庭不得重复建档；职工在工会之间流动的，档案随之转移。',
        '四、动态管理：每年至少复核一次，入户核实家庭收入和致困原因变化；家庭收入稳定超过标准的，按程序解困脱困、退出档案。',
        '五、帮扶内容：生活救助、医疗救助、子女助学、就业援助等，帮扶情况逐笔记入帮扶台账。',
        '本文为通俗解读，具体以全国总工会和省总工会的文件为准。',
      ].join('\n'),
      state: 'published',
    },
    {
      orgCode: 'JZ',
      author: 'jobs',
      title: '困难职工档案年度复核工作安排',
      category: 'local_aid',
      source: '焦作市总工会',
      effectiveOn: thisYears('04-01'),
      writtenOn: addDays(thisYears('04-01'), -6),
      summary: '在档困难职工家庭的年度复核：时间、方式和解困脱困的处理。',
      body: [
        '各县（市、区）总工会、产业工会，各帮扶中心和帮扶工作站：',
        '一、复核范围：全部在档困难职工家庭，重点是建档满一年、家庭收入或人口发生变化的家庭。',
        '二、复核方式：帮扶干部入户走访，核实家庭成员、收入、健康和子女就学情况，留存走访记录和照片。',
        '三、处理：仍符合条件的继续保留；收入稳定超过标准的办理解困脱困；情况发生重大变化的调整类别。复核结果在系统中如实登记。',
        '四、时间：4月至10月完成，逾期未复核的家庭将在系统中提示。',
      ].join('\n'),
      state: 'published',
    },
    {
      orgCode: 'JZ',
      author: 'jobs',
      title: '疫情期间困难职工家庭特别慰问金发放说明',
      category: 'local_aid',
      source: '焦作市总工会',
      effectiveOn: '2020-02-10',
      writtenOn: '2020-02-08',
      summary: '疫情期间向每户在档困难职工家庭一次性发放1000元特别慰问金。',
      body: [
        '为帮助困难职工家庭渡过疫情难关，市总工会向每户在档困难职工家庭一次性发放特别慰问金1000元。',
        '发放对象以困难职工档案为准，由各级工会核对名单后通过银行卡发放，不需职工本人申请。',
        '发放情况记入帮扶台账，名单在本单位范围内公示。',
      ].join('\n'),
      state: 'published',
    },
    {
      orgCode: 'JZ',
      author: 'jobs',
      title: '困难职工家庭高校毕业生就业帮扶措施',
      category: 'employment',
      source: '焦作市总工会',
      effectiveOn: thisYears('05-20'),
      writtenOn: addDays(thisYears('05-20'), -3),
      summary: '面向困难职工家庭高校毕业生的岗位推荐、就业见习、职业培训和政策衔接。',
      body: [
        '一、岗位推荐：职工服务平台登记求职信息，按专业、学历和意向地区匹配岗位，优先推荐承诺优先招聘困难家庭毕业生的企业。',
        '二、见习和培训：协调国有企业和劳动关系和谐企业提供就业见习岗位，组织职业技能培训。',
        '三、政策衔接：帮助符合条件的毕业生申请就业培训补贴、职业技能鉴定补贴、社会保险补贴、公益性岗位补贴和创业担保贷款。',
        '四、勤工俭学：在校生可申请工会协调的勤工俭学岗位。',
        '五、跟踪回访：对受助学生毕业后的就业情况回访登记。',
        '求职登记可到所在县（市、区）总工会或拨打12351咨询。',
      ].join('\n'),
      state: 'published',
    },
    {
      orgCode: 'JZ',
      author: 'jobs',
      title: '就业援助月期间困难职工就业服务安排',
      category: 'employment',
      source: '焦作市总工会',
      effectiveOn: thisYears('01-10'),
      writtenOn: addDays(thisYears('01-10'), -5),
      summary: '就业援助月期间，工会配合人社部门为困难职工和就业困难人员提供岗位和帮扶。',
      body: [
        '就业援助月期间，各级工会配合人力资源社会保障部门，对在档困难职工家庭中的失业人员、零就业家庭成员逐户走访，登记就业意愿。',
        '职工服务平台集中发布适合就业困难人员的岗位和公益性岗位，开展“一对一”推荐。',
        '对家庭生活困难的，结合送温暖活动给予帮扶。',
        '各县（市、区）总工会每周汇总走访和推荐情况。',
      ].join('\n'),
      state: 'published',
    },
    {
      orgCode: 'JZ',
      author: 'jobs',
      title: '公益性岗位安置和岗位补贴政策解读',
      category: 'employment',
      source: '焦作市人力资源和社会保障局',
      effectiveOn: thisYears('03-15'),
      writtenOn: addDays(thisYears('03-15'), -2),
      summary: '公益性岗位的安置对象、岗位类型、补贴内容和申请渠道。',
      body: [
        '一、安置对象：就业困难人员、零就业家庭成员，以及离校后未就业的困难家庭高校毕业生等。',
        '二、岗位类型：社区公共服务、道路保洁、公共就业服务协理等非营利性岗位。',
        '三、补贴：用人单位按规定给予岗位补贴和社会保险补贴，补贴期限一般不超过三年；距法定退休年龄不足五年的，可按规定延长。',
        '四、申请：向户籍或居住地的公共就业服务机构申请，工会可协助推荐和办理。',
        '本文为政策解读，补贴标准以人社部门当年公布为准。',
      ].join('\n'),
      state: 'published',
    },
    {
      orgCode: 'JZ',
      author: 'jobs',
      title: '就业困难人员和高校毕业生社会保险补贴申领指南',
      category: 'social_insurance',
      source: '焦作市人力资源和社会保障局',
      effectiveOn: thisYears('06-01'),
      writtenOn: addDays(thisYears('06-01'), -4),
      summary: '灵活就业的就业困难人员、离校未就业高校毕业生和吸纳他们的企业，申领社会保险补贴的条件和材料。',
      body: [
        '一、补贴对象：灵活就业并缴纳社会保险费的就业困难人员；离校两年内灵活就业的高校毕业生；吸纳就业困难人员并为其缴费的企业。',
        '二、补贴范围：基本养老保险、基本医疗保险和失业保险的单位缴费部分（灵活就业人员按规定比例补贴），个人应缴部分不予补贴。',
        '三、申领材料：身份证、就业困难人员认定或毕业证明、缴费记录，企业另需劳动合同。',
        '四、办理：按季度向公共就业服务机构申领，审核后拨付。',
        '工会可为困难职工家庭成员提供申领咨询，详询12351。',
      ].join('\n'),
      state: 'published',
    },
    {
      orgCode: 'JZ-ZZ',
      author: 'zz.admin',
      title: '中站区困难职工就业专场招聘会安排',
      category: 'employment',
      source: '中站区总工会',
      effectiveOn: recent(12),
      writtenOn: recent(16),
      summary: '中站区总工会联合辖区企业举办困难职工和农民工就业专场招聘会。',
      body: [
        '时间：本月下旬，周六上午九点至十二点。地点：中站区职工服务中心。',
        '参加企业：辖区化工、电力、新材料和物业服务企业，提供普工、技术工种和公益性岗位。',
        '在档困难职工、农民工及其家庭成员可现场登记求职信息，工作人员现场推荐。',
        '请携带身份证，有职业资格证书的一并携带。',
      ].join('\n'),
      state: 'published',
    },
    {
      orgCode: 'JZ',
      author: 'jobs',
      title: '职工医疗互助保障活动参加办法（征求意见稿）',
      category: 'social_insurance',
      source: '焦作市总工会',
      effectiveOn: addDays(today, 30),
      writtenOn: recent(5),
      summary: '在职职工自愿参加、工会组织的医疗互助保障，作为基本医疗保险的补充。',
      body: [
        '一、参加对象：本市建会单位的在职职工，以单位为单位集体参加。',
        '二、保障内容：住院医疗和重大疾病互助金，在基本医疗保险报销后按比例给付。',
        '三、困难职工：在档困难职工的参加费用可由工会帮扶资金补助。',
        '征求意见截止后修改定稿，再行发布。',
      ].join('\n'),
      state: 'draft',
    },
    {
      orgCode: 'JZ',
      author: 'jobs',
      title: '农民工工资支付权益维护常见情形说明',
      category: 'rights',
      source: '焦作市总工会',
      effectiveOn: recent(2),
      writtenOn: recent(2),
      summary: '农民工被拖欠工资时的维权途径：工会、劳动监察和法律援助。',
      body: [
        '遇到拖欠工资，可先与用人单位协商，保存好考勤、工资条和聊天记录等证据。',
        '协商不成的，可向所在地工会或劳动保障监察机构反映，也可申请劳动争议仲裁；工会可提供法律援助。',
        '咨询电话：12351。',
      ].join('\n'),
      state: 'draft',
    },
  ];
}
