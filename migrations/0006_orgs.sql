CREATE TABLE "developments" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"id_number" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"employer_id" integer,
	"applied_on" date NOT NULL,
	"talked_on" date,
	"activist_on" date,
	"contacts" text[] DEFAULT '{}'::text[] NOT NULL,
	"candidate_on" date,
	"political_review_on" date,
	"training_days" numeric,
	"training_hours" numeric,
	"introducers" text[] DEFAULT '{}'::text[] NOT NULL,
	"admitted_on" date,
	"approved_on" date,
	"extension_months" smallint DEFAULT 0 NOT NULL,
	"full_meeting_on" date,
	"full_approved_on" date,
	"early_reasons" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"member_id" integer,
	"closed_on" date,
	"closed_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_transfers" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"direction" text NOT NULL,
	"org_id" integer NOT NULL,
	"counterpart" text NOT NULL,
	"letter_no" text,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"received_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_transfers_direction_values" CHECK ("member_transfers"."direction" in ('in','out')),
	CONSTRAINT "member_transfers_dates" CHECK ("member_transfers"."valid_until" >= "member_transfers"."issued_on" and ("member_transfers"."received_on" is null or "member_transfers"."received_on" >= "member_transfers"."issued_on"))
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"id_number" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"ethnicity" text,
	"education" text,
	"status" text NOT NULL,
	"joined_on" date NOT NULL,
	"full_on" date,
	"org_id" integer NOT NULL,
	"employer_id" integer,
	"position" text,
	"phone" text,
	"phone_hash" text,
	"mobile" boolean DEFAULT false NOT NULL,
	"work_org_id" integer,
	"relation_org_name" text,
	"cultivation" text[] DEFAULT '{}'::text[] NOT NULL,
	"left_on" date,
	"leave_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_status_values" CHECK ("members"."status" in ('probationary','full')),
	CONSTRAINT "members_sex_values" CHECK ("members"."sex" in ('male','female')),
	CONSTRAINT "members_full_on" CHECK (("members"."status" = 'full') = ("members"."full_on" is not null) and ("members"."full_on" is null or "members"."full_on" >= "members"."joined_on")),
	CONSTRAINT "members_leave" CHECK (("members"."left_on" is null) = ("members"."leave_reason" is null) and ("members"."leave_reason" is null or "members"."leave_reason" in ('transfer_out','death','lapse','expulsion','withdrawal','probation_cancelled')))
);
--> statement-breakpoint
CREATE TABLE "org_coverages" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_coverages_interval" CHECK ("org_coverages"."end_on" is null or "org_coverages"."end_on" >= "org_coverages"."start_on")
);
--> statement-breakpoint
CREATE TABLE "org_elections" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"elected_on" date NOT NULL,
	"term_years" smallint NOT NULL,
	"adjustment_months" smallint DEFAULT 0 NOT NULL,
	"adjustment_approved_by" text,
	"adjustment_approved_on" date,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_elections_term" CHECK ("org_elections"."term_years" between 1 and 10),
	CONSTRAINT "org_elections_adjustment" CHECK ("org_elections"."adjustment_months" between -12 and 12),
	CONSTRAINT "org_elections_adjustment_approved" CHECK ("org_elections"."adjustment_months" = 0 or ("org_elections"."adjustment_approved_by" is not null and "org_elections"."adjustment_approved_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "org_officers" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"post" text NOT NULL,
	"person_name" text NOT NULL,
	"member_id" integer,
	"start_on" date,
	"end_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_officers_post_values" CHECK ("org_officers"."post" in ('secretary','deputy_secretary','organization','propaganda','discipline'))
);
--> statement-breakpoint
CREATE TABLE "party_orgs" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"org_code" text,
	"region_code" text NOT NULL,
	"type" text NOT NULL,
	"formation" text NOT NULL,
	"joint_basis" text,
	"parent_id" integer,
	"managing_org_id" integer,
	"management" text,
	"approved_by" text,
	"secretary_source" text,
	"reported_full_count" integer,
	"reported_probationary_count" integer,
	"established_on" date NOT NULL,
	"dissolved_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_orgs_type_values" CHECK ("party_orgs"."type" in ('committee','general_branch','branch','joint_branch','temporary_branch')),
	CONSTRAINT "party_orgs_formation_values" CHECK ("party_orgs"."formation" in ('standalone','joint')),
	CONSTRAINT "party_orgs_joint_basis_values" CHECK ("party_orgs"."joint_basis" is null or "party_orgs"."joint_basis" in ('area','industry')),
	CONSTRAINT "party_orgs_management_values" CHECK ("party_orgs"."management" is null or "party_orgs"."management" in ('territorial','sectoral')),
	CONSTRAINT "party_orgs_secretary_source_values" CHECK ("party_orgs"."secretary_source" is null or "party_orgs"."secretary_source" in ('internal','dispatched','hired')),
	CONSTRAINT "party_orgs_dissolved_after" CHECK ("party_orgs"."dissolved_on" is null or "party_orgs"."dissolved_on" >= "party_orgs"."established_on"),
	CONSTRAINT "party_orgs_counts" CHECK (coalesce("party_orgs"."reported_full_count", 0) >= 0 and coalesce("party_orgs"."reported_probationary_count", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "restructurings" (
	"enterprise_id" integer PRIMARY KEY NOT NULL,
	"restructured_on" date NOT NULL,
	"plans_submitted_on" date,
	"heads_fixed_on" date,
	"supervision_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "org_id" integer;--> statement-breakpoint
ALTER TABLE "developments" ADD CONSTRAINT "developments_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "developments" ADD CONSTRAINT "developments_employer_id_enterprises_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "developments" ADD CONSTRAINT "developments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_transfers" ADD CONSTRAINT "member_transfers_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_employer_id_enterprises_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_work_org_id_party_orgs_id_fk" FOREIGN KEY ("work_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_coverages" ADD CONSTRAINT "org_coverages_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_coverages" ADD CONSTRAINT "org_coverages_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_elections" ADD CONSTRAINT "org_elections_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_officers" ADD CONSTRAINT "org_officers_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_officers" ADD CONSTRAINT "org_officers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD CONSTRAINT "party_orgs_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD CONSTRAINT "party_orgs_parent_id_party_orgs_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD CONSTRAINT "party_orgs_managing_org_id_party_orgs_id_fk" FOREIGN KEY ("managing_org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restructurings" ADD CONSTRAINT "restructurings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "developments_org_idx" ON "developments" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "developments_open_person_idx" ON "developments" USING btree ("id_number_hash") WHERE "developments"."closed_on" is null;--> statement-breakpoint
CREATE INDEX "member_transfers_member_idx" ON "member_transfers" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "member_transfers_org_idx" ON "member_transfers" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_id_number_hash_idx" ON "members" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "members_org_idx" ON "members" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "members_work_org_idx" ON "members" USING btree ("work_org_id");--> statement-breakpoint
CREATE INDEX "members_employer_idx" ON "members" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "org_coverages_org_idx" ON "org_coverages" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "org_coverages_enterprise_idx" ON "org_coverages" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "org_elections_org_idx" ON "org_elections" USING btree ("org_id","elected_on");--> statement-breakpoint
CREATE INDEX "org_officers_org_idx" ON "org_officers" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "party_orgs_region_name_idx" ON "party_orgs" USING btree ("region_code","name");--> statement-breakpoint
CREATE UNIQUE INDEX "party_orgs_code_idx" ON "party_orgs" USING btree ("org_code");--> statement-breakpoint
CREATE INDEX "party_orgs_region_idx" ON "party_orgs" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "party_orgs_parent_idx" ON "party_orgs" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "party_orgs_managing_idx" ON "party_orgs" USING btree ("managing_org_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;