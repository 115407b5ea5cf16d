import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaignApplications } from './campaigns.js';
import { households } from './households.js';
import { orgs } from './orgs.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });
/** Chinese search terms: the text's overlapping two-character pieces (docs/decisions/016), GIN-indexed. */
const bigrams = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/**
 * 用人单位: an enterprise of the platform's job board, belonging to the union org it reports to. Its
 * unified social credit code (统一社会信用代码, GB 32100) is unique and check-verified at the edge.
 */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    uscc: text('uscc').notNull(),
    industry: text('industry').notNull(),
    size: text('size').notNull(),
    address: text('address'),
    regionCode: text('region_code').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    /** Pledged to hire graduates of hardship families first (优先招聘困难家庭毕业生). */
    priorityPledge: boolean('priority_pledge').notNull().default(false),
    /** active | inactive */
    status: text('status').notNull().default('active'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('enterprises_uscc_key').on(t.uscc), index('enterprises_org_idx').on(t.orgId), index('enterprises_name_idx').on(t.name)],
);

/**
 * 岗位信息: a job posting of an enterprise. draft → submitted → (returned | rejected | published) →
 * closed, or expired by the job runner at valid_until. Salaries are fen per month. The same
 * enterprise cannot hold two live postings with the same title in the same region (dedupe_key).
 */
export const jobPostings = pgTable(
  'job_postings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** The enterprise's org, copied for the subtree filter. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    category: text('category').notNull(),
    /** regular | public_interest (公益性岗位) | work_study (勤工俭学) */
    kind: text('kind').notNull().default('regular'),
    openings: integer('openings').notNull(),
    salaryMinFen: bigint('salary_min_fen', { mode: 'number' }).notNull(),
    salaryMaxFen: bigint('salary_max_fen', { mode: 'number' }).notNull(),
    education: text('education').notNull(),
    experience: text('experience').notNull(),
    regionCode: text('region_code').notNull(),
    description: text('description').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    validUntil: date('valid_until').notNull(),
    /** draft | submitted | returned | rejected | published | closed | expired */
    status: text('status').notNull(),
    reviewNote: text('review_note'),
    submittedAt: ts('submitted_at'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: ts('reviewed_at'),
    publishedAt: ts('published_at'),
    closedAt: ts('closed_at'),
    /** Enterprise + normalised title + region: one live posting of each (partial unique index). */
    dedupeKey: text('dedupe_key').notNull(),
    searchTerms: bigrams('search_terms'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('job_postings_enterprise_idx').on(t.enterpriseId, t.createdAt),
    index('job_postings_org_status_idx').on(t.orgId, t.status),
    index('job_postings_board_idx').on(t.status, t.publishedAt),
    index('job_postings_search_idx').using('gin', t.searchTerms),
    index('job_postings_valid_idx').on(t.validUntil).where(sql`status = 'published'`),
    uniqueIndex('job_postings_live_dedupe_key').on(t.dedupeKey).where(sql`status in ('draft', 'submitted', 'returned', 'published')`),
    check('job_postings_openings_positive', sql`${t.openings} > 0`),
    check('job_postings_salary_range', sql`${t.salaryMinFen} >= 0 and ${t.salaryMaxFen} >= ${t.salaryMinFen}`),
    check('job_postings_status_known', sql`${t.status} in ('draft', 'submitted', 'returned', 'rejected', 'published', 'closed', 'expired')`),
    check('job_postings_kind_known', sql`${t.kind} in ('regular', 'public_interest', 'work_study')`),
  ],
);

/**
 * 求职登记: a worker or graduate looking for work, especially of an archived household or a student a
 * campaign aided (then linked, and the placement closes the employment link of the student's journey).
 */
export const jobSeekers = pgTable(
  'job_seekers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    idEnc: text('id_enc').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    education: text('education').notNull(),
    major: text('major'),
    graduationYear: integer('graduation_year'),
    skills: text('skills'),
    wishedCategory: text('wished_category').notNull(),
    wishedRegion: text('wished_region').notNull(),
    wishedSalaryFen: bigint('wished_salary_fen', { mode: 'number' }),
    /** From a hardship family (an archived household, or a student a campaign aided). */
    hardship: boolean('hardship').notNull().default(false),
    householdId: uuid('household_id').references(() => households.id),
    /** The aided student's latest application, whose journey a placement completes. */
    applicationId: uuid('application_id').references(() => campaignApplications.id),
    /** seeking | placed | inactive */
    status: text('status').notNull().default('seeking'),
    /** Why and since when the seeker stopped seeking (停止求职), while inactive only. */
    inactiveReason: text('inactive_reason'),
    inactiveSince: ts('inactive_since'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('job_seekers_id_hash_key').on(t.idHash),
    index('job_seekers_org_status_idx').on(t.orgId, t.status),
    check('job_seekers_status_known', sql`${t.status} in ('seeking', 'placed', 'inactive')`),
    check('job_seekers_inactive_reason', sql`(${t.status} = 'inactive') = (${t.inactiveReason} is not null) and (${t.inactiveReason} is null) = (${t.inactiveSince} is null)`),
  ],
);

/** 推荐与安置: a seeker referred to a posting, and where it led (placed on a day, or declined). */
export const jobReferrals = pgTable(
  'job_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seekerId: uuid('seeker_id')
      .notNull()
      .references(() => jobSeekers.id),
    postingId: uuid('posting_id')
      .notNull()
      .references(() => jobPostings.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** referred | placed | declined */
    status: text('status').notNull(),
    /** Why the match was made (the criteria that matched), as shown when referring. */
    matchedOn: text('matched_on').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    referredBy: uuid('referred_by').notNull(),
    referredAt: ts('referred_at').notNull(),
    placedOn: date('placed_on'),
    closedBy: uuid('closed_by'),
    closedAt: ts('closed_at'),
  },
  (t) => [
    uniqueIndex('job_referrals_seeker_posting_key').on(t.seekerId, t.postingId),
    uniqueIndex('job_referrals_one_placement').on(t.seekerId).where(sql`status = 'placed'`),
    index('job_referrals_posting_idx').on(t.postingId),
    check('job_referrals_status_known', sql`${t.status} in ('referred', 'placed', 'declined')`),
  ],
);

/** 政策发布: an article on a national or local policy, with its source and effective date. */
export const policyArticles = pgTable(
  'policy_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    category: text('category').notNull(),
    source: text('source').notNull(),
    docNo: text('doc_no'),
    effectiveOn: date('effective_on').notNull(),
    summary: text('summary'),
    body: text('body').notNull(),
    /** draft | published | withdrawn */
    status: text('status').notNull(),
    publishedAt: ts('published_at'),
    publishedBy: uuid('published_by'),
    searchTerms: bigrams('search_terms'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('policy_articles_status_idx').on(t.status, t.publishedAt),
    index('policy_articles_search_idx').using('gin', t.searchTerms),
    check('policy_articles_status_known', sql`${t.status} in ('draft', 'published', 'withdrawn')`),
  ],
);

export const policyAttachments = pgTable(
  'policy_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => policyArticles.id),
    kind: text('kind').notNull().default('document'),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: ts('uploaded_at').notNull(),
    deletedAt: ts('deleted_at'),
    deletedBy: uuid('deleted_by'),
    deleteReason: text('delete_reason'),
  },
  (t) => [index('policy_attachments_article_idx').on(t.articleId, t.uploadedAt), uniqueIndex('policy_attachments_storage_key').on(t.storageKey), check('policy_attachments_size_positive', sql`${t.sizeBytes} > 0`)],
);

