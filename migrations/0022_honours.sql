-- 表彰 and 示范点 (document 004: 先锋号先进党组织, 先锋岗先进个人; document 001: 8家示范点).
-- An honour goes to an org, or to a member of it (org_id is then the member's org when
-- honoured, so the honour stays where it was earned); a demonstration site is an org or an
-- enterprise named a model for a year at a level.
CREATE TABLE "honours" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL CONSTRAINT "honours_org_id_party_orgs_id_fk" REFERENCES "party_orgs"("id"),
	"member_id" integer CONSTRAINT "honours_member_id_members_id_fk" REFERENCES "members"("id"),
	"title" text NOT NULL,
	"awarding_body" text NOT NULL,
	"level" text NOT NULL,
	"awarded_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "honours_level_values" CHECK ("honours"."level" in ('national','province','city','county','town'))
);
--> statement-breakpoint
CREATE INDEX "honours_org_idx" ON "honours" USING btree ("org_id");
--> statement-breakpoint
CREATE INDEX "honours_member_idx" ON "honours" USING btree ("member_id");
--> statement-breakpoint
CREATE TABLE "demonstration_sites" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer CONSTRAINT "demonstration_sites_org_id_party_orgs_id_fk" REFERENCES "party_orgs"("id"),
	"enterprise_id" integer CONSTRAINT "demonstration_sites_enterprise_id_enterprises_id_fk" REFERENCES "enterprises"("id"),
	"name" text NOT NULL,
	"level" text NOT NULL,
	"year" smallint NOT NULL,
	"awarding_body" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demonstration_sites_level_values" CHECK ("demonstration_sites"."level" in ('national','province','city','county','town')),
	CONSTRAINT "demonstration_sites_one_place" CHECK (("demonstration_sites"."org_id" is null) <> ("demonstration_sites"."enterprise_id" is null)),
	CONSTRAINT "demonstration_sites_year" CHECK ("demonstration_sites"."year" between 1990 and 2100)
);
--> statement-breakpoint
CREATE INDEX "demonstration_sites_org_idx" ON "demonstration_sites" USING btree ("org_id");
--> statement-breakpoint
CREATE INDEX "demonstration_sites_enterprise_idx" ON "demonstration_sites" USING btree ("enterprise_id");
--> statement-breakpoint
-- A mistaken entry is withdrawn (audited), not edited into another honour.
GRANT SELECT, INSERT, UPDATE, DELETE ON honours, demonstration_sites TO dangjian_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE honours_id_seq, demonstration_sites_id_seq TO dangjian_app;
--> statement-breakpoint
-- Seen where the org (or the enterprise) is: the region subtree, a secretary's own org, the
-- enterprises an instructor is assigned — those tables' policies apply inside the subqueries.
ALTER TABLE honours ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY honours_in_scope ON honours TO dangjian_app
  USING (org_id IN (SELECT id FROM party_orgs)) WITH CHECK (org_id IN (SELECT id FROM party_orgs));
--> statement-breakpoint
ALTER TABLE demonstration_sites ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY demonstration_sites_in_scope ON demonstration_sites TO dangjian_app
  USING (org_id IN (SELECT id FROM party_orgs) OR enterprise_id IN (SELECT id FROM enterprises))
  WITH CHECK (org_id IN (SELECT id FROM party_orgs) OR enterprise_id IN (SELECT id FROM enterprises));
