import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CampaignRules, FiveClearsInput, StepActors } from '../../../contracts/campaigns.js';
import { householdMembers, households } from './households.js';
import { orgs } from './orgs.js';

const money = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
const ts = (name: string) => timestamp(name, { withTimezone: true });

/** 帮扶项目: 金秋助学, 特别慰问金, 送温暖 … Each runs campaigns. */
export const aidPrograms = pgTable(
  'aid_programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** per_student | per_household */
    kind: text('kind').notNull(),
    description: text('description'),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('aid_programs_code_key').on(t.code), check('aid_programs_kind_known', sql`${t.kind} in ('per_student', 'per_household')`)],
);

/** One year's campaign of a program, with its rules as data (versioned) and who acts at each step. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => aidPrograms.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    applyFrom: date('apply_from').notNull(),
    applyTo: date('apply_to').notNull(),
    noticeDays: integer('notice_days').notNull(),
    rules: jsonb('rules').$type<CampaignRules>().notNull(),
    rulesVersion: integer('rules_version').notNull().default(1),
    stepActors: jsonb('step_actors').$type<StepActors>().notNull(),
    /** When the worklist (reach) was last computed from the archive. */
    worklistBuiltAt: ts('worklist_built_at'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('campaigns_program_idx').on(t.programId, t.year),
    check('campaigns_status_known', sql`${t.status} in ('draft', 'open', 'closed')`),
    check('campaigns_window', sql`${t.applyFrom} <= ${t.applyTo}`),
  ],
);

/** Every saved version of a campaign's rules (who changed what, when). */
export const campaignRuleVersions = pgTable(
  'campaign_rule_versions',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    version: integer('version').notNull(),
    rules: jsonb('rules').$type<CampaignRules>().notNull(),
    changedBy: uuid('changed_by'),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.version] })],
);

/** The orgs taking part (each with its subtree) and the budget each may approve. */
export const campaignOrgs = pgTable(
  'campaign_orgs',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    budgetFen: money('budget_fen'),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.orgId] }), check('campaign_orgs_budget_nonnegative', sql`${t.budgetFen} >= 0`)],
);

/**
 * The reach worklist (通知到人): every eligible student the archive knows, computed on the job runner
 * when asked — a member at a school transition this year, or a student aided in earlier campaigns (回访).
 */
export const campaignWorklist = pgTable(
  'campaign_worklist',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    studentIdHash: text('student_id_hash').notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    memberId: uuid('member_id').references(() => householdMembers.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    studentName: text('student_name').notNull(),
    studentIdMasked: text('student_id_masked').notNull(),
    schoolStage: text('school_stage'),
    /** transition (entering a stage or sitting the college entrance exam this year) | follow_up (aided before) */
    reason: text('reason').notNull(),
    builtAt: ts('built_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.studentIdHash] }), index('campaign_worklist_org_idx').on(t.campaignId, t.orgId)],
);

/** Each contact with a family during reach: SMS (through the outbox), phone call or home visit. */
export const campaignContacts = pgTable(
  'campaign_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    studentIdHash: text('student_id_hash').notNull(),
    householdId: uuid('household_id').references(() => households.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    method: text('method').notNull(),
    contactedOn: date('contacted_on').notNull(),
    outcome: text('outcome').notNull(),
    note: text('note'),
    notificationId: uuid('notification_id'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [
    index('campaign_contacts_student_idx').on(t.campaignId, t.studentIdHash),
    check('campaign_contacts_method_known', sql`${t.method} in ('sms', 'phone', 'visit')`),
    check('campaign_contacts_outcome_known', sql`${t.outcome} in ('reached', 'unreachable', 'declined')`),
  ],
);

/**
 * The notification outbox: a message is written in the business transaction and sent later by a job
 * through the configured sender (a log sender by default). The phone number is kept encrypted.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    recipientEnc: text('recipient_enc').notNull(),
    recipientMasked: text('recipient_masked').notNull(),
    body: text('body').notNull(),
    /** queued | sent | failed */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    index('notifications_queued_idx').on(t.createdAt).where(sql`status = 'queued'`),
    check('notifications_status_known', sql`${t.status} in ('queued', 'sent', 'failed')`),
    check('notifications_channel_known', sql`${t.channel} in ('sms')`),
  ],
);

/**
 * One application for one student (金秋助学申请). A filed household's student is its member; an
 * unfiled applicant's data (temporary hardship) is kept on the application, encrypted like the archive.
 */
export const campaignApplications = pgTable(
  'campaign_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationNo: text('application_no').notNull(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    householdId: uuid('household_id').references(() => households.id),
    memberId: uuid('member_id').references(() => householdMembers.id),
    filed: boolean('filed').notNull(),
    /** Unfiled applicants: name, encrypted ID/phone, household size, income per head, region, hardship. */
    applicantName: text('applicant_name').notNull(),
    applicantIdEnc: text('applicant_id_enc'),
    applicantIdHash: text('applicant_id_hash'),
    applicantIdMasked: text('applicant_id_masked'),
    applicantPhoneEnc: text('applicant_phone_enc'),
    applicantPhoneMasked: text('applicant_phone_masked'),
    unfiledDetails: jsonb('unfiled_details').$type<{ employerName?: string | null; householdSize: number; regionCode: string; hardship: string }>(),
    incomePerHeadMonthlyFen: money('income_per_head_monthly_fen'),
    studentName: text('student_name').notNull(),
    studentIdEnc: text('student_id_enc').notNull(),
    studentIdHash: text('student_id_hash').notNull(),
    studentIdMasked: text('student_id_masked').notNull(),
    /** The public notice's mask (first 4, last 2). */
    studentIdNoticeMasked: text('student_id_notice_masked').notNull(),
    schoolName: text('school_name').notNull(),
    schoolStage: text('school_stage').notNull(),
    schoolKind: text('school_kind').notNull(),
    admissionYear: integer('admission_year').notNull(),
    major: text('major'),
    tuitionFen: money('tuition_fen'),
    otherFeesFen: money('other_fees_fen'),
    nationalAid: text('national_aid').array().notNull().default(sql`'{}'::text[]`),
    governmentAided: boolean('government_aided').notNull().default(false),
    fiveClears: jsonb('five_clears').$type<FiveClearsInput>(),
    homeVisit: jsonb('home_visit').$type<{ visitDate: string; visitors: string; findings: string }>(),
    wish: text('wish'),
    /** What the rules proposed (at rulesVersion) and the amount asked for; they differ only with a reason. */
    proposedAmountFen: money('proposed_amount_fen'),
    amountFen: money('amount_fen'),
    amountReason: text('amount_reason'),
    rulesVersion: integer('rules_version').notNull(),
    inKindItems: jsonb('in_kind_items').$type<Array<{ item: string; quantity: number }>>().notNull().default([]),
    status: text('status').notNull(),
    /** The amount fixed by the city's approval; rule changes never touch it. */
    approvedAmountFen: bigint('approved_amount_fen', { mode: 'number' }),
    submittedBy: uuid('submitted_by'),
    submittedAt: ts('submitted_at'),
    returnReason: text('return_reason'),
    noticeStartsOn: date('notice_starts_on'),
    noticeEndsOn: date('notice_ends_on'),
    readyAt: ts('ready_at'),
    paidAt: ts('paid_at'),
    paymentRef: text('payment_ref'),
    importId: uuid('import_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('campaign_applications_no_key').on(t.applicationNo),
    // One live application per student per campaign, wherever in the federation it is made.
    uniqueIndex('campaign_applications_one_per_student')
      .on(t.campaignId, t.studentIdHash)
      .where(sql`status not in ('rejected', 'withdrawn')`),
    index('campaign_applications_campaign_org_idx').on(t.campaignId, t.orgId, t.status),
    index('campaign_applications_household_idx').on(t.householdId),
    index('campaign_applications_student_idx').on(t.studentIdHash),
    check(
      'campaign_applications_status_known',
      sql`${t.status} in ('draft', 'submitted', 'verified', 'district_approved', 'city_approved', 'in_notice', 'ready', 'paid', 'followed_up', 'rejected', 'withdrawn')`,
    ),
    check('campaign_applications_filed_consistent', sql`(${t.filed} and ${t.householdId} is not null and ${t.memberId} is not null) or (not ${t.filed} and ${t.householdId} is null)`),
    check('campaign_applications_amounts_nonnegative', sql`${t.amountFen} >= 0 and ${t.proposedAmountFen} >= 0 and coalesce(${t.approvedAmountFen}, 0) >= 0`),
    check('campaign_applications_amount_reason', sql`${t.amountFen} = ${t.proposedAmountFen} or ${t.amountReason} is not null`),
  ],
);

export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => campaignApplications.id),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    actorOrgId: uuid('actor_org_id'),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.id)],
);

export const applicationObjections = pgTable(
  'application_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => campaignApplications.id),
    content: text('content').notNull(),
    raisedBy: text('raised_by'),
    raisedAt: ts('raised_at').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    resolution: text('resolution'),
    upheld: boolean('upheld'),
    resolvedAt: ts('resolved_at'),
    resolvedBy: uuid('resolved_by'),
  },
  (t) => [index('application_objections_application_idx').on(t.applicationId)],
);

