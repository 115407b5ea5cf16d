-- The rule preview (规则试算) counts the whole archive in one statement: households in id order with
-- every column its tests read, merged with the students (members at school) in household order, both
-- read from these indexes alone (docs/decisions/012-rule-preview.md).
CREATE INDEX "household_members_students_idx" ON "household_members" USING btree ("household_id","school_stage") WHERE "household_members"."school_stage" is not null;--> statement-breakpoint
CREATE INDEX "households_preview_idx" ON "households" USING btree ("id","org_id","status","category","income_per_head_monthly_fen","member_school_stages","import_id");--> statement-breakpoint
-- A preview of a district or a street reads only its orgs' households: the org index also carries the
-- preview's columns (and the id, for the students), so a small scope is index-only range scans.
DROP INDEX IF EXISTS "households_org_created_idx";--> statement-breakpoint
CREATE INDEX "households_org_created_idx" ON "households" USING btree ("org_id","created_at") INCLUDE ("status","category","all_causes","member_school_stages","next_verification_due","income_per_head_monthly_fen","import_id","id");
