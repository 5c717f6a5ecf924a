-- Appraisals, owner engagement, open activities and pairing (issue #15 items 4, 6, 7;
-- rules.md §11; document 001). An org's yearly appraisal, with the rectification of an org
-- judged 软弱涣散; a member's yearly 民主评议 result with its follow-up; the owner's
-- communication with the org and what they provide; open activities and 结对共建.
CREATE TABLE "org_appraisals" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL CONSTRAINT "org_appraisals_org_id_party_orgs_id_fk" REFERENCES "party_orgs"("id"),
	"year" smallint NOT NULL,
	"grade" text NOT NULL,
	"four_strong" boolean DEFAULT false NOT NULL,
	"five_good" boolean DEFAULT false NOT NULL,
	"weak" boolean DEFAULT false NOT NULL,
	"appraised_on" date NOT NULL,
	"appraising_body" text NOT NULL,
	"note" text,
	"rectification_steps" text[],
	"rectification_due_on" date,
	"rectified_on" date,
	"rectification_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_appraisals_grade_values" CHECK ("org_appraisals"."grade" in ('advanced','ordinary','lagging')),
	CONSTRAINT "org_appraisals_year" CHECK ("org_appraisals"."year" between 1990 and 2100),
	-- A 软弱涣散 org is graded 后进 and has steps and a deadline after the appraisal; no other has either.
	CONSTRAINT "org_appraisals_rectification" CHECK (case when "org_appraisals"."weak" then "org_appraisals"."grade" = 'lagging' and cardinality("org_appraisals"."rectification_steps") > 0
            and "org_appraisals"."rectification_due_on" > "org_appraisals"."appraised_on"
          else "org_appraisals"."rectification_steps" is null and "org_appraisals"."rectification_due_on" is null and "org_appraisals"."rectified_on" is null end),
	CONSTRAINT "org_appraisals_rectified_after" CHECK ("org_appraisals"."rectified_on" >= "org_appraisals"."appraised_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "org_appraisals_org_year_idx" ON "org_appraisals" USING btree ("org_id","year");
--> statement-breakpoint
-- The open rectifications: what the prompts and the lagging list look for.
CREATE INDEX "org_appraisals_open_idx" ON "org_appraisals" USING btree ("org_id") WHERE "org_appraisals"."weak" and "org_appraisals"."rectified_on" is null;
--> statement-breakpoint
CREATE TABLE "member_appraisals" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL CONSTRAINT "member_appraisals_member_id_members_id_fk" REFERENCES "members"("id"),
	"org_id" integer NOT NULL CONSTRAINT "member_appraisals_org_id_party_orgs_id_fk" REFERENCES "party_orgs"("id"),
	"year" smallint NOT NULL,
	"result" text NOT NULL,
	"four_excellent" boolean DEFAULT false NOT NULL,
	"appraised_on" date NOT NULL,
	"follow_up_due_on" date,
	"follow_up" text,
	"follow_up_on" date,
	"correct_by" date,
	"follow_up_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_appraisals_result_values" CHECK ("member_appraisals"."result" in ('excellent','qualified','basically_qualified','unqualified')),
	CONSTRAINT "member_appraisals_year" CHECK ("member_appraisals"."year" between 1990 and 2100),
	CONSTRAINT "member_appraisals_four_excellent" CHECK (not "member_appraisals"."four_excellent" or "member_appraisals"."result" = 'excellent'),
	CONSTRAINT "member_appraisals_follow_up_due" CHECK (("member_appraisals"."follow_up_due_on" is not null) = ("member_appraisals"."result" = 'unqualified')),
	CONSTRAINT "member_appraisals_follow_up" CHECK (case when "member_appraisals"."follow_up" is null then "member_appraisals"."follow_up_on" is null and "member_appraisals"."correct_by" is null
          else "member_appraisals"."result" in ('basically_qualified','unqualified')
            and "member_appraisals"."follow_up" in ('education','correct_by','persuade_withdraw','removal')
            and "member_appraisals"."follow_up_on" >= "member_appraisals"."appraised_on"
            and ("member_appraisals"."correct_by" is not null) = ("member_appraisals"."follow_up" = 'correct_by')
            and ("member_appraisals"."correct_by" is null or "member_appraisals"."correct_by" > "member_appraisals"."follow_up_on") end)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "member_appraisals_member_year_idx" ON "member_appraisals" USING btree ("member_id","year");
--> statement-breakpoint
CREATE INDEX "member_appraisals_org_idx" ON "member_appraisals" USING btree ("org_id");
--> statement-breakpoint
CREATE INDEX "member_appraisals_missing_idx" ON "member_appraisals" USING btree ("org_id") WHERE "member_appraisals"."result" = 'unqualified' and "member_appraisals"."follow_up" is null;
--> statement-breakpoint
CREATE TABLE "owner_engagements" (
	"id" serial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL CONSTRAINT "owner_engagements_enterprise_id_enterprises_id_fk" REFERENCES "enterprises"("id"),
	"org_id" integer CONSTRAINT "owner_engagements_org_id_party_orgs_id_fk" REFERENCES "party_orgs"("id"),
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"owner_name" text,
	"topics" text,
	"outcome" text,
	"hours" numeric(6, 1),
	"venue" text,
	"funds" numeric(12, 2),
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "owner_engagements_kind_values" CHECK ("owner_engagements"."kind" in ('communication','support','campaign','application','org_request')),
	CONSTRAINT "owner_engagements_communication" CHECK ("owner_engagements"."kind" <> 'communication' or "owner_engagements"."topics" is not null),
	CONSTRAINT "owner_engagements_support" CHECK ("owner_engagements"."kind" <> 'support' or coalesce("owner_engagements"."hours", "owner_engagements"."funds") is not null or "owner_engagements"."venue" is not null),
	CONSTRAINT "owner_engagements_amounts" CHECK ("owner_engagements"."hours" >= 0 and "owner_engagements"."funds" >= 0),
	CONSTRAINT "owner_engagements_org" CHECK (("owner_engagements"."kind" = 'org_request') = ("owner_engagements"."org_id" is null))
);
--> statement-breakpoint
CREATE INDEX "owner_engagements_enterprise_idx" ON "owner_engagements" USING btree ("enterprise_id");
--> statement-breakpoint
CREATE INDEX "owner_engagements_org_idx" ON "owner_engagements" USING btree ("org_id");
--> statement-breakpoint
CREATE TABLE "open_activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL CONSTRAINT "open_activities_org_id_party_orgs_id_fk" REFERENCES "party_orgs"("id"),
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"place" text,
	"non_member_count" integer DEFAULT 0 NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open_activities_non_members" CHECK ("open_activities"."non_member_count" between 0 and 100000)
);
--> statement-breakpoint
CREATE INDEX "open_activities_org_idx" ON "open_activities" USING btree ("org_id","held_on");
--> statement-breakpoint
CREATE TABLE "open_activity_participants" (
	"activity_id" integer NOT NULL CONSTRAINT "open_activity_participants_activity_id_open_activities_id_fk" REFERENCES "open_activities"("id") ON DELETE cascade,
	"member_id" integer NOT NULL CONSTRAINT "open_activity_participants_member_id_members_id_fk" REFERENCES "members"("id"),
	CONSTRAINT "open_activity_participants_activity_id_member_id_pk" PRIMARY KEY("activity_id","member_id")
);
--> statement-breakpoint
CREATE INDEX "open_activity_participants_member_idx" ON "open_activity_participants" USING btree ("member_id");
--> statement-breakpoint
CREATE TABLE "pairings" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL CONSTRAINT "pairings_org_id_party_orgs_id_fk" REFERENCES "party_orgs"("id"),
	"partner_kind" text NOT NULL,
	"partner_org_id" integer CONSTRAINT "pairings_partner_org_id_party_orgs_id_fk" REFERENCES "party_orgs"("id"),
	"partner_name" text,
	"start_on" date NOT NULL,
	"end_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pairings_partner_kind_values" CHECK ("pairings"."partner_kind" in ('org','village','community')),
	CONSTRAINT "pairings_partner" CHECK (case when "pairings"."partner_kind" = 'org' then "pairings"."partner_org_id" is not null and "pairings"."partner_org_id" <> "pairings"."org_id"
          else "pairings"."partner_org_id" is null and "pairings"."partner_name" is not null end),
	CONSTRAINT "pairings_period" CHECK ("pairings"."end_on" > "pairings"."start_on")
);
--> statement-breakpoint
CREATE INDEX "pairings_org_idx" ON "pairings" USING btree ("org_id");
--> statement-breakpoint
CREATE INDEX "pairings_partner_org_idx" ON "pairings" USING btree ("partner_org_id");
--> statement-breakpoint
CREATE TABLE "pairing_activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"pairing_id" integer NOT NULL CONSTRAINT "pairing_activities_pairing_id_pairings_id_fk" REFERENCES "pairings"("id") ON DELETE cascade,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"content" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pairing_activities_pairing_idx" ON "pairing_activities" USING btree ("pairing_id","held_on");
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON org_appraisals, member_appraisals, owner_engagements, open_activities,
  open_activity_participants, pairings, pairing_activities TO dangjian_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE org_appraisals_id_seq, member_appraisals_id_seq, owner_engagements_id_seq,
  open_activities_id_seq, pairings_id_seq, pairing_activities_id_seq TO dangjian_app;
