CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"question" text NOT NULL,
	"asker_name" text,
	"phone_enc" text NOT NULL,
	"phone_masked" text NOT NULL,
	"status" text NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"ticket_no" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consultations_status_known" CHECK ("consultations"."status" in ('open', 'answered', 'closed')),
	CONSTRAINT "consultations_channel_known" CHECK ("consultations"."channel" in ('web', 'hotline'))
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"uscc" text NOT NULL,
	"industry" text NOT NULL,
	"size" text NOT NULL,
	"address" text,
	"region_code" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"priority_pledge" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "faq_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"category" text NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"consultation_id" uuid,
	"search_terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_postings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"kind" text DEFAULT 'regular' NOT NULL,
	"openings" integer NOT NULL,
	"salary_min_fen" bigint NOT NULL,
	"salary_max_fen" bigint NOT NULL,
	"education" text NOT NULL,
	"experience" text NOT NULL,
	"region_code" text NOT NULL,
	"description" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"valid_until" date NOT NULL,
	"status" text NOT NULL,
	"review_note" text,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"dedupe_key" text NOT NULL,
	"search_terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "job_postings_openings_positive" CHECK ("job_postings"."openings" > 0),
	CONSTRAINT "job_postings_salary_range" CHECK ("job_postings"."salary_min_fen" >= 0 and "job_postings"."salary_max_fen" >= "job_postings"."salary_min_fen"),
	CONSTRAINT "job_postings_status_known" CHECK ("job_postings"."status" in ('draft', 'submitted', 'returned', 'rejected', 'published', 'closed', 'expired')),
	CONSTRAINT "job_postings_kind_known" CHECK ("job_postings"."kind" in ('regular', 'public_interest', 'work_study'))
);
--> statement-breakpoint
CREATE TABLE "job_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seeker_id" uuid NOT NULL,
	"posting_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"matched_on" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"referred_by" uuid NOT NULL,
	"referred_at" timestamp with time zone NOT NULL,
	"placed_on" date,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	CONSTRAINT "job_referrals_status_known" CHECK ("job_referrals"."status" in ('referred', 'placed', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "job_seekers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"id_enc" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"phone_enc" text,
	"phone_masked" text,
	"education" text NOT NULL,
	"major" text,
	"graduation_year" integer,
	"skills" text,
	"wished_category" text NOT NULL,
	"wished_region" text NOT NULL,
	"wished_salary_fen" bigint,
	"hardship" boolean DEFAULT false NOT NULL,
	"household_id" uuid,
	"application_id" uuid,
	"status" text DEFAULT 'seeking' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "job_seekers_status_known" CHECK ("job_seekers"."status" in ('seeking', 'placed', 'inactive'))
);
--> statement-breakpoint
CREATE TABLE "policy_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"source" text NOT NULL,
	"doc_no" text,
	"effective_on" date NOT NULL,
	"summary" text,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"search_terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "policy_articles_status_known" CHECK ("policy_articles"."status" in ('draft', 'published', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "policy_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"kind" text DEFAULT 'document' NOT NULL,
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
	CONSTRAINT "policy_attachments_size_positive" CHECK ("policy_attachments"."size_bytes" > 0)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "enterprise_id" uuid;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_entries" ADD CONSTRAINT "faq_entries_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_entries" ADD CONSTRAINT "faq_entries_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_referrals" ADD CONSTRAINT "job_referrals_seeker_id_job_seekers_id_fk" FOREIGN KEY ("seeker_id") REFERENCES "public"."job_seekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_referrals" ADD CONSTRAINT "job_referrals_posting_id_job_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."job_postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_referrals" ADD CONSTRAINT "job_referrals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_seekers" ADD CONSTRAINT "job_seekers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_seekers" ADD CONSTRAINT "job_seekers_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_seekers" ADD CONSTRAINT "job_seekers_application_id_campaign_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."campaign_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_articles" ADD CONSTRAINT "policy_articles_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_attachments" ADD CONSTRAINT "policy_attachments_article_id_policy_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."policy_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_ticket_key" ON "consultations" USING btree ("ticket_no");--> statement-breakpoint
CREATE INDEX "consultations_org_status_idx" ON "consultations" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_uscc_key" ON "enterprises" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "enterprises_org_idx" ON "enterprises" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "enterprises_name_idx" ON "enterprises" USING btree ("name");--> statement-breakpoint
CREATE INDEX "faq_entries_published_idx" ON "faq_entries" USING btree ("published","category");--> statement-breakpoint
CREATE INDEX "faq_entries_search_idx" ON "faq_entries" USING gin ("search_terms");--> statement-breakpoint
CREATE INDEX "job_postings_enterprise_idx" ON "job_postings" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "job_postings_org_status_idx" ON "job_postings" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "job_postings_board_idx" ON "job_postings" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "job_postings_search_idx" ON "job_postings" USING gin ("search_terms");--> statement-breakpoint
CREATE INDEX "job_postings_valid_idx" ON "job_postings" USING btree ("valid_until") WHERE status = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "job_postings_live_dedupe_key" ON "job_postings" USING btree ("dedupe_key") WHERE status in ('draft', 'submitted', 'returned', 'published');--> statement-breakpoint
CREATE UNIQUE INDEX "job_referrals_seeker_posting_key" ON "job_referrals" USING btree ("seeker_id","posting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_referrals_one_placement" ON "job_referrals" USING btree ("seeker_id") WHERE status = 'placed';--> statement-breakpoint
CREATE INDEX "job_referrals_posting_idx" ON "job_referrals" USING btree ("posting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_seekers_id_hash_key" ON "job_seekers" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "job_seekers_org_status_idx" ON "job_seekers" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "policy_articles_status_idx" ON "policy_articles" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "policy_articles_search_idx" ON "policy_articles" USING gin ("search_terms");--> statement-breakpoint
CREATE INDEX "policy_attachments_article_idx" ON "policy_attachments" USING btree ("article_id","uploaded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_attachments_storage_key" ON "policy_attachments" USING btree ("storage_key");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;