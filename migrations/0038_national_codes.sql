-- The national member system's codes a member record carries that nothing else here knows
-- (issue #17 item 2; docs/national-files.md): 工作岗位, 新社会阶层类型, 是否农民工 and 入党类型.
-- Education, the org's 党组织类别 and the unit's codes are derived from what is already recorded
-- (src/domain/national), never stored twice. Each is null until a file or an edit gives it.
ALTER TABLE members ADD COLUMN job_code text;
--> statement-breakpoint
ALTER TABLE members ADD COLUMN new_class_code text;
--> statement-breakpoint
ALTER TABLE members ADD COLUMN migrant_worker boolean;
--> statement-breakpoint
ALTER TABLE members ADD COLUMN join_type text;
--> statement-breakpoint
ALTER TABLE members ADD CONSTRAINT members_job_code_format CHECK (job_code ~ '^[0-9]{1,4}$');
--> statement-breakpoint
ALTER TABLE members ADD CONSTRAINT members_new_class_code_format CHECK (new_class_code ~ '^[0-9]{1,2}$');
--> statement-breakpoint
ALTER TABLE members ADD CONSTRAINT members_join_type_length CHECK (char_length(join_type) between 1 and 30);
--> statement-breakpoint
-- The members of the orgs a national roster names that the roster lacks: the reconciliation's
-- “missing”, shown for checking and never removed (members leave the roster only by a recorded
-- reason, rules.md §7). Like import_missing, read through the batch, which is scoped.
CREATE TABLE "import_missing_members" (
	"batch_id" integer NOT NULL,
	"member_id" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_missing_members" ADD CONSTRAINT "import_missing_members_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "import_missing_members" ADD CONSTRAINT "import_missing_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "import_missing_members_batch_idx" ON "import_missing_members" USING btree ("batch_id");
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON import_missing_members TO dangjian_app;
