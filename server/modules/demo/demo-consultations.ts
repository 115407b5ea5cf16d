import type { ConsultationCategory } from '../../../contracts/employment.js';

type CategoryKey = (typeof ConsultationCategory.keys)[number];

/**
 * A question of the demo's 指导咨询 and what became of it, in hours from when it was asked. Asked on
 * the public form (web) or taken on the 12351 hotline by the city's desk (hotline: `onTheSpot` answers
 * it during the call); `reroute` moves an open question to the union that handles it; `faq` publishes
 * the answer in general words.
 */
export interface DemoConsultation {
  orgCode: string;
  channel: 'web' | 'hotline';
  category: CategoryKey;
  question: string;
  askerName: string | null;
  /** Days before today and the China time of day it was asked, or hours before now. */
  asked: { daysAgo: number; at: string } | { hoursAgo: number };
  reroute?: { toCode: string; afterHours: number; reason: string };
  answer?: { text: string; afterHours: number; onTheSpot?: boolean };
  /** Closed (办结) this many hours after the answer, or unanswered with a reason. */
  close?: { afterHours: number; reason?: string };
  faq?: { question: string; answer: string; afterHours: number };
}

export const DEMO_CONSULTATIONS: DemoConsultation[] = [
  {
    orgCode: 'JZ', channel: 'web', category: 'student_aid', askerName: '王女士', asked: { daysAgo: 54, at: '08:40' },
    question: '孩子今年考上了河南理工大学，我家是在档困难职工，金秋助学怎么申请？需要准备哪些材料？',
    answer: { afterHours: 3.5, text: '您好！在档困难职工家庭子女可向所在基层工会或街道帮扶工作站申请，请准备户口本、学生身份证、录取通知书和学校缴费通知。基层工会核实“五清”后逐级审核，公示五个工作日无异议后发放。本科在档家庭标准为5000元，不超过实际学费。' },
    close: { afterHours: 48 },
    faq: { afterHours: 72, question: '在档困难职工子女考上大学，怎样申请金秋助学？', answer: '向所在基层工会或乡镇（街道）帮扶工作站申请，带户口本、学生身份证、录取通知书和学校缴费通知。基层工会核实家庭状况、帮扶情况、子女就学情况、学校学费和助学愿望（“五清”）后，县（市、区）总工会和市总工会逐级审核，公示五个工作日无异议后发放。同一学生同一年度只资助一次。' },
  },
  {
    orgCode: 'JZ', channel: 'web', category: 'student_aid', askerName: null, asked: { daysAgo: 49, at: '21:15' },
    question: '我们家没有建困难职工档案，孩子在读高中，家里收入很低，能申请金秋助学吗？',
    answer: { afterHours: 12, text: '可以申请。未建档家庭人均月收入低于当地城市低保标准两倍的，可由所在单位工会或街道帮扶工作站入户核实后申请，高中学段未建档家庭标准为2000元。同时建议申请困难职工建档，建档后可享受更多帮扶。' },
    close: { afterHours: 30 },
    faq: { afterHours: 60, question: '没有建困难职工档案的家庭，子女能申请金秋助学吗？', answer: '可以。家庭人均月收入低于当地城市低保标准两倍的未建档职工和农民工家庭，经所在工会入户核实后可以申请，资助标准低于在档家庭。符合建档条件的，建议同时申请建档。' },
  },
  {
    orgCode: 'JZ', channel: 'web', category: 'employment', askerName: '李同学', asked: { daysAgo: 44, at: '10:05' },
    question: '我是困难职工家庭的应届毕业生，大专会计专业，到现在还没找到工作，工会能帮忙推荐吗？',
    answer: { afterHours: 26, text: '您好！可以到所在县（市、区）总工会或通过职工服务平台做求职登记，我们按专业和意向地区为您匹配岗位，优先推荐承诺优先招聘困难家庭毕业生的企业；符合条件的还可以申请就业见习和社会保险补贴。' },
    close: { afterHours: 72 },
    faq: { afterHours: 96, question: '困难职工家庭的高校毕业生找不到工作，工会能提供哪些帮助？', answer: '到所在县（市、区）总工会做求职登记后，工会按专业、学历和意向地区匹配岗位并推荐，优先推荐承诺优先招聘困难家庭毕业生的企业；还可协调就业见习、职业培训，帮助申请社会保险补贴、公益性岗位补贴和创业担保贷款。' },
  },
  {
    orgCode: 'JZ', channel: 'web', category: 'social_insurance', askerName: '赵先生', asked: { daysAgo: 41, at: '14:30' },
    question: '我是下岗职工，现在在小区做保洁，自己交灵活就业社保，听说有补贴，怎么申请？',
    answer: { afterHours: 30, text: '您好！灵活就业并缴费的就业困难人员可以申请社会保险补贴，先到户籍或居住地的公共就业服务机构办理就业困难人员认定，再按季度带身份证和缴费记录申领。具体补贴标准以人社部门公布为准。' },
    close: { afterHours: 24 },
    faq: { afterHours: 50, question: '下岗后灵活就业自己交社保，有补贴吗？', answer: '灵活就业并缴纳社会保险费的就业困难人员可以申请社会保险补贴：先到公共就业服务机构办理就业困难人员认定，再按季度凭身份证和缴费记录申领。补贴标准和期限以人社部门当年公布为准，工会可以协助咨询。' },
  },
  {
    orgCode: 'JZ', channel: 'web', category: 'hardship_aid', askerName: null, asked: { daysAgo: 37, at: '09:20' },
    question: '困难职工档案是不是每年都要复核？复核的时候需要准备什么？',
    answer: { afterHours: 6, text: '是的，在档家庭每年复核一次，帮扶干部会入户核实家庭成员、收入、健康和子女上学情况。请准备家庭成员身份证、收入证明，有病的准备病历和医疗费票据。' },
    close: { afterHours: 20 },
    faq: { afterHours: 40, question: '困难职工档案每年都要复核吗？', answer: '在档困难职工家庭每年复核一次，由帮扶干部入户核实家庭成员、收入、健康和子女就学情况。请准备家庭成员身份证、收入证明，因病致困的准备病历和医疗费票据。家庭收入稳定超过标准的，按程序解困脱困。' },
  },
  {
    orgCode: 'JZ', channel: 'web', category: 'other', askerName: '陈女士', asked: { daysAgo: 33, at: '11:45' },
    question: '请问市总工会的暑期幼儿托管班明年什么时候开始报名？',
    answer: { afterHours: 2, text: '您好！暑期托管班一般在每年6月底、7月初通过工会公众号和基层工会发布报名通知，名额有限，请留意。' },
    close: { afterHours: 6 },
  },
  {
    orgCode: 'JZ', channel: 'web', category: 'employment', askerName: '刘先生', asked: { daysAgo: 27, at: '15:10' },
    question: '我今年52岁，失业两年了，听说有公益性岗位，怎么申请？',
    answer: { afterHours: 22, text: '您好！公益性岗位主要安置就业困难人员和零就业家庭成员。请先到居住地的公共就业服务机构办理就业困难人员认定，之后可申请社区协管、保洁等公益性岗位；职工服务平台上也有公益性岗位信息，您所在的区总工会可以帮您推荐。' },
    faq: { afterHours: 50, question: '年龄偏大的失业人员，怎样申请公益性岗位？', answer: '公益性岗位主要安置就业困难人员和零就业家庭成员。先到居住地公共就业服务机构办理就业困难人员认定，再申请社区协管、道路保洁、公共服务等岗位；距法定退休年龄不足五年的，补贴期限可按规定延长。职工服务平台也发布公益性岗位，县（市、区）总工会可以协助推荐。' },
  },
  {
    orgCode: 'JZ', channel: 'hotline', category: 'labour_rights', askerName: '孙先生', asked: { daysAgo: 24, at: '16:20' },
    question: '（来电）在工地干活，包工头拖欠三个月工资，现在联系不上人。',
    answer: { afterHours: 0, onTheSpot: true, text: '已告知：保存考勤记录、工资条和聊天记录，向项目所在地劳动保障监察机构投诉，也可申请劳动争议仲裁；工会可提供法律援助，如需要请到市职工服务中心登记。' },
    close: { afterHours: 2 },
  },
  {
    orgCode: 'JZ', channel: 'hotline', category: 'student_aid', askerName: null, asked: { daysAgo: 21, at: '10:35' },
    question: '（来电）孩子的金秋助学审批通过了，钱什么时候到账？',
    answer: { afterHours: 0, onTheSpot: true, text: '已告知：公示期满无异议后，由市总工会财务统一通过银行卡发放，一般在公示结束后两周内到账，到账后会有短信提醒。' },
    close: { afterHours: 1 },
    faq: { afterHours: 30, question: '金秋助学审批通过后，助学金什么时候到账？', answer: '公示期满无异议后，由市总工会统一通过申请时登记的银行卡发放，一般在公示结束后两周内到账。银行卡信息有误导致退回的，基层工会会联系您更正后重新发放。' },
  },
  {
    orgCode: 'JZ-JF', channel: 'hotline', category: 'hardship_aid', askerName: '周女士', asked: { daysAgo: 19, at: '09:50' },
    question: '（来电）住在焦南街道，丈夫去年工伤去世，自己带两个孩子，想申请困难职工帮扶。',
    answer: { afterHours: 44, text: '解放区总工会已联系您，焦南街道帮扶工作站将于本周入户走访，按意外致困申请建档，同时为两个孩子申请金秋助学。' },
    close: { afterHours: 96 },
  },
  {
    orgCode: 'JZ-ZZ', channel: 'web', category: 'hardship_aid', askerName: '郭先生', asked: { daysAgo: 31, at: '19:40' },
    question: '我在府城街道住，爱人今年住院花了十几万，家里就我一个人上班，能申请困难职工建档吗？',
    answer: { afterHours: 28, text: '您好！因家庭成员患大病导致生活困难的可以申请建档。请带身份证、户口本、收入证明和住院费用票据到府城街道帮扶工作站申请，工作站入户核实后逐级审核。' },
    close: { afterHours: 72 },
  },
  {
    orgCode: 'JZ', channel: 'web', category: 'student_aid', askerName: '马女士', asked: { daysAgo: 16, at: '08:55' },
    question: '我在中站区李封街道，孩子考上了焦作大学，想申请助学，应该找哪里？',
    reroute: { toCode: 'JZ-ZZ', afterHours: 3, reason: '申请人住中站区李封街道，转中站区总工会办理' },
    answer: { afterHours: 31, text: '您好！请到李封街道帮扶工作站申请，带户口本、录取通知书和学校缴费通知。大专在档家庭标准为3000元。' },
    close: { afterHours: 50 },
  },
  {
    orgCode: 'JZ-ZZ', channel: 'hotline', category: 'employment', askerName: null, asked: { daysAgo: 13, at: '14:05' },
    question: '（来电）中站区的困难职工专场招聘会在哪里举办？需要带什么？',
    answer: { afterHours: 5, text: '在中站区职工服务中心举办，周六上午九点开始，请带身份证，有职业资格证书的一并带上。' },
    close: { afterHours: 20 },
  },
  {
    orgCode: 'JZ-ZZ', channel: 'web', category: 'student_aid', askerName: '杨女士', asked: { daysAgo: 3, at: '20:10' },
    question: '今年给孩子申请的金秋助学，提交快一个月了，现在到哪一步了？',
  },
  {
    orgCode: 'JZ-JF', channel: 'web', category: 'legal_aid', askerName: '韩先生', asked: { daysAgo: 35, at: '13:25' },
    question: '公司说我不能胜任工作把我辞退了，没有任何补偿，工会能帮我吗？',
    answer: { afterHours: 50, text: '您好！用人单位以不能胜任为由解除合同，须经过培训或调岗仍不能胜任并提前通知。建议您保留劳动合同、工资记录和解除通知，到解放区总工会职工法律援助站咨询，必要时申请劳动争议仲裁，工会可提供法律援助。' },
    close: { afterHours: 120 },
  },
  {
    orgCode: 'JZ-JF', channel: 'web', category: 'employment', askerName: null, asked: { daysAgo: 8, at: '10:40' },
    question: '我是肢体残疾四级，在解放区住，有没有适合残疾人做的工作？',
  },
  {
    orgCode: 'JZ-SY', channel: 'web', category: 'social_insurance', askerName: '冯先生', asked: { daysAgo: 46, at: '09:05' },
    question: '我55岁，企业破产后养老保险断缴了两年，以后还能补交吗？',
    answer: { afterHours: 70, text: '您好！断缴期间可以以灵活就业人员身份继续缴费，累计缴费满十五年即可按月领取养老金；符合就业困难人员条件的，还可以申请灵活就业社会保险补贴。具体可到山阳区社保经办机构办理。' },
    close: { afterHours: 48 },
  },
  {
    orgCode: 'JZ-SY', channel: 'web', category: 'student_aid', askerName: '程女士', asked: { daysAgo: 29, at: '12:15' },
    question: '孩子在焦作市技师学院读中职，可以申请金秋助学吗？',
    answer: { afterHours: 22, text: '可以。从2021年起金秋助学覆盖学前教育到高中（职高）各学段，中职学生在档家庭标准为3000元（未建档2000元），已享受国家免学费政策的仍可申请。' },
    close: { afterHours: 30 },
  },
  {
    orgCode: 'JZ-MC', channel: 'hotline', category: 'hardship_aid', askerName: '牛先生', asked: { daysAgo: 22, at: '15:40' },
    question: '（来电）万方铝业职工，孩子得了白血病，治疗费用很高，想问工会有没有大病救助。',
    answer: { afterHours: 40, text: '马村区总工会已与万方铝业工会联系，按因病致困为您家庭申请建档和医疗救助，基层工会干部将上门了解情况。' },
    close: { afterHours: 72 },
  },
  {
    orgCode: 'JZ-MC', channel: 'web', category: 'employment', askerName: null, asked: { daysAgo: 18, at: '18:30' },
    question: '马村区有没有包吃住的普工岗位？我是外地来的农民工。',
    answer: { afterHours: 15, text: '您好！职工服务平台的岗位信息可按地区和“包吃住”查询，马村区新材料、铝业企业常年招聘普工和操作工。也可到马村区总工会登记求职，我们为您推荐。' },
    close: { afterHours: 40 },
  },
  {
    orgCode: 'JZ-JM', channel: 'web', category: 'hardship_aid', askerName: '申先生', asked: { daysAgo: 39, at: '07:50' },
    question: '我是赵固二矿井下工人，去年工伤腿受了伤，收入少了很多，能申请困难帮扶吗？',
    answer: { afterHours: 45, text: '您好！因工伤导致家庭生活困难的，可以向赵固二矿工会申请建档帮扶，矿工会入户核实后报焦煤集团工会审核。工伤待遇方面，矿工会也可协助您办理。' },
    close: { afterHours: 60 },
  },
  {
    orgCode: 'JZ-JM', channel: 'web', category: 'student_aid', askerName: null, asked: { daysAgo: 2, at: '16:45' },
    question: '古汉山矿职工，孩子今年考上郑州大学研究生，研究生能申请金秋助学吗？',
  },
  {
    orgCode: 'JZ-WZ', channel: 'web', category: 'employment', askerName: '原先生', asked: { daysAgo: 26, at: '10:20' },
    question: '从外地返乡的农民工，想学电焊，武陟县有没有免费的技能培训？',
    answer: { afterHours: 90, text: '您好！武陟县人社部门和县总工会每季度组织电焊、电工等职业技能培训，符合条件的免费参加，培训合格可申请职业技能鉴定补贴。请到武陟县总工会职工服务中心报名。' },
    close: { afterHours: 48 },
  },
  {
    orgCode: 'JZ-WZ', channel: 'web', category: 'employment', askerName: '原先生', asked: { daysAgo: 26, at: '10:24' },
    question: '从外地返乡的农民工，想学电焊，武陟县有没有免费的技能培训？',
    close: { afterHours: 20, reason: '与同一人四分钟前的提问重复，已在该条答复' },
  },
  {
    orgCode: 'JZ-QY', channel: 'web', category: 'labour_rights', askerName: '秦女士', asked: { daysAgo: 11, at: '13:00' },
    question: '单位经常周末加班，不给加班费，说是综合工时，这样合法吗？',
    answer: { afterHours: 36, text: '您好！实行综合计算工时须经人社部门批准；周期内超过法定标准工作时间的部分，应按不低于工资的150%支付加班工资。可先查看单位是否有审批，必要时到沁阳市总工会或劳动保障监察机构反映。' },
  },
  {
    orgCode: 'JZ', channel: 'web', category: 'employment', askerName: null, asked: { hoursAgo: 5 },
    question: '就业援助月期间，工会对零就业家庭有什么帮扶？',
  },
];
