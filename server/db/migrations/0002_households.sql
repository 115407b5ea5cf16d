CREATE TABLE "household_aid" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"program" text NOT NULL,
	"aid_type" text NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"item" text,
	"aided_on" date NOT NULL,
	"note" text,
	"source_module" text NOT NULL,
	"source_ref" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
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
CREATE TABLE "household_id_claims" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"role" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"imported_households" integer DEFAULT 0 NOT NULL,
	"imported_members" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"relation" text NOT NULL,
	"name" text NOT NULL,
	"id_enc" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"health" text NOT NULL,
	"medical_insurance" text,
	"monthly_income_fen" bigint DEFAULT 0 NOT NULL,
	"status" text,
	"school_or_employer" text,
	"school_stage" text,
	"enrolment_year" integer
);
--> statement-breakpoint
CREATE TABLE "household_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"content" text NOT NULL,
	"raised_by" text,
	"raised_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"resolution" text,
	"upheld" boolean,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid
);
--> statement-breakpoint
CREATE TABLE "household_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"from_org_id" uuid NOT NULL,
	"to_org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "household_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"visit_date" date NOT NULL,
	"visitors" text NOT NULL,
	"findings" text NOT NULL,
	"consent_signed" boolean DEFAULT false NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_no" text NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"category" text NOT NULL,
	"main_cause" text NOT NULL,
	"secondary_causes" text[] DEFAULT '{}'::text[] NOT NULL,
	"name" text NOT NULL,
	"id_enc" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"phone_enc" text,
	"phone_hash" text,
	"phone_masked" text,
	"ethnicity" text,
	"political_status" text,
	"employer_name" text,
	"employment_form" text NOT NULL,
	"work_status" text,
	"model_worker_title" text,
	"health" text NOT NULL,
	"disability_type" text NOT NULL,
	"disability_grade" integer,
	"housing" text,
	"hukou_type" text,
	"hukou_region" text,
	"marital_status" text,
	"single_parent" boolean DEFAULT false NOT NULL,
	"medical_insurance" text,
	"bank_name" text,
	"bank_branch" text,
	"bank_card_enc" text,
	"bank_card_masked" text,
	"monthly_income_fen" bigint DEFAULT 0 NOT NULL,
	"other_annual_income_fen" bigint DEFAULT 0 NOT NULL,
	"annual_income_fen" bigint DEFAULT 0 NOT NULL,
	"household_size" integer NOT NULL,
	"income_per_head_monthly_fen" bigint DEFAULT 0 NOT NULL,
	"priority_group" text,
	"exit_measures" text,
	"member_school_stages" text[] DEFAULT '{}'::text[] NOT NULL,
	"notice_starts_on" date,
	"notice_ends_on" date,
	"archived_at" timestamp with time zone,
	"last_verified_on" date,
	"next_verification_due" date,
	"lifted_at" timestamp with time zone,
	"lift_reason" text,
	"relapsed" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"submitted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "household_aid" ADD CONSTRAINT "household_aid_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_events" ADD CONSTRAINT "household_events_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_id_claims" ADD CONSTRAINT "household_id_claims_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_objections" ADD CONSTRAINT "household_objections_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_transfers" ADD CONSTRAINT "household_transfers_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_visits" ADD CONSTRAINT "household_visits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_aid_household_idx" ON "household_aid" USING btree ("household_id","aided_on");--> statement-breakpoint
CREATE UNIQUE INDEX "household_aid_source_key" ON "household_aid" USING btree ("source_module","source_ref") WHERE source_ref is not null;--> statement-breakpoint
CREATE INDEX "household_events_household_idx" ON "household_events" USING btree ("household_id","id");--> statement-breakpoint
CREATE INDEX "household_members_household_idx" ON "household_members" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_members_id_hash_idx" ON "household_members" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "household_objections_household_idx" ON "household_objections" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_transfers_household_idx" ON "household_transfers" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_transfers_to_idx" ON "household_transfers" USING btree ("to_org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "household_transfers_one_pending" ON "household_transfers" USING btree ("household_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "household_visits_household_idx" ON "household_visits" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "households_case_no_key" ON "households" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "households_org_created_idx" ON "households" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "households_status_idx" ON "households" USING btree ("status");--> statement-breakpoint
CREATE INDEX "households_id_hash_idx" ON "households" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "households_verification_idx" ON "households" USING btree ("next_verification_due");--> statement-breakpoint
CREATE INDEX "households_stages_idx" ON "households" USING gin ("member_school_stages");