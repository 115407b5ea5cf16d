CREATE TABLE "household_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
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
	CONSTRAINT "household_attachments_size_positive" CHECK ("household_attachments"."size_bytes" > 0),
	CONSTRAINT "household_attachments_kind_known" CHECK ("household_attachments"."kind" in ('id_proof', 'income_proof', 'medical_record', 'home_visit_photo', 'other')),
	CONSTRAINT "household_attachments_deleted_consistent" CHECK (("household_attachments"."deleted_at" is null and "household_attachments"."deleted_by" is null and "household_attachments"."delete_reason" is null) or ("household_attachments"."deleted_at" is not null and "household_attachments"."deleted_by" is not null and "household_attachments"."delete_reason" is not null))
);
--> statement-breakpoint
ALTER TABLE "household_attachments" ADD CONSTRAINT "household_attachments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_attachments_household_idx" ON "household_attachments" USING btree ("household_id","uploaded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "household_attachments_storage_key" ON "household_attachments" USING btree ("storage_key");