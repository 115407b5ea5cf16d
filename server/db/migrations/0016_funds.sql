CREATE TABLE "donation_drives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"fund_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"goal_fen" bigint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "donation_drives_goal_positive" CHECK ("donation_drives"."goal_fen" > 0),
	CONSTRAINT "donation_drives_dates" CHECK ("donation_drives"."ends_on" >= "donation_drives"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "donations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"fund_id" uuid NOT NULL,
	"drive_id" uuid,
	"donor_kind" text NOT NULL,
	"donor_name" text,
	"donor_unit" text,
	"channel" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"received_on" date NOT NULL,
	"receipt_seq" integer NOT NULL,
	"receipt_no" text NOT NULL,
	"show_on_thanks" boolean DEFAULT true NOT NULL,
	"entry_batch_id" uuid,
	"note" text,
	"entry_id" uuid NOT NULL,
	"refund_entry_id" uuid,
	"refund_reason" text,
	"refunded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "donations_amount_positive" CHECK ("donations"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "fund_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_org_id" uuid NOT NULL,
	"from_fund_id" uuid NOT NULL,
	"to_org_id" uuid NOT NULL,
	"to_fund_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"allocated_on" date NOT NULL,
	"memo" text,
	"entry_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fund_allocations_amount_positive" CHECK ("fund_allocations"."amount_fen" > 0),
	CONSTRAINT "fund_allocations_other_fund" CHECK ("fund_allocations"."from_fund_id" <> "fund_allocations"."to_fund_id")
);
--> statement-breakpoint
CREATE TABLE "fund_incomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"fund_id" uuid NOT NULL,
	"source" text NOT NULL,
	"counterparty" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"received_on" date NOT NULL,
	"memo" text,
	"entry_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fund_incomes_amount_positive" CHECK ("fund_incomes"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"state" text NOT NULL,
	"response_status" integer,
	"response_body" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "in_kind_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"payment_line_id" uuid,
	"grant_id" uuid,
	"household_id" uuid,
	"recipient_name" text NOT NULL,
	"item" text NOT NULL,
	"quantity" integer NOT NULL,
	"issued_on" date NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "in_kind_issues_quantity_positive" CHECK ("in_kind_issues"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_account_months" (
	"account_id" uuid NOT NULL,
	"month" date NOT NULL,
	"net_fen" bigint NOT NULL,
	"in_fen" bigint NOT NULL,
	"out_fen" bigint NOT NULL,
	"postings" integer NOT NULL,
	CONSTRAINT "ledger_account_months_account_id_month_pk" PRIMARY KEY("account_id","month")
);
--> statement-breakpoint
CREATE TABLE "payment_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"fund_id" uuid NOT NULL,
	"campaign_id" uuid,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"line_count" integer DEFAULT 0 NOT NULL,
	"total_fen" bigint DEFAULT 0 NOT NULL,
	"paid_on" date,
	"job_id" uuid,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"executed_by" uuid,
	"executed_at" timestamp with time zone,
	CONSTRAINT "payment_batches_status_known" CHECK ("payment_batches"."status" in ('building', 'previewed', 'approved', 'executing', 'executed', 'discarded', 'failed')),
	CONSTRAINT "payment_batches_maker_checker" CHECK ("payment_batches"."approved_by" is null or "payment_batches"."approved_by" <> "payment_batches"."created_by")
);
--> statement-breakpoint
CREATE TABLE "payment_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"grant_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"household_id" uuid,
	"payee_name" text NOT NULL,
	"bank_name" text,
	"bank_card_enc" text,
	"bank_card_masked" text,
	"amount_fen" bigint NOT NULL,
	"in_kind_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"payment_ref" text NOT NULL,
	"entry_id" uuid,
	"reversal_entry_id" uuid,
	"failure_reason" text,
	"result_at" timestamp with time zone,
	CONSTRAINT "payment_lines_status_known" CHECK ("payment_lines"."status" in ('pending', 'paid', 'failed', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "receipt_series" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"prefix" text NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "txn_started_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "journal_postings" ADD COLUMN "occurred_on" date NOT NULL;--> statement-breakpoint
ALTER TABLE "donation_drives" ADD CONSTRAINT "donation_drives_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donation_drives" ADD CONSTRAINT "donation_drives_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_drive_id_donation_drives_id_fk" FOREIGN KEY ("drive_id") REFERENCES "public"."donation_drives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_refund_entry_id_journal_entries_id_fk" FOREIGN KEY ("refund_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_from_org_id_orgs_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_from_fund_id_funds_id_fk" FOREIGN KEY ("from_fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_to_org_id_orgs_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_to_fund_id_funds_id_fk" FOREIGN KEY ("to_fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_incomes" ADD CONSTRAINT "fund_incomes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_incomes" ADD CONSTRAINT "fund_incomes_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_incomes" ADD CONSTRAINT "fund_incomes_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "in_kind_issues" ADD CONSTRAINT "in_kind_issues_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "in_kind_issues" ADD CONSTRAINT "in_kind_issues_payment_line_id_payment_lines_id_fk" FOREIGN KEY ("payment_line_id") REFERENCES "public"."payment_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_account_months" ADD CONSTRAINT "ledger_account_months_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_lines" ADD CONSTRAINT "payment_lines_batch_id_payment_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payment_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_lines" ADD CONSTRAINT "payment_lines_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_lines" ADD CONSTRAINT "payment_lines_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_lines" ADD CONSTRAINT "payment_lines_reversal_entry_id_journal_entries_id_fk" FOREIGN KEY ("reversal_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_series" ADD CONSTRAINT "receipt_series_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "donation_drives_org_name_key" ON "donation_drives" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "donations_receipt_key" ON "donations" USING btree ("org_id","receipt_seq");--> statement-breakpoint
CREATE INDEX "donations_drive_idx" ON "donations" USING btree ("drive_id","received_on");--> statement-breakpoint
CREATE INDEX "donations_fund_idx" ON "donations" USING btree ("fund_id","received_on");--> statement-breakpoint
CREATE INDEX "fund_allocations_from_idx" ON "fund_allocations" USING btree ("from_fund_id");--> statement-breakpoint
CREATE INDEX "fund_allocations_to_idx" ON "fund_allocations" USING btree ("to_fund_id");--> statement-breakpoint
CREATE INDEX "fund_incomes_fund_idx" ON "fund_incomes" USING btree ("fund_id","received_on");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "in_kind_issues_org_idx" ON "in_kind_issues" USING btree ("org_id","issued_on");--> statement-breakpoint
CREATE INDEX "payment_batches_org_idx" ON "payment_batches" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_lines_batch_line_key" ON "payment_lines" USING btree ("batch_id","line_no");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_lines_ref_key" ON "payment_lines" USING btree ("payment_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_lines_one_live_per_grant" ON "payment_lines" USING btree ("grant_id") WHERE status in ('pending', 'paid');--> statement-breakpoint
CREATE INDEX "journal_postings_account_date_idx" ON "journal_postings" USING btree ("account_id","occurred_on","id");--> statement-breakpoint
-- A posting carries its entry's date (set here, whatever the writer sent), for the statement index.
-- A posting joins its entry only in the transaction that wrote the entry: a committed entry never changes.
CREATE FUNCTION ledger_posting_date() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  started timestamptz;
BEGIN
  SELECT occurred_on, txn_started_at INTO NEW.occurred_on, started FROM journal_entries WHERE id = NEW.entry_id;
  IF started IS DISTINCT FROM now() THEN
    RAISE EXCEPTION 'journal entry % was posted by an earlier transaction: post a new entry instead', NEW.entry_id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE FUNCTION ledger_entry_started() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.txn_started_at := now();
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER journal_entries_started BEFORE INSERT ON journal_entries FOR EACH ROW EXECUTE FUNCTION ledger_entry_started();
--> statement-breakpoint
CREATE TRIGGER journal_postings_date BEFORE INSERT ON journal_postings FOR EACH ROW EXECUTE FUNCTION ledger_posting_date();
--> statement-breakpoint
-- The posting moves its account's balance (as before) and its account's month.
CREATE OR REPLACE FUNCTION ledger_apply_posting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE ledger_accounts SET balance_fen = balance_fen + NEW.amount_fen WHERE id = NEW.account_id;
  INSERT INTO ledger_account_months (account_id, month, net_fen, in_fen, out_fen, postings)
    VALUES (NEW.account_id, date_trunc('month', NEW.occurred_on)::date, NEW.amount_fen, greatest(NEW.amount_fen, 0), greatest(-NEW.amount_fen, 0), 1)
    ON CONFLICT (account_id, month) DO UPDATE SET net_fen = ledger_account_months.net_fen + EXCLUDED.net_fen, in_fen = ledger_account_months.in_fen + EXCLUDED.in_fen,
      out_fen = ledger_account_months.out_fen + EXCLUDED.out_fen, postings = ledger_account_months.postings + 1;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- The months move only with postings, never by a direct write.
CREATE FUNCTION ledger_refuse_month_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'ledger_account_months moves only by posting a journal entry' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_account_months_by_postings BEFORE INSERT OR UPDATE OR DELETE ON ledger_account_months FOR EACH ROW EXECUTE FUNCTION ledger_refuse_month_write();
--> statement-breakpoint
CREATE TRIGGER ledger_account_months_no_truncate BEFORE TRUNCATE ON ledger_account_months FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
-- An account opens at zero, and what it is (its fund, kind, overdraft rule) never changes.
CREATE FUNCTION ledger_account_opens_at_zero() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.balance_fen <> 0 THEN
    RAISE EXCEPTION 'a ledger account opens with a balance of 0: money comes in by postings' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_open_at_zero BEFORE INSERT ON ledger_accounts FOR EACH ROW EXECUTE FUNCTION ledger_account_opens_at_zero();
--> statement-breakpoint
CREATE FUNCTION ledger_account_identity_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.no_overdraft IS DISTINCT FROM OLD.no_overdraft OR NEW.fund_id IS DISTINCT FROM OLD.fund_id OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.org_id IS DISTINCT FROM OLD.org_id THEN
    RAISE EXCEPTION 'a ledger account''s fund, kind, org and overdraft rule never change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_identity_fixed BEFORE UPDATE ON ledger_accounts FOR EACH ROW EXECUTE FUNCTION ledger_account_identity_fixed();
