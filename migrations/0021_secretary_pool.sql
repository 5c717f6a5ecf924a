-- 下派书记 / 党务工作者库 (document 001: 党务工作者输送机制, 下派了24名干部到非公有制企业任党组织书记):
-- the people a region keeps ready to serve as secretaries of non-public enterprises' orgs,
-- where they came from, and each time one is sent to an org (a dispatch) and comes back.
CREATE TABLE "pool_secretaries" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date,
	"phone" text,
	"phone_hash" text,
	"origin" text NOT NULL,
	"origin_unit" text NOT NULL,
	"region_code" text NOT NULL CONSTRAINT "pool_secretaries_region_code_regions_code_fk" REFERENCES "regions"("code"),
	"entered_on" date NOT NULL,
	"left_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pool_secretaries_sex_values" CHECK ("pool_secretaries"."sex" in ('male','female')),
	CONSTRAINT "pool_secretaries_origin_values" CHECK ("pool_secretaries"."origin" in ('agency','institution','soe','retired_cadre','graduate','veteran','recruited','other')),
	CONSTRAINT "pool_secretaries_left_after" CHECK ("pool_secretaries"."left_on" is null or "pool_secretaries"."left_on" >= "pool_secretaries"."entered_on")
);
--> statement-breakpoint
CREATE INDEX "pool_secretaries_region_idx" ON "pool_secretaries" USING btree ("region_code" text_pattern_ops);
--> statement-breakpoint
CREATE TABLE "secretary_dispatches" (
	"id" serial PRIMARY KEY NOT NULL,
	"secretary_id" integer NOT NULL CONSTRAINT "secretary_dispatches_secretary_id_pool_secretaries_id_fk" REFERENCES "pool_secretaries"("id"),
	"org_id" integer NOT NULL CONSTRAINT "secretary_dispatches_org_id_party_orgs_id_fk" REFERENCES "party_orgs"("id"),
	"officer_id" integer CONSTRAINT "secretary_dispatches_officer_id_org_officers_id_fk" REFERENCES "org_officers"("id"),
	"start_on" date NOT NULL,
	"end_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "secretary_dispatches_interval" CHECK ("secretary_dispatches"."end_on" is null or "secretary_dispatches"."end_on" > "secretary_dispatches"."start_on")
);
--> statement-breakpoint
CREATE INDEX "secretary_dispatches_org_idx" ON "secretary_dispatches" USING btree ("org_id");
--> statement-breakpoint
-- A person serves one org at a time.
CREATE UNIQUE INDEX "secretary_dispatches_open_idx" ON "secretary_dispatches" USING btree ("secretary_id") WHERE "secretary_dispatches"."end_on" is null;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON pool_secretaries, secretary_dispatches TO dangjian_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE pool_secretaries_id_seq, secretary_dispatches_id_seq TO dangjian_app;
--> statement-breakpoint
-- A dispatch is seen where its org is (party_orgs' policies, a secretary's included, apply here).
ALTER TABLE secretary_dispatches ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY secretary_dispatches_in_scope ON secretary_dispatches TO dangjian_app
  USING (org_id IN (SELECT id FROM party_orgs)) WITH CHECK (org_id IN (SELECT id FROM party_orgs));
--> statement-breakpoint
-- The pool of the region, and whoever was sent from a wider pool to one of its orgs (the
-- county sees the city's cadre serving in its enterprise); only the region keeping them writes.
ALTER TABLE pool_secretaries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY pool_secretaries_in_scope ON pool_secretaries TO dangjian_app
  USING (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%')
         OR id IN (SELECT secretary_id FROM secretary_dispatches))
  WITH CHECK (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%'));
--> statement-breakpoint
-- A secretary account sees only who was sent to its own org; an instructor account, no one.
CREATE POLICY pool_secretaries_secretary_scope ON pool_secretaries AS RESTRICTIVE TO dangjian_secretary
  USING (id IN (SELECT secretary_id FROM secretary_dispatches)) WITH CHECK (false);
--> statement-breakpoint
CREATE POLICY pool_secretaries_instructor_scope ON pool_secretaries AS RESTRICTIVE TO dangjian_instructor USING (false);