--> statement-breakpoint
-- Seen where the org is (the region subtree, a secretary's own org): party_orgs' policies
-- apply inside the subqueries. A pairing is seen by both orgs and written by its own.
ALTER TABLE org_appraisals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_appraisals_in_scope ON org_appraisals TO dangjian_app
  USING (org_id IN (SELECT id FROM party_orgs)) WITH CHECK (org_id IN (SELECT id FROM party_orgs));
--> statement-breakpoint
ALTER TABLE member_appraisals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY member_appraisals_in_scope ON member_appraisals TO dangjian_app
  USING (org_id IN (SELECT id FROM party_orgs)) WITH CHECK (org_id IN (SELECT id FROM party_orgs));
--> statement-breakpoint
ALTER TABLE open_activities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY open_activities_in_scope ON open_activities TO dangjian_app
  USING (org_id IN (SELECT id FROM party_orgs)) WITH CHECK (org_id IN (SELECT id FROM party_orgs));
--> statement-breakpoint
ALTER TABLE open_activity_participants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY open_activity_participants_in_scope ON open_activity_participants TO dangjian_app
  USING (activity_id IN (SELECT id FROM open_activities)) WITH CHECK (activity_id IN (SELECT id FROM open_activities));
--> statement-breakpoint
ALTER TABLE pairings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY pairings_in_scope ON pairings TO dangjian_app
  USING (org_id IN (SELECT id FROM party_orgs) OR partner_org_id IN (SELECT id FROM party_orgs))
  WITH CHECK (org_id IN (SELECT id FROM party_orgs));
--> statement-breakpoint
ALTER TABLE pairing_activities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY pairing_activities_in_scope ON pairing_activities TO dangjian_app
  USING (pairing_id IN (SELECT id FROM pairings)) WITH CHECK (pairing_id IN (SELECT id FROM pairings));
--> statement-breakpoint
-- An owner's engagement is the enterprise's: seen where the enterprise is (an instructor's
-- assigned enterprises too), written for an org the writer sees.
ALTER TABLE owner_engagements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY owner_engagements_in_scope ON owner_engagements TO dangjian_app
  USING (enterprise_id IN (SELECT id FROM enterprises))
  WITH CHECK (enterprise_id IN (SELECT id FROM enterprises) AND (org_id IS NULL OR org_id IN (SELECT id FROM party_orgs)));
