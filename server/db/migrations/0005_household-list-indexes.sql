CREATE INDEX "households_created_idx" ON "households" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "households_updated_idx" ON "households" USING btree ("updated_at","id");