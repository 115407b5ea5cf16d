import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, bigint, boolean, timestamp, date, jsonb, index, uniqueIndex, bigserial } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.js';

const money = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One household per hardship worker (一户一档). ID number, phone and bank card are stored encrypted
 * (`*_enc`), with a keyed hash for exact lookup (`*_hash`) and a precomputed mask for lists.
 */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseNo: text('case_no').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status').notNull(),
    category: text('category').notNull(),
    mainCause: text('main_cause').notNull(),
    secondaryCauses: text('secondary_causes').array().notNull().default(sql`'{}'::text[]`),
    /** Main and secondary causes together, GIN-indexed for the list's cause filter. */
    allCauses: text('all_causes').array().notNull().default(sql`'{}'::text[]`),
    name: text('name').notNull(),
    idEnc: text('id_enc').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    sex: text('sex').notNull(),
    birthDate: date('birth_date').notNull(),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    ethnicity: text('ethnicity'),
    politicalStatus: text('political_status'),
    employerName: text('employer_name'),
    employmentForm: text('employment_form').notNull(),
    workStatus: text('work_status'),
    modelWorkerTitle: text('model_worker_title'),
    health: text('health').notNull(),
    disabilityType: text('disability_type').notNull(),
    disabilityGrade: integer('disability_grade'),
    housing: text('housing'),
    hukouType: text('hukou_type'),
    hukouRegion: text('hukou_region'),
    maritalStatus: text('marital_status'),
    singleParent: boolean('single_parent').notNull().default(false),
    medicalInsurance: text('medical_insurance'),
    bankName: text('bank_name'),
    bankBranch: text('bank_branch'),
    bankCardEnc: text('bank_card_enc'),
    bankCardMasked: text('bank_card_masked'),
    monthlyIncomeFen: money('monthly_income_fen'),
    otherAnnualIncomeFen: money('other_annual_income_fen'),
    annualIncomeFen: money('annual_income_fen'),
    householdSize: integer('household_size').notNull(),
    incomePerHeadMonthlyFen: money('income_per_head_monthly_fen'),
    priorityGroup: text('priority_group'),
    exitMeasures: text('exit_measures'),
    memberSchoolStages: text('member_school_stages').array().notNull().default(sql`'{}'::text[]`),
    noticeStartsOn: date('notice_starts_on'),
    noticeEndsOn: date('notice_ends_on'),
    archivedAt: ts('archived_at'),
    lastVerifiedOn: date('last_verified_on'),
    nextVerificationDue: date('next_verification_due'),
    liftedAt: ts('lifted_at'),
    liftReason: text('lift_reason'),
    relapsed: boolean('relapsed').notNull().default(false),
    createdBy: uuid('created_by'),
    submittedBy: uuid('submitted_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    /**
     * The import that wrote it. While that import is not yet committed (still writing, awaiting a
     * second person's approval, or being removed after a failure) the household is invisible.
     */
    importId: uuid('import_id'),
  },
  (t) => [
    uniqueIndex('households_case_no_key').on(t.caseNo),
    // Also INCLUDEs status, category, all_causes, member_school_stages and next_verification_due
    // (migration 0008; drizzle cannot declare INCLUDE) so capped counts are index-only scans, and
    // income_per_head_monthly_fen, import_id and id (0014) so a district's rule preview is too.
    index('households_org_created_idx').on(t.orgId, t.createdAt),
    // The list's default and common sorts walk these and stop after one page (bench/list-households.ts).
    index('households_created_idx').on(t.createdAt, t.id),
    index('households_updated_idx').on(t.updatedAt, t.id),
    index('households_status_idx').on(t.status),
    index('households_id_hash_idx').on(t.idHash),
    index('households_verification_idx').on(t.nextVerificationDue),
    index('households_stages_idx').using('gin', t.memberSchoolStages),
    index('households_causes_idx').using('gin', t.allCauses),
    index('households_import_idx').on(t.importId).where(sql`${t.importId} is not null`),
    // The rule preview's whole-archive pass (rules/preview-counts.ts): every column its household tests
    // read, in id order for the merge join with the students below; a read of a third of the table.
    // The id is unique, so the trailing columns stay out of the inner pages (suffix truncation).
    index('households_preview_idx').on(t.id, t.orgId, t.status, t.category, t.incomePerHeadMonthlyFen, t.memberSchoolStages, t.importId),
  ],
);

export const householdMembers = pgTable(
  'household_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    position: integer('position').notNull(),
    relation: text('relation').notNull(),
    name: text('name').notNull(),
    idEnc: text('id_enc').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    sex: text('sex').notNull(),
    birthDate: date('birth_date').notNull(),
    health: text('health').notNull(),
    medicalInsurance: text('medical_insurance'),
    monthlyIncomeFen: money('monthly_income_fen'),
    status: text('status'),
    schoolOrEmployer: text('school_or_employer'),
    schoolStage: text('school_stage'),
    enrolmentYear: integer('enrolment_year'),
  },
  (t) => [
    index('household_members_household_idx').on(t.householdId),
    index('household_members_id_hash_idx').on(t.idHash),
    // The students (members at school), with their stage, in household order: the rule preview's other side.
    index('household_members_students_idx').on(t.householdId, t.schoolStage).where(sql`${t.schoolStage} is not null`),
  ],
);

/**
 * One row per ID number held by an open household (worker or member): the primary key makes a second
 * filing anywhere in the federation fail, even under concurrent filings. Released when a household is
 * rejected or closed.
 */
export const householdIdClaims = pgTable('household_id_claims', {
  idHash: text('id_hash').primaryKey(),
  householdId: uuid('household_id')
    .notNull()
    .references(() => households.id),
  role: text('role').notNull(), // 'worker' | 'member'
});

/** The full history of every change and workflow step. */
export const householdEvents = pgTable(
  'household_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
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
  (t) => [index('household_events_household_idx').on(t.householdId, t.id)],
);

export const householdVisits = pgTable(
  'household_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    kind: text('kind').notNull(), // 'home_visit' | 'follow_up' | 'verification'
    visitDate: date('visit_date').notNull(),
    visitors: text('visitors').notNull(),
    findings: text('findings').notNull(),
    consentSigned: boolean('consent_signed').notNull().default(false),
    recordedBy: uuid('recorded_by'),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('household_visits_household_idx').on(t.householdId)],
);

export const householdObjections = pgTable(
  'household_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    content: text('content').notNull(),
    raisedBy: text('raised_by'),
    raisedAt: ts('raised_at').notNull(),
    recordedBy: uuid('recorded_by'),
    resolution: text('resolution'),
    upheld: boolean('upheld'),
    resolvedAt: ts('resolved_at'),
    resolvedBy: uuid('resolved_by'),
  },
  (t) => [index('household_objections_household_idx').on(t.householdId)],
);

export const householdTransfers = pgTable(
  'household_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    fromOrgId: uuid('from_org_id').notNull(),
    toOrgId: uuid('to_org_id').notNull(),
    status: text('status').notNull(), // pending | accepted | declined | cancelled
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: ts('requested_at').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    index('household_transfers_household_idx').on(t.householdId),
    index('household_transfers_to_idx').on(t.toOrgId, t.status),
    uniqueIndex('household_transfers_one_pending').on(t.householdId).where(sql`status = 'pending'`),
  ],
);

/** 帮扶台账: every aid a household received, appended by every program through recordHouseholdAid. */
export const householdAid = pgTable(
  'household_aid',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    program: text('program').notNull(),
    aidType: text('aid_type').notNull(),
    amountFen: money('amount_fen'),
    item: text('item'),
    aidedOn: date('aided_on').notNull(),
    note: text('note'),
    sourceModule: text('source_module').notNull(),
    sourceRef: text('source_ref'),
    recordedBy: uuid('recorded_by'),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [
    index('household_aid_household_idx').on(t.householdId, t.aidedOn),
    uniqueIndex('household_aid_source_key').on(t.sourceModule, t.sourceRef).where(sql`source_ref is not null`),
  ],
);

export const householdImports = pgTable('household_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id').notNull(),
  filename: text('filename').notNull(),
  /** queued | validating | writing | awaiting_approval | succeeded | failed | rejected */
  status: text('status').notNull(),
  jobId: uuid('job_id'),
  asArchived: boolean('as_archived').notNull().default(false),
  /** Archiving without the workflow needs a second person (household.review, not the importer). */
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
  decisionReason: text('decision_reason'),
  /**
   * The created_at/updated_at every household of this import carries, while they are written but not
   * visible (cleared once they are removed); lists sorted by those columns skip that one instant.
   */
  stagedAt: ts('staged_at'),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  importedHouseholds: integer('imported_households').notNull().default(0),
  importedMembers: integer('imported_members').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  errors: jsonb('errors').$type<Array<{ sheet: string; row: number; column: string; value: string; reason: string }>>().notNull().default([]),
  message: text('message'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  finishedAt: ts('finished_at'),
});