/**
 * 指导咨询: a question from the public form or a 12351 hotline call, routed to an org's staff, who
 * answer and close it. The asker's phone is personal data (encrypted, masked).
 */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The org it is routed to. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** web | hotline */
    channel: text('channel').notNull(),
    category: text('category').notNull(),
    question: text('question').notNull(),
    askerName: text('asker_name'),
    phoneEnc: text('phone_enc').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    /** open | answered | closed */
    status: text('status').notNull(),
    answer: text('answer'),
    answeredBy: uuid('answered_by'),
    answeredAt: ts('answered_at'),
    closedBy: uuid('closed_by'),
    closedAt: ts('closed_at'),
    /** A public reference the asker can look the answer up by (with the phone's last four digits). */
    ticketNo: text('ticket_no').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('consultations_ticket_key').on(t.ticketNo),
    index('consultations_org_status_idx').on(t.orgId, t.status, t.createdAt),
    check('consultations_status_known', sql`${t.status} in ('open', 'answered', 'closed')`),
    check('consultations_channel_known', sql`${t.channel} in ('web', 'hotline')`),
  ],
);

/** 常见问题: an answer worth publishing, often from a consultation. */
export const faqEntries = pgTable(
  'faq_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    category: text('category').notNull(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    published: boolean('published').notNull().default(true),
    consultationId: uuid('consultation_id').references(() => consultations.id),
    searchTerms: bigrams('search_terms'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('faq_entries_published_idx').on(t.published, t.category), index('faq_entries_search_idx').using('gin', t.searchTerms)],
);
