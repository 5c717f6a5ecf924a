-- Issue #12, defects 4 and 13: a batch records the process that works on it (its lock is a
-- session advisory lock, see src/server/imports/ownership.ts), and when it ended, from which
-- the retention time of its kept file runs.
ALTER TABLE "import_batches" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
UPDATE "import_batches" SET "ended_at" = coalesce("applied_at", "created_at") WHERE "status" NOT IN ('reading', 'staged');--> statement-breakpoint
-- Every way a batch ends (applied, rejected, dry run, failed, discarded) stamps it, whoever writes the status.
CREATE FUNCTION import_batch_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status NOT IN ('reading', 'staged') AND NEW.status IS DISTINCT FROM OLD.status THEN
    NEW.ended_at := now();
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER import_batch_ended BEFORE UPDATE OF status ON import_batches
  FOR EACH ROW EXECUTE FUNCTION import_batch_ended();
