-- Organisational life (rules.md §10): party groups (党小组) and their members, meetings
-- (三会一课, 主题党日, 组织生活会, 民主评议党员) with attendance from the roster on the meeting
-- date, and the votes of a general meeting — an admission or confirmation is the development
-- record's own vote, held at that meeting (record once).
CREATE TABLE "party_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL CONSTRAINT "party_groups_org_id_party_orgs_id_fk" REFERENCES "party_orgs"("id"),
	"name" text NOT NULL,
	"leader_member_id" integer CONSTRAINT "party_groups_leader_member_id_members_id_fk" REFERENCES "members"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "party_groups_org_name_idx" ON "party_groups" USING btree ("org_id","name");
--> statement-breakpoint
CREATE TABLE "party_group_members" (
	"group_id" integer NOT NULL CONSTRAINT "party_group_members_group_id_party_groups_id_fk" REFERENCES "party_groups"("id") ON DELETE cascade,
	"member_id" integer NOT NULL CONSTRAINT "party_group_members_member_id_members_id_fk" REFERENCES "members"("id"),
	CONSTRAINT "party_group_members_group_id_member_id_pk" PRIMARY KEY("group_id","member_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "party_group_members_member_idx" ON "party_group_members" USING btree ("member_id");
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL CONSTRAINT "meetings_org_id_party_orgs_id_fk" REFERENCES "party_orgs"("id"),
	"kind" text NOT NULL,
	"party_group_id" integer CONSTRAINT "meetings_party_group_id_party_groups_id_fk" REFERENCES "party_groups"("id"),
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"host" text,
	"place" text,
	"resolutions" text,
	"notes" text,
	"attendance_recorded" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_kind_values" CHECK ("meetings"."kind" in ('general_meeting','committee_meeting','group_meeting','party_lecture','theme_day','life_meeting','member_review')),
	CONSTRAINT "meetings_group" CHECK (("meetings"."kind" = 'group_meeting') = ("meetings"."party_group_id" is not null))
);
--> statement-breakpoint
CREATE INDEX "meetings_org_kind_idx" ON "meetings" USING btree ("org_id","kind","held_on");
--> statement-breakpoint
CREATE INDEX "meetings_group_idx" ON "meetings" USING btree ("party_group_id","held_on");
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" integer NOT NULL CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" REFERENCES "meetings"("id") ON DELETE cascade,
	"member_id" integer NOT NULL CONSTRAINT "meeting_attendance_member_id_members_id_fk" REFERENCES "members"("id"),
	"present" boolean NOT NULL,
	"voting" boolean NOT NULL,
	"guest" boolean DEFAULT false NOT NULL,
	"absent_reason" text,
	"absent_note" text,
	CONSTRAINT "meeting_attendance_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id"),
	CONSTRAINT "meeting_attendance_reason" CHECK ((not "meeting_attendance"."present" or "meeting_attendance"."absent_reason" is null) and ("meeting_attendance"."absent_reason" is null or "meeting_attendance"."absent_reason" in ('leave','mobile','other'))
        and (not "meeting_attendance"."guest" or "meeting_attendance"."present"))
);
--> statement-breakpoint
CREATE INDEX "meeting_attendance_member_idx" ON "meeting_attendance" USING btree ("member_id");
--> statement-breakpoint
CREATE TABLE "meeting_votes" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL CONSTRAINT "meeting_votes_meeting_id_meetings_id_fk" REFERENCES "meetings"("id") ON DELETE cascade,
	"kind" text NOT NULL,
	"development_id" integer CONSTRAINT "meeting_votes_development_id_developments_id_fk" REFERENCES "developments"("id"),
	CONSTRAINT "meeting_votes_kind_values" CHECK ("meeting_votes"."kind" in ('admission','confirmation','election')),
	CONSTRAINT "meeting_votes_development" CHECK (("meeting_votes"."kind" = 'election') = ("meeting_votes"."development_id" is null))
);
--> statement-breakpoint
CREATE INDEX "meeting_votes_meeting_idx" ON "meeting_votes" USING btree ("meeting_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_votes_development_idx" ON "meeting_votes" USING btree ("development_id","kind") WHERE "meeting_votes"."development_id" is not null;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON party_groups, party_group_members, meetings, meeting_attendance, meeting_votes TO dangjian_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE party_groups_id_seq, meetings_id_seq, meeting_votes_id_seq TO dangjian_app;
--> statement-breakpoint
-- Seen where the org is: the region subtree, a secretary's own org (party_orgs' policies apply
-- inside the subqueries); the groups' members, attendance and votes where their group or meeting is.
ALTER TABLE party_groups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY party_groups_in_scope ON party_groups TO dangjian_app
  USING (org_id IN (SELECT id FROM party_orgs)) WITH CHECK (org_id IN (SELECT id FROM party_orgs));
--> statement-breakpoint
ALTER TABLE party_group_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY party_group_members_in_scope ON party_group_members TO dangjian_app
  USING (group_id IN (SELECT id FROM party_groups)) WITH CHECK (group_id IN (SELECT id FROM party_groups));
--> statement-breakpoint
ALTER TABLE meetings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY meetings_in_scope ON meetings TO dangjian_app
  USING (org_id IN (SELECT id FROM party_orgs)) WITH CHECK (org_id IN (SELECT id FROM party_orgs));
--> statement-breakpoint
ALTER TABLE meeting_attendance ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY meeting_attendance_in_scope ON meeting_attendance TO dangjian_app
  USING (meeting_id IN (SELECT id FROM meetings)) WITH CHECK (meeting_id IN (SELECT id FROM meetings));
--> statement-breakpoint
ALTER TABLE meeting_votes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY meeting_votes_in_scope ON meeting_votes TO dangjian_app
  USING (meeting_id IN (SELECT id FROM meetings)) WITH CHECK (meeting_id IN (SELECT id FROM meetings));
