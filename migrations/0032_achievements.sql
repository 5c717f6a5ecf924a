-- What organizations achieve (作用发挥, rules.md §11; issue #15 item 5): proposals, pledges,
-- problems solved, innovation, social contribution, model posts and responsibility zones,
-- each recorded once with its org, the enterprise it was for, its people and date.
CREATE TABLE "achievements" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL CONSTRAINT "achievements_org_id_party_orgs_id_fk" REFERENCES "party_orgs"("id"),
	"enterprise_id" integer NOT NULL CONSTRAINT "achievements_enterprise_id_enterprises_id_fk" REFERENCES "enterprises"("id"),
	"kind" text NOT NULL,
	"form" text,
	"on_date" date NOT NULL,
	"content" text NOT NULL,
	"person_name" text,
	"adopted" boolean,
	"fulfilled" boolean,
	"benefit" numeric(12, 2),
	"amount" numeric(12, 2),
	"from_on" date,
	"to_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "achievements_kind_values" CHECK ("achievements"."kind" in ('proposal','pledge','problem_solved','innovation','contribution','model_post','responsibility_zone')),
	CONSTRAINT "achievements_money" CHECK ("achievements"."benefit" >= 0 and "achievements"."amount" >= 0),
	CONSTRAINT "achievements_contribution_amount" CHECK (("achievements"."kind" = 'contribution') = ("achievements"."amount" is not null)),
	CONSTRAINT "achievements_period" CHECK ("achievements"."to_on" is null or "achievements"."from_on" <= "achievements"."to_on")
);
--> statement-breakpoint
CREATE INDEX "achievements_org_idx" ON "achievements" USING btree ("org_id","on_date");
--> statement-breakpoint
CREATE INDEX "achievements_enterprise_idx" ON "achievements" USING btree ("enterprise_id","kind","on_date");
--> statement-breakpoint
CREATE TABLE "achievement_members" (
	"achievement_id" integer NOT NULL CONSTRAINT "achievement_members_achievement_id_achievements_id_fk" REFERENCES "achievements"("id") ON DELETE cascade,
	"member_id" integer NOT NULL CONSTRAINT "achievement_members_member_id_members_id_fk" REFERENCES "members"("id"),
	CONSTRAINT "achievement_members_achievement_id_member_id_pk" PRIMARY KEY("achievement_id","member_id")
);
--> statement-breakpoint
CREATE INDEX "achievement_members_member_idx" ON "achievement_members" USING btree ("member_id");
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON achievements, achievement_members TO dangjian_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE achievements_id_seq TO dangjian_app;
--> statement-breakpoint
-- Seen and written where the org is: the region subtree, a secretary's own org (the
-- party_orgs policies apply inside the subquery).
ALTER TABLE achievements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY achievements_in_scope ON achievements TO dangjian_app
  USING (org_id IN (SELECT id FROM party_orgs)) WITH CHECK (org_id IN (SELECT id FROM party_orgs));
--> statement-breakpoint
-- An instructor sees no org (migration 0013), but reads what the orgs achieved at the
-- enterprises assigned to them today; the enterprises policy narrows the subquery to those.
-- Read only: the permissive policy adds rows to SELECT, nothing to writes.
CREATE POLICY achievements_instructor_read ON achievements FOR SELECT TO dangjian_instructor
  USING (enterprise_id IN (SELECT id FROM enterprises));
--> statement-breakpoint
ALTER TABLE achievement_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY achievement_members_in_scope ON achievement_members TO dangjian_app
  USING (achievement_id IN (SELECT id FROM achievements)) WITH CHECK (achievement_id IN (SELECT id FROM achievements));
