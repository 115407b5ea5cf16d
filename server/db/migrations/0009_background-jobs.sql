CREATE TABLE "background_job_files" (
	"job_id" uuid PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "background_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"concurrency_key" text,
	"org_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"progress" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_by" text,
	"heartbeat_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "background_jobs_state_known" CHECK ("background_jobs"."state" in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
	CONSTRAINT "background_jobs_running_is_locked" CHECK ("background_jobs"."state" <> 'running' or ("background_jobs"."locked_by" is not null and "background_jobs"."heartbeat_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "household_imports" ADD COLUMN "job_id" uuid;--> statement-breakpoint
ALTER TABLE "household_imports" ADD COLUMN "as_archived" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "household_imports" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "household_imports" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "household_imports" ADD COLUMN "decision_reason" text;--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "background_job_files" ADD CONSTRAINT "background_job_files_job_id_background_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."background_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "background_jobs" ADD CONSTRAINT "background_jobs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "background_jobs_queue_idx" ON "background_jobs" USING btree ("created_at","id") WHERE "background_jobs"."state" = 'queued';--> statement-breakpoint
CREATE INDEX "background_jobs_org_idx" ON "background_jobs" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "background_jobs_one_running_per_key" ON "background_jobs" USING btree ("concurrency_key") WHERE "background_jobs"."state" = 'running';--> statement-breakpoint
CREATE INDEX "households_import_idx" ON "households" USING btree ("import_id") WHERE "households"."import_id" is not null;--> statement-breakpoint
-- Imports cut short before the job runner existed were left "validating" for ever; they wrote nothing.
UPDATE "household_imports" SET "status" = 'failed', "message" = '导入被服务重启中断，未写入任何数据，请重新导入', "finished_at" = now() WHERE "status" NOT IN ('succeeded', 'failed');
--> statement-breakpoint
-- The count-covering org index also carries import_id, so the visibility condition (households of an
-- uncommitted import are invisible) keeps capped counts index-only (docs/decisions/006, 009).
DROP INDEX IF EXISTS "households_org_created_idx";
--> statement-breakpoint
CREATE INDEX "households_org_created_idx" ON "households" USING btree ("org_id","created_at") INCLUDE ("status","category","all_causes","member_school_stages","next_verification_due","import_id");
