-- Money is never negative; a household always has at least its worker.
ALTER TABLE households ADD CONSTRAINT households_income_nonnegative
  CHECK (monthly_income_fen >= 0 AND other_annual_income_fen >= 0 AND annual_income_fen >= 0 AND income_per_head_monthly_fen >= 0);
--> statement-breakpoint
ALTER TABLE households ADD CONSTRAINT households_size_positive CHECK (household_size >= 1);
--> statement-breakpoint
ALTER TABLE households ADD CONSTRAINT households_status_known
  CHECK (status IN ('applied','checked','visited','in_notice','archived','returned','rejected','lifted','closed'));
--> statement-breakpoint
ALTER TABLE household_aid ADD CONSTRAINT household_aid_amount_nonnegative CHECK (amount_fen >= 0);
--> statement-breakpoint
CREATE SEQUENCE household_case_seq START 1;
--> statement-breakpoint
CREATE INDEX households_name_trgm_free_idx ON households (name text_pattern_ops);
