-- Quarterly submission (报送, issue #14 item 2): a region's committee confirms the quarter's
-- report, which freezes its figures with who and when; a correction is a resubmission with a
-- reason; the parent region may return (退回) it with a reason. Each of these is a row here,
-- never changed or removed, so the first submission and every later one stay on record.
CREATE TABLE "quarterly_submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL CONSTRAINT "quarterly_submissions_region_code_regions_code_fk" REFERENCES "regions"("code"),
	"quarter" text NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"figures" jsonb,
	"actor_id" integer CONSTRAINT "quarterly_submissions_actor_id_users_id_fk" REFERENCES "users"("id"),
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quarterly_submissions_quarter_format" CHECK ("quarterly_submissions"."quarter" ~ '^\d{4}Q[1-4]$'),
	CONSTRAINT "quarterly_submissions_action_values" CHECK ("quarterly_submissions"."action" in ('submit','resubmit','return')),
	-- A resubmission and a return say why; a submission and a resubmission carry the frozen report, a return none.
	CONSTRAINT "quarterly_submissions_reason" CHECK ("quarterly_submissions"."action" = 'submit' OR length(trim("quarterly_submissions"."reason")) > 0),
	CONSTRAINT "quarterly_submissions_figures" CHECK (("quarterly_submissions"."action" = 'return') = ("quarterly_submissions"."figures" IS NULL))
);
--> statement-breakpoint
CREATE INDEX "quarterly_submissions_region_quarter_idx" ON "quarterly_submissions" USING btree ("quarter", "region_code", "at");
--> statement-breakpoint
-- Append-only: no UPDATE or DELETE for the application.
GRANT SELECT, INSERT ON quarterly_submissions TO dangjian_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE quarterly_submissions_id_seq TO dangjian_app;
--> statement-breakpoint
-- Seen and written within the actor's region subtree: the region's own rows and its
-- children's (a parent returning a child's report writes a row of the child's region).
ALTER TABLE quarterly_submissions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY quarterly_submissions_in_scope ON quarterly_submissions TO dangjian_app
  USING (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%'))
  WITH CHECK (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%'));
--> statement-breakpoint
-- A secretary or an instructor account has no part in a region's reporting.
CREATE POLICY quarterly_submissions_secretary_scope ON quarterly_submissions AS RESTRICTIVE TO dangjian_secretary USING (false);
--> statement-breakpoint
CREATE POLICY quarterly_submissions_instructor_scope ON quarterly_submissions AS RESTRICTIVE TO dangjian_instructor USING (false);
