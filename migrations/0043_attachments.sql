-- Attachments (issue #16, item 6): files kept for a record — meeting minutes first, notices and
-- online-school courses later. The bytes rest encrypted (AES-256-GCM under the file key derived
-- from the master key, a random 96-bit nonce per file, the owner bound in as associated data);
-- the database never holds them in the clear. In the database rather than the data directory: a
-- file is written, linked and audited in one transaction, the backup (PGlite's directory or
-- pg_dump) carries it, and row-level security guards it as it guards its record.
--
-- The owner is an exclusive arc: one nullable foreign key per kind of record, exactly one set. A
-- new owner is one column, one term in the check and the policy; each keeps a real foreign key,
-- so an attachment can never point at a record that does not exist, and goes with its record.
CREATE TABLE "attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer CONSTRAINT "attachments_meeting_id_meetings_id_fk" REFERENCES "meetings"("id") ON DELETE cascade,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"key_version" smallint NOT NULL,
	"nonce" bytea NOT NULL,
	"tag" bytea NOT NULL,
	"body" bytea NOT NULL,
	"uploaded_by" integer CONSTRAINT "attachments_uploaded_by_users_id_fk" REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_one_owner" CHECK (num_nonnulls("attachments"."meeting_id") = 1),
	CONSTRAINT "attachments_size" CHECK ("attachments"."size" between 1 and 10485760),
	CONSTRAINT "attachments_sealed" CHECK (octet_length("attachments"."nonce") = 12 and octet_length("attachments"."tag") = 16
        and octet_length("attachments"."body") = "attachments"."size")
);
--> statement-breakpoint
-- Ciphertext does not compress: TOAST stores it out of line without trying.
ALTER TABLE "attachments" ALTER COLUMN "body" SET STORAGE EXTERNAL;
--> statement-breakpoint
CREATE INDEX "attachments_meeting_idx" ON "attachments" USING btree ("meeting_id") WHERE "attachments"."meeting_id" is not null;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON attachments TO dangjian_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE attachments_id_seq TO dangjian_app;
--> statement-breakpoint
-- Seen where its record is seen (the owners' own policies apply inside the subqueries).
ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY attachments_in_scope ON attachments TO dangjian_app
  USING (meeting_id IN (SELECT id FROM meetings))
  WITH CHECK (meeting_id IN (SELECT id FROM meetings));
