-- The org index also carries the filtered columns, so a list's capped count under a subtree with a
-- cause, status, category, school-stage or due-date filter is answered from the index alone
-- (index-only scan) instead of fetching ~30,000 scattered rows (docs/decisions/006).
DROP INDEX IF EXISTS "households_org_created_idx";
--> statement-breakpoint
CREATE INDEX "households_org_created_idx" ON "households" USING btree ("org_id","created_at") INCLUDE ("status","category","all_causes","member_school_stages","next_verification_due");
