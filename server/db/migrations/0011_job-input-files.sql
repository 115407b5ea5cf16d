DROP TABLE "background_job_files" CASCADE;--> statement-breakpoint
ALTER TABLE "background_jobs" ADD COLUMN "input_file_key" text;