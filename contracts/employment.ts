import { codes } from './households.js';

/**
 * Text a reader can read: at least one letter (any script) or digit. A title of zero-width spaces,
 * punctuation or emoji alone passes a length check but shows as nothing (or noise) on the board.
 */
export const hasWords = (value: string) => /[\p{L}\p{N}]/u.test(value);
export const WORDS_MESSAGE = '应含有文字或数字 (must contain a letter, a Chinese character or a digit)';

/**
 * The coded fields of employment services (就业服务): enterprises, job postings, job seekers, policy
 * articles and consultations. Input schemas live beside the verbs' contracts in this file's
 * neighbours (contracts/enterprises.ts, contracts/jobs.ts, …); the codes are shared by all of them.
 */

/** 行业 (GB/T 4754 sections a Jiaozuo job board sees). */
export const Industry = codes({
  mining: ['采矿业', 'Mining'],
  manufacturing: ['制造业', 'Manufacturing'],
  energy: ['电力、热力、燃气及水生产和供应业', 'Power, heat, gas and water'],
  construction: ['建筑业', 'Construction'],
  trade: ['批发和零售业', 'Wholesale and retail'],
  logistics: ['交通运输、仓储和邮政业', 'Transport, storage and post'],
  hospitality: ['住宿和餐饮业', 'Hotels and catering'],
  it: ['信息传输、软件和信息技术服务业', 'Information technology'],
  finance: ['金融业', 'Finance'],
  services: ['租赁和商务服务业', 'Leasing and business services'],
  resident_services: ['居民服务、修理和其他服务业', 'Resident services and repair'],
  education: ['教育', 'Education'],
  health: ['卫生和社会工作', 'Health and social work'],
  culture: ['文化、体育和娱乐业', 'Culture, sport and entertainment'],
  public: ['公共管理、社会保障和社会组织', 'Public administration and social organisations'],
  agriculture: ['农、林、牧、渔业', 'Agriculture, forestry and fishing'],
});

/** 企业规模 (the statistics bureau's classes). */
export const EnterpriseSize = codes({
  large: ['大型', 'Large'],
  medium: ['中型', 'Medium'],
  small: ['小型', 'Small'],
  micro: ['微型', 'Micro'],
});

/** 岗位类别. */
export const JobCategory = codes({
  production: ['生产制造', 'Production'],
  skilled_trade: ['技术工种', 'Skilled trades'],
  engineering: ['工程技术', 'Engineering'],
  it: ['计算机/互联网', 'IT and internet'],
  sales: ['销售/客服', 'Sales and customer service'],
  admin: ['行政/文员', 'Administration'],
  finance: ['财务/会计', 'Finance and accounting'],
  logistics: ['物流/司机', 'Logistics and driving'],
  catering: ['餐饮/服务', 'Catering and service'],
  health: ['医疗/护理', 'Health and care'],
  education: ['教育/培训', 'Education and training'],
  security: ['保安/保洁/物业', 'Security, cleaning and property'],
  public_interest: ['公益性岗位', 'Public-interest posts'],
  other: ['其他', 'Other'],
});

/** 学历: a posting's minimum and a seeker's own, ordered from lowest (for "meets the minimum"). */
export const Education = codes({
  none: ['不限', 'Any'],
  junior: ['初中', 'Junior high school'],
  senior: ['高中/中专/技校', 'Senior high or vocational school'],
  college: ['大专', 'College'],
  bachelor: ['本科', "Bachelor's degree"],
  master: ['硕士及以上', "Master's degree or above"],
});
export const EDUCATION_RANK: Record<(typeof Education.keys)[number], number> = { none: 0, junior: 1, senior: 2, college: 3, bachelor: 4, master: 5 };

/** 工作经验. */
export const Experience = codes({
  none: ['不限', 'Any'],
  graduate: ['应届毕业生', 'New graduate'],
  one_year: ['1年以上', '1 year or more'],
  three_years: ['3年以上', '3 years or more'],
  five_years: ['5年以上', '5 years or more'],
});

/** 岗位性质: public-interest posts (公益性岗位) and work-study posts (勤工俭学) are kinds of posting. */
export const PostingKind = codes({
  regular: ['普通岗位', 'Regular post'],
  public_interest: ['公益性岗位', 'Public-interest post'],
  work_study: ['勤工俭学岗位', 'Work-study post'],
});

export const PostingStatus = codes({
  draft: ['草稿', 'Draft'],
  submitted: ['待审核', 'Awaiting review'],
  returned: ['已退回', 'Returned'],
  rejected: ['未通过', 'Rejected'],
  published: ['已发布', 'Published'],
  closed: ['已关闭', 'Closed'],
  expired: ['已过期', 'Expired'],
});

export const SeekerStatus = codes({
  seeking: ['求职中', 'Seeking'],
  placed: ['已就业', 'Placed'],
  inactive: ['已停止求职', 'Inactive'],
});

export const ReferralStatus = codes({
  referred: ['已推荐', 'Referred'],
  placed: ['已上岗', 'Placed'],
  declined: ['未录用', 'Declined'],
});

/** 政策类别. */
export const PolicyCategory = codes({
  national_aid: ['国家帮扶政策', 'National aid policy'],
  local_aid: ['地方帮扶政策', 'Local aid policy'],
  student_aid: ['助学政策', 'Student aid'],
  employment: ['就业创业', 'Employment and entrepreneurship'],
  social_insurance: ['社会保险', 'Social insurance'],
  rights: ['劳动权益', 'Labour rights'],
});

/** 咨询类别. */
export const ConsultationCategory = codes({
  hardship_aid: ['困难帮扶', 'Hardship aid'],
  student_aid: ['金秋助学', 'Student aid'],
  employment: ['就业求职', 'Employment'],
  labour_rights: ['劳动权益', 'Labour rights'],
  social_insurance: ['社会保险', 'Social insurance'],
  legal_aid: ['法律援助', 'Legal aid'],
  other: ['其他', 'Other'],
});

export const ConsultationStatus = codes({
  open: ['待答复', 'Open'],
  answered: ['已答复', 'Answered'],
  closed: ['已办结', 'Closed'],
});