/** Admission notice, fee receipts, proofs: the same encrypted file store as the archive's attachments. */
export const applicationAttachments = pgTable(
  'application_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => campaignApplications.id),
    kind: text('kind').notNull(),
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
  (t) => [
    index('application_attachments_application_idx').on(t.applicationId, t.uploadedAt),
    uniqueIndex('application_attachments_storage_key').on(t.storageKey),
    check('application_attachments_size_positive', sql`${t.sizeBytes} > 0`),
    check('application_attachments_kind_known', sql`${t.kind} in ('admission_notice', 'fee_receipt', 'hardship_proof', 'home_visit_photo', 'other')`),
  ],
);

/**
 * A grant: the one payable aid a recipient gets from a campaign (recipient = the student's ID hash for
 * per-student programs, the household's worker ID hash for lump sums). The primary key is the rule
 * "one grant per student per campaign across the whole federation". Status `ready` is what the funds
 * ledger pays; paying marks it `paid` through markGrantPaid.
 */
export const campaignGrants = pgTable(
  'campaign_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    recipientKey: text('recipient_key').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    householdId: uuid('household_id').references(() => households.id),
    applicationId: uuid('application_id').references(() => campaignApplications.id),
    lumpSumBatchId: uuid('lump_sum_batch_id'),
    recipientName: text('recipient_name').notNull(),
    amountFen: money('amount_fen'),
    inKindItems: jsonb('in_kind_items').$type<Array<{ item: string; quantity: number }>>().notNull().default([]),
    /** ready | paid */
    status: text('status').notNull(),
    readyAt: ts('ready_at').notNull(),
    paidAt: ts('paid_at'),
    paidOn: date('paid_on'),
    paymentRef: text('payment_ref'),
  },
  (t) => [
    uniqueIndex('campaign_grants_one_per_recipient').on(t.campaignId, t.recipientKey),
    uniqueIndex('campaign_grants_application_key').on(t.applicationId).where(sql`application_id is not null`),
    index('campaign_grants_campaign_status_idx').on(t.campaignId, t.status, t.orgId),
    check('campaign_grants_status_known', sql`${t.status} in ('ready', 'paid')`),
    check('campaign_grants_amount_nonnegative', sql`${t.amountFen} >= 0`),
  ],
);

/** Yearly follow-up (回访) of an aided student: studying, internship, employed (where), left school. */
export const aidFollowUps = pgTable(
  'aid_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => campaignApplications.id),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    employer: text('employer'),
    note: text('note'),
    contactedOn: date('contacted_on').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [
    uniqueIndex('aid_follow_ups_one_per_year').on(t.applicationId, t.year),
    check('aid_follow_ups_status_known', sql`${t.status} in ('studying', 'internship', 'employed', 'left_school')`),
  ],
);

/** A lump-sum campaign's batch (特别慰问金): every qualifying household in scope, built on the job runner, confirmed by a person. */
export const lumpSumBatches = pgTable(
  'lump_sum_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status').notNull(),
    jobId: uuid('job_id'),
    rulesVersion: integer('rules_version').notNull(),
    householdCount: integer('household_count').notNull().default(0),
    excludedCount: integer('excluded_count').notNull().default(0),
    totalFen: money('total_fen'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: ts('confirmed_at'),
    note: text('note'),
  },
  (t) => [
    index('lump_sum_batches_campaign_idx').on(t.campaignId),
    // One batch in the making per campaign and org: a second build waits for the first to be confirmed or discarded.
    uniqueIndex('lump_sum_batches_one_open').on(t.campaignId, t.orgId).where(sql`status in ('building', 'previewed')`),
    check('lump_sum_batches_status_known', sql`${t.status} in ('building', 'previewed', 'confirmed', 'discarded', 'failed')`),
  ],
);

export const lumpSumLines = pgTable(
  'lump_sum_lines',
  {
    batchId: uuid('batch_id')
      .notNull()
      .references(() => lumpSumBatches.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    recipientName: text('recipient_name').notNull(),
    amountFen: money('amount_fen'),
    /** Null when the household qualifies; otherwise why not (already granted, income over the line …). */
    exclusion: text('exclusion'),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.householdId] })],
);

/** Applications imported from a union office's Excel list: same bounded reader and per-cell report as the archive. */
export const applicationImports = pgTable('application_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  campaignId: uuid('campaign_id')
    .notNull()
    .references(() => campaigns.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  filename: text('filename').notNull(),
  /** queued | validating | succeeded | failed | cancelled */
  status: text('status').notNull(),
  jobId: uuid('job_id'),
  totalRows: integer('total_rows').notNull().default(0),
  importedApplications: integer('imported_applications').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  errors: jsonb('errors').$type<Array<{ sheet: string; row: number; column: string; value: string; reason: string }>>().notNull().default([]),
  message: text('message'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  finishedAt: ts('finished_at'),
});
