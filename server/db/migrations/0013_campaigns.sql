CREATE TABLE "aid_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"employer" text,
	"note" text,
	"contacted_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "aid_follow_ups_status_known" CHECK ("aid_follow_ups"."status" in ('studying', 'internship', 'employed', 'left_school'))
);
--> statement-breakpoint
CREATE TABLE "aid_programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"org_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "aid_programs_kind_known" CHECK ("aid_programs"."kind" in ('per_student', 'per_household'))
);
--> statement-breakpoint
CREATE TABLE "application_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"delete_reason" text,
	CONSTRAINT "application_attachments_size_positive" CHECK ("application_attachments"."size_bytes" > 0),
	CONSTRAINT "application_attachments_kind_known" CHECK ("application_attachments"."kind" in ('admission_notice', 'fee_receipt', 'hardship_proof', 'home_visit_photo', 'other'))
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"actor_org_id" uuid,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"reason" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"status" text NOT NULL,
	"job_id" uuid,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"imported_applications" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "application_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"content" text NOT NULL,
	"raised_by" text,
	"raised_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"resolution" text,
	"upheld" boolean,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid
);
--> statement-breakpoint
CREATE TABLE "campaign_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_no" text NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"household_id" uuid,
	"member_id" uuid,
	"filed" boolean NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_enc" text,
	"applicant_id_hash" text,
	"applicant_id_masked" text,
	"applicant_phone_enc" text,
	"applicant_phone_masked" text,
	"unfiled_details" jsonb,
	"income_per_head_monthly_fen" bigint DEFAULT 0 NOT NULL,
	"student_name" text NOT NULL,
	"student_id_enc" text NOT NULL,
	"student_id_hash" text NOT NULL,
	"student_id_masked" text NOT NULL,
	"student_id_notice_masked" text NOT NULL,
	"school_name" text NOT NULL,
	"school_stage" text NOT NULL,
	"school_kind" text NOT NULL,
	"admission_year" integer NOT NULL,
	"major" text,
	"tuition_fen" bigint DEFAULT 0 NOT NULL,
	"other_fees_fen" bigint DEFAULT 0 NOT NULL,
	"national_aid" text[] DEFAULT '{}'::text[] NOT NULL,
	"government_aided" boolean DEFAULT false NOT NULL,
	"five_clears" jsonb,
	"home_visit" jsonb,
	"wish" text,
	"proposed_amount_fen" bigint DEFAULT 0 NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"amount_reason" text,
	"rules_version" integer NOT NULL,
	"in_kind_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"approved_amount_fen" bigint,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"return_reason" text,
	"notice_starts_on" date,
	"notice_ends_on" date,
	"ready_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"payment_ref" text,
	"import_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "campaign_applications_status_known" CHECK ("campaign_applications"."status" in ('draft', 'submitted', 'verified', 'district_approved', 'city_approved', 'in_notice', 'ready', 'paid', 'followed_up', 'rejected', 'withdrawn')),
	CONSTRAINT "campaign_applications_filed_consistent" CHECK (("campaign_applications"."filed" and "campaign_applications"."household_id" is not null and "campaign_applications"."member_id" is not null) or (not "campaign_applications"."filed" and "campaign_applications"."household_id" is null)),
	CONSTRAINT "campaign_applications_amounts_nonnegative" CHECK ("campaign_applications"."amount_fen" >= 0 and "campaign_applications"."proposed_amount_fen" >= 0 and coalesce("campaign_applications"."approved_amount_fen", 0) >= 0),
	CONSTRAINT "campaign_applications_amount_reason" CHECK ("campaign_applications"."amount_fen" = "campaign_applications"."proposed_amount_fen" or "campaign_applications"."amount_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "campaign_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"student_id_hash" text NOT NULL,
	"household_id" uuid,
	"org_id" uuid NOT NULL,
	"method" text NOT NULL,
	"contacted_on" date NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"notification_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaign_contacts_method_known" CHECK ("campaign_contacts"."method" in ('sms', 'phone', 'visit')),
	CONSTRAINT "campaign_contacts_outcome_known" CHECK ("campaign_contacts"."outcome" in ('reached', 'unreachable', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "campaign_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"recipient_key" text NOT NULL,
	"org_id" uuid NOT NULL,
	"household_id" uuid,
	"application_id" uuid,
	"lump_sum_batch_id" uuid,
	"recipient_name" text NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"in_kind_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"ready_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"paid_on" date,
	"payment_ref" text,
	CONSTRAINT "campaign_grants_status_known" CHECK ("campaign_grants"."status" in ('ready', 'paid')),
	CONSTRAINT "campaign_grants_amount_nonnegative" CHECK ("campaign_grants"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "campaign_orgs" (
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"budget_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_orgs_campaign_id_org_id_pk" PRIMARY KEY("campaign_id","org_id"),
	CONSTRAINT "campaign_orgs_budget_nonnegative" CHECK ("campaign_orgs"."budget_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "campaign_rule_versions" (
	"campaign_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaign_rule_versions_campaign_id_version_pk" PRIMARY KEY("campaign_id","version")
);
--> statement-breakpoint
CREATE TABLE "campaign_worklist" (
	"campaign_id" uuid NOT NULL,
	"student_id_hash" text NOT NULL,
	"household_id" uuid NOT NULL,
	"member_id" uuid,
	"org_id" uuid NOT NULL,
	"student_name" text NOT NULL,
	"student_id_masked" text NOT NULL,
	"school_stage" text,
	"reason" text NOT NULL,
	"built_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaign_worklist_campaign_id_student_id_hash_pk" PRIMARY KEY("campaign_id","student_id_hash")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"apply_from" date NOT NULL,
	"apply_to" date NOT NULL,
	"notice_days" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"rules_version" integer DEFAULT 1 NOT NULL,
	"step_actors" jsonb NOT NULL,
	"worklist_built_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "campaigns_status_known" CHECK ("campaigns"."status" in ('draft', 'open', 'closed')),
	CONSTRAINT "campaigns_window" CHECK ("campaigns"."apply_from" <= "campaigns"."apply_to")
);
--> statement-breakpoint
CREATE TABLE "lump_sum_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"job_id" uuid,
	"rules_version" integer NOT NULL,
	"household_count" integer DEFAULT 0 NOT NULL,
	"excluded_count" integer DEFAULT 0 NOT NULL,
	"total_fen" bigint DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "lump_sum_batches_status_known" CHECK ("lump_sum_batches"."status" in ('building', 'previewed', 'confirmed', 'discarded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "lump_sum_lines" (
	"batch_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"recipient_name" text NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"exclusion" text,
	CONSTRAINT "lump_sum_lines_batch_id_household_id_pk" PRIMARY KEY("batch_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"org_id" uuid NOT NULL,
	"recipient_enc" text NOT NULL,
	"recipient_masked" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"source_type" text,
	"source_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "notifications_status_known" CHECK ("notifications"."status" in ('queued', 'sent', 'failed')),
	CONSTRAINT "notifications_channel_known" CHECK ("notifications"."channel" in ('sms'))
);
--> statement-breakpoint
ALTER TABLE "aid_follow_ups" ADD CONSTRAINT "aid_follow_ups_application_id_campaign_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."campaign_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_programs" ADD CONSTRAINT "aid_programs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_application_id_campaign_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."campaign_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_campaign_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."campaign_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_imports" ADD CONSTRAINT "application_imports_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_imports" ADD CONSTRAINT "application_imports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_objections" ADD CONSTRAINT "application_objections_application_id_campaign_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."campaign_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_applications" ADD CONSTRAINT "campaign_applications_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_applications" ADD CONSTRAINT "campaign_applications_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_applications" ADD CONSTRAINT "campaign_applications_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_applications" ADD CONSTRAINT "campaign_applications_member_id_household_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."household_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_contacts" ADD CONSTRAINT "campaign_contacts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_contacts" ADD CONSTRAINT "campaign_contacts_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_contacts" ADD CONSTRAINT "campaign_contacts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_grants" ADD CONSTRAINT "campaign_grants_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_grants" ADD CONSTRAINT "campaign_grants_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_grants" ADD CONSTRAINT "campaign_grants_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_grants" ADD CONSTRAINT "campaign_grants_application_id_campaign_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."campaign_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_orgs" ADD CONSTRAINT "campaign_orgs_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_orgs" ADD CONSTRAINT "campaign_orgs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_rule_versions" ADD CONSTRAINT "campaign_rule_versions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_worklist" ADD CONSTRAINT "campaign_worklist_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_worklist" ADD CONSTRAINT "campaign_worklist_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_worklist" ADD CONSTRAINT "campaign_worklist_member_id_household_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."household_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_worklist" ADD CONSTRAINT "campaign_worklist_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_program_id_aid_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."aid_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lump_sum_batches" ADD CONSTRAINT "lump_sum_batches_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lump_sum_batches" ADD CONSTRAINT "lump_sum_batches_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lump_sum_lines" ADD CONSTRAINT "lump_sum_lines_batch_id_lump_sum_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."lump_sum_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lump_sum_lines" ADD CONSTRAINT "lump_sum_lines_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lump_sum_lines" ADD CONSTRAINT "lump_sum_lines_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "aid_follow_ups_one_per_year" ON "aid_follow_ups" USING btree ("application_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "aid_programs_code_key" ON "aid_programs" USING btree ("code");--> statement-breakpoint
CREATE INDEX "application_attachments_application_idx" ON "application_attachments" USING btree ("application_id","uploaded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "application_attachments_storage_key" ON "application_attachments" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "application_objections_application_idx" ON "application_objections" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_applications_no_key" ON "campaign_applications" USING btree ("application_no");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_applications_one_per_student" ON "campaign_applications" USING btree ("campaign_id","student_id_hash") WHERE status not in ('rejected', 'withdrawn');--> statement-breakpoint
CREATE INDEX "campaign_applications_campaign_org_idx" ON "campaign_applications" USING btree ("campaign_id","org_id","status");--> statement-breakpoint
CREATE INDEX "campaign_applications_household_idx" ON "campaign_applications" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "campaign_applications_student_idx" ON "campaign_applications" USING btree ("student_id_hash");--> statement-breakpoint
CREATE INDEX "campaign_contacts_student_idx" ON "campaign_contacts" USING btree ("campaign_id","student_id_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_grants_one_per_recipient" ON "campaign_grants" USING btree ("campaign_id","recipient_key");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_grants_application_key" ON "campaign_grants" USING btree ("application_id") WHERE application_id is not null;--> statement-breakpoint
CREATE INDEX "campaign_grants_campaign_status_idx" ON "campaign_grants" USING btree ("campaign_id","status","org_id");--> statement-breakpoint
CREATE INDEX "campaign_worklist_org_idx" ON "campaign_worklist" USING btree ("campaign_id","org_id");--> statement-breakpoint
CREATE INDEX "campaigns_program_idx" ON "campaigns" USING btree ("program_id","year");--> statement-breakpoint
CREATE INDEX "lump_sum_batches_campaign_idx" ON "lump_sum_batches" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lump_sum_batches_one_open" ON "lump_sum_batches" USING btree ("campaign_id","org_id") WHERE status in ('building', 'previewed');--> statement-breakpoint
CREATE INDEX "notifications_queued_idx" ON "notifications" USING btree ("created_at") WHERE status = 'queued';--> statement-breakpoint
CREATE SEQUENCE "application_no_seq";
