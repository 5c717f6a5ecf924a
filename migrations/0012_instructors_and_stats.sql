CREATE TABLE "appraisal_scores" (
	"id" serial PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"instructor_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"appraiser" text NOT NULL,
	"score" numeric NOT NULL,
	"submitted_on" date NOT NULL,
	CONSTRAINT "appraisal_scores_score" CHECK ("appraisal_scores"."score" between 0 and 100),
	CONSTRAINT "appraisal_scores_appraiser_values" CHECK ("appraisal_scores"."appraiser" in ('owner','secretary','member'))
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"instructor_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_interval" CHECK ("assignments"."end_on" is null or "assignments"."end_on" > "assignments"."start_on")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"assignment_id" integer NOT NULL,
	"on_date" date NOT NULL,
	"kind" text NOT NULL,
	"with_whom" text NOT NULL,
	"notes" text,
	"actor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_kind_values" CHECK ("contacts"."kind" in ('visit','phone','meeting'))
);
--> statement-breakpoint
CREATE TABLE "daily_assessments" (
	"id" serial PRIMARY KEY NOT NULL,
	"instructor_id" integer NOT NULL,
	"on_date" date NOT NULL,
	"score" numeric NOT NULL,
	"note" text,
	"actor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daily_assessments_score" CHECK ("daily_assessments"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "department_relevance" (
	"department_id" integer NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "department_relevance_department_id_kind_code_pk" PRIMARY KEY("department_id","kind","code"),
	CONSTRAINT "department_relevance_kind_values" CHECK ("department_relevance"."kind" in ('industry','request'))
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "instructors" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source_department_id" integer NOT NULL,
	"post" text,
	"full_time" boolean DEFAULT false NOT NULL,
	"region_code" text NOT NULL,
	"phone" text,
	"phone_hash" text,
	"left_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instructors_kind_values" CHECK ("instructors"."kind" in ('instructor','liaison'))
);
--> statement-breakpoint
CREATE TABLE "one_time_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"enterprise_id" integer NOT NULL,
	"survey_id" integer,
	"period" text,
	"appraiser" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"actor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_time_links_purpose_values" CHECK ("one_time_links"."purpose" in ('survey','ballot')),
	CONSTRAINT "one_time_links_shape" CHECK (("one_time_links"."purpose" = 'survey' and "one_time_links"."survey_id" is not null) or ("one_time_links"."purpose" = 'ballot' and "one_time_links"."period" ~ '^[0-9]{4}H[12]$' and "one_time_links"."appraiser" in ('owner','secretary','member')))
);
--> statement-breakpoint
CREATE TABLE "outcomes" (
	"id" serial PRIMARY KEY NOT NULL,
	"assignment_id" integer NOT NULL,
	"on_date" date NOT NULL,
	"role" text NOT NULL,
	"kind" text NOT NULL,
	"quantity" numeric NOT NULL,
	"benefit" numeric,
	"note" text,
	"actor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcomes_role_values" CHECK ("outcomes"."role" in ('guide','service','coordination')),
	CONSTRAINT "outcomes_quantity" CHECK ("outcomes"."quantity" > 0 and coalesce("outcomes"."benefit", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "periodic_assessments" (
	"instructor_id" integer NOT NULL,
	"period" text NOT NULL,
	"duties" numeric NOT NULL,
	"discipline" numeric NOT NULL,
	"effectiveness" numeric NOT NULL,
	"note" text,
	"actor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "periodic_assessments_instructor_id_period_pk" PRIMARY KEY("instructor_id","period"),
	CONSTRAINT "periodic_assessments_period" CHECK ("periodic_assessments"."period" ~ '^[0-9]{4}H[12]$'),
	CONSTRAINT "periodic_assessments_scores" CHECK ("periodic_assessments"."duties" between 0 and 100 and "periodic_assessments"."discipline" between 0 and 100 and "periodic_assessments"."effectiveness" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "request_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL,
	"on_date" date NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"actor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"assignment_id" integer NOT NULL,
	"contact_id" integer,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"department_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"received_on" date NOT NULL,
	"closed_on" date,
	"last_update_on" date NOT NULL,
	"grants" numeric,
	"loans" numeric,
	"hires" integer,
	"trainees" integer,
	"fees_reduced" numeric,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requests_category_values" CHECK ("requests"."category" in ('environment','land','project_approval','labour_dispute','market','financing','hiring','training','policy','other')),
	CONSTRAINT "requests_status_values" CHECK ("requests"."status" in ('received','coordinating','resolved','unresolved')),
	CONSTRAINT "requests_closed" CHECK (("requests"."status" in ('resolved','unresolved')) = ("requests"."closed_on" is not null)),
	CONSTRAINT "requests_dates" CHECK (("requests"."closed_on" is null or "requests"."closed_on" >= "requests"."received_on") and "requests"."last_update_on" >= "requests"."received_on"),
	CONSTRAINT "requests_values" CHECK (coalesce("requests"."grants", 0) >= 0 and coalesce("requests"."loans", 0) >= 0 and coalesce("requests"."hires", 0) >= 0 and coalesce("requests"."trainees", 0) >= 0 and coalesce("requests"."fees_reduced", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"survey_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_survey_id_enterprise_id_pk" PRIMARY KEY("survey_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" serial PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_states" (
	"enterprise_id" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date DEFAULT 'infinity' NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"industry_code" text,
	"employees" integer NOT NULL,
	"member_count" integer NOT NULL,
	"full_member_count" integer NOT NULL,
	"above_scale" boolean NOT NULL,
	"in_scope" boolean NOT NULL,
	CONSTRAINT "enterprise_states_enterprise_id_valid_from_pk" PRIMARY KEY("enterprise_id","valid_from")
);
--> statement-breakpoint
CREATE TABLE "ledger_counts" (
	"region_code" text NOT NULL,
	"in_scope" boolean NOT NULL,
	"category" text NOT NULL,
	"org_coverage" text NOT NULL,
	"has_instructor" boolean NOT NULL,
	"band" smallint NOT NULL,
	"kind" text NOT NULL,
	"above_scale" boolean NOT NULL,
	"missing" boolean NOT NULL,
	"n" bigint NOT NULL,
	"employees" bigint NOT NULL,
	"members" bigint NOT NULL,
	"full_members" bigint NOT NULL,
	"with_members" bigint NOT NULL,
	CONSTRAINT "ledger_counts_region_code_in_scope_category_org_coverage_has_instructor_band_kind_above_scale_missing_pk" PRIMARY KEY("region_code","in_scope","category","org_coverage","has_instructor","band","kind","above_scale","missing")
);
--> statement-breakpoint
CREATE TABLE "snapshot_rows" (
	"snapshot_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"in_scope" boolean NOT NULL,
	"category" text NOT NULL,
	"org_coverage" text,
	"work_covered" boolean NOT NULL,
	"key_watch" boolean NOT NULL,
	"employees" integer NOT NULL,
	"member_count" integer NOT NULL,
	"full_member_count" integer NOT NULL,
	CONSTRAINT "snapshot_rows_snapshot_id_enterprise_id_pk" PRIMARY KEY("snapshot_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"id" serial PRIMARY KEY NOT NULL,
	"taken_on" date NOT NULL,
	"region_code" text NOT NULL,
	"label" text NOT NULL,
	"enterprise_count" integer NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "instructor_id" integer;--> statement-breakpoint
ALTER TABLE "appraisal_scores" ADD CONSTRAINT "appraisal_scores_instructor_id_instructors_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."instructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_scores" ADD CONSTRAINT "appraisal_scores_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_instructor_id_instructors_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."instructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_assessments" ADD CONSTRAINT "daily_assessments_instructor_id_instructors_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."instructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_relevance" ADD CONSTRAINT "department_relevance_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructors" ADD CONSTRAINT "instructors_source_department_id_departments_id_fk" FOREIGN KEY ("source_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructors" ADD CONSTRAINT "instructors_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_time_links" ADD CONSTRAINT "one_time_links_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_time_links" ADD CONSTRAINT "one_time_links_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodic_assessments" ADD CONSTRAINT "periodic_assessments_instructor_id_instructors_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."instructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_updates" ADD CONSTRAINT "request_updates_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_states" ADD CONSTRAINT "enterprise_states_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_rows" ADD CONSTRAINT "snapshot_rows_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appraisal_scores_period_idx" ON "appraisal_scores" USING btree ("period","instructor_id");--> statement-breakpoint
CREATE INDEX "assignments_instructor_idx" ON "assignments" USING btree ("instructor_id","start_on");--> statement-breakpoint
CREATE INDEX "assignments_enterprise_idx" ON "assignments" USING btree ("enterprise_id","start_on");--> statement-breakpoint
CREATE INDEX "assignments_end_idx" ON "assignments" USING btree ("end_on");--> statement-breakpoint
CREATE INDEX "contacts_assignment_idx" ON "contacts" USING btree ("assignment_id","on_date");--> statement-breakpoint
CREATE INDEX "daily_assessments_instructor_idx" ON "daily_assessments" USING btree ("instructor_id","on_date");--> statement-breakpoint
CREATE INDEX "instructors_region_idx" ON "instructors" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "instructors_source_department_idx" ON "instructors" USING btree ("source_department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_time_links_token_idx" ON "one_time_links" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "one_time_links_survey_idx" ON "one_time_links" USING btree ("survey_id","enterprise_id") WHERE "one_time_links"."purpose" = 'survey';--> statement-breakpoint
CREATE INDEX "one_time_links_enterprise_idx" ON "one_time_links" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "outcomes_assignment_idx" ON "outcomes" USING btree ("assignment_id","on_date");--> statement-breakpoint
CREATE INDEX "request_updates_request_idx" ON "request_updates" USING btree ("request_id","on_date");--> statement-breakpoint
CREATE INDEX "requests_assignment_idx" ON "requests" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "requests_open_idx" ON "requests" USING btree ("last_update_on") WHERE "requests"."closed_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_region_period_idx" ON "surveys" USING btree ("region_code","period");--> statement-breakpoint
CREATE INDEX "enterprise_states_region_idx" ON "enterprise_states" USING btree ("region_code" text_pattern_ops,"valid_from","valid_to");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_instructor_id_instructors_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."instructors"("id") ON DELETE no action ON UPDATE no action;