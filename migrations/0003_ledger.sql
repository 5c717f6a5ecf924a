CREATE TABLE "enterprise_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"field" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"batch_id" integer,
	"actor_id" integer,
	"actor_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" serial PRIMARY KEY NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"region_code" text NOT NULL,
	"industry_code" text,
	"employees" integer NOT NULL,
	"member_count" integer NOT NULL,
	"full_member_count" integer NOT NULL,
	"full_member_estimated" boolean DEFAULT false NOT NULL,
	"owner_name" text,
	"owner_political_status" text,
	"above_scale" boolean DEFAULT false NOT NULL,
	"cluster" text,
	"founded_on" date,
	"registration_status" text DEFAULT 'active' NOT NULL,
	"phone" text,
	"phone_hash" text,
	"reported_has_org" boolean,
	"reported_formation" text,
	"has_union" boolean,
	"has_league" boolean,
	"org_coverage" text,
	"has_instructor" boolean DEFAULT false NOT NULL,
	"missing_since_batch_id" integer,
	"last_batch_id" integer,
	"in_scope" boolean GENERATED ALWAYS AS (registration_status in ('active', 'operating', 'moved_in')) STORED,
	"category" text GENERATED ALWAYS AS (CASE WHEN coalesce((org_coverage = 'standalone'), false) THEN 'standalone' WHEN coalesce((full_member_count), 0) >= 3 THEN 'should_form' WHEN coalesce((org_coverage = 'joint'), false) THEN 'joint' WHEN coalesce((member_count), 0) > 0 OR coalesce((full_member_count), 0) > 0 THEN 'joint_candidate' ELSE 'no_member' END) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_kind_values" CHECK ("enterprises"."kind" in ('private','individual','foreign','hmt','association','social_service','foundation','other')),
	CONSTRAINT "enterprises_status_values" CHECK ("enterprises"."registration_status" in ('active','operating','moved_in','moved_out','revoked','cancelled')),
	CONSTRAINT "enterprises_counts" CHECK ("enterprises"."employees" >= 0 and "enterprises"."full_member_count" between 0 and "enterprises"."member_count")
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"source" text NOT NULL,
	"file_name" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"status" text NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"failure" text,
	"partial" boolean DEFAULT false NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"region_code" text NOT NULL,
	"columns" text[] DEFAULT '{}'::text[] NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_issues" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch_id" integer NOT NULL,
	"row" integer NOT NULL,
	"column" text NOT NULL,
	"message" text NOT NULL,
	"severity" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_missing" (
	"batch_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"batch_id" integer NOT NULL,
	"row" integer NOT NULL,
	"uscc" text,
	"data" jsonb,
	"has_errors" boolean DEFAULT false NOT NULL,
	"outcome" text,
	"enterprise_id" integer,
	"diff" jsonb,
	"discrepancy" text
);
--> statement-breakpoint
ALTER TABLE "enterprise_history" ADD CONSTRAINT "enterprise_history_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_industry_code_industries_code_fk" FOREIGN KEY ("industry_code") REFERENCES "public"."industries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_issues" ADD CONSTRAINT "import_issues_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_missing" ADD CONSTRAINT "import_missing_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_missing" ADD CONSTRAINT "import_missing_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_history_enterprise_idx" ON "enterprise_history" USING btree ("enterprise_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_uscc_idx" ON "enterprises" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "enterprises_region_idx" ON "enterprises" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprises_name_trgm_idx" ON "enterprises" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "enterprises_category_idx" ON "enterprises" USING btree ("category","region_code");--> statement-breakpoint
CREATE INDEX "import_batches_source_idx" ON "import_batches" USING btree ("kind","source","id");--> statement-breakpoint
CREATE INDEX "import_issues_batch_idx" ON "import_issues" USING btree ("batch_id","severity","row");--> statement-breakpoint
CREATE INDEX "import_missing_batch_idx" ON "import_missing" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "import_rows_batch_idx" ON "import_rows" USING btree ("batch_id","row");--> statement-breakpoint
CREATE INDEX "import_rows_uscc_idx" ON "import_rows" USING btree ("batch_id","uscc");