ALTER TABLE "households" ADD COLUMN "all_causes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "households_causes_idx" ON "households" USING gin ("all_causes");--> statement-breakpoint
UPDATE "households" SET "all_causes" = array["main_cause"] || "secondary_causes";
