-- Lost-contact members (失联党员; issue #17 item 4; rules.md §13): a member out of contact with
-- the org for 6 months or more, recorded with the 失联情形 code, the date since which they are out
-- of contact (their last recorded activity, or a later contact the org knows of), the search
-- efforts (who, how, when, with what result), and the outcome: contact restored (恢复联系), or
-- handled under 《中国共产党党员教育管理工作条例》 第二十四条 — 停止党籍 for a full member,
-- 取消预备党员资格 for a probationary one (the member then leaves the roster).
CREATE TABLE "lost_contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL CONSTRAINT "lost_contacts_member_id_members_id_fk" REFERENCES "members"("id"),
	"org_id" integer NOT NULL CONSTRAINT "lost_contacts_org_id_party_orgs_id_fk" REFERENCES "party_orgs"("id"),
	"circumstance" text NOT NULL,
	"circumstance_note" text,
	"out_of_contact_since" date NOT NULL,
	"recorded_on" date NOT NULL,
	"outcome" text,
	"outcome_on" date,
	"outcome_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lost_contacts_circumstance_values" CHECK ("lost_contacts"."circumstance" in ('1','2','3','4','5','6','7')),
	-- 其他: the concrete reason is written down (the official 填表要求).
	CONSTRAINT "lost_contacts_other_note" CHECK ("lost_contacts"."circumstance" <> '7' or "lost_contacts"."circumstance_note" is not null),
	-- Six months at least: the service checks it by calendar months, this is the floor in days.
	CONSTRAINT "lost_contacts_six_months" CHECK ("lost_contacts"."recorded_on" >= "lost_contacts"."out_of_contact_since" + 181),
	CONSTRAINT "lost_contacts_outcome" CHECK (("lost_contacts"."outcome" is null) = ("lost_contacts"."outcome_on" is null)
          and ("lost_contacts"."outcome" is null or "lost_contacts"."outcome" in ('restored','suspended','probation_cancelled'))
          and ("lost_contacts"."outcome_on" is null or "lost_contacts"."outcome_on" >= "lost_contacts"."recorded_on"))
);
--> statement-breakpoint
-- One open case per member.
CREATE UNIQUE INDEX "lost_contacts_open_idx" ON "lost_contacts" USING btree ("member_id") WHERE "lost_contacts"."outcome" is null;
--> statement-breakpoint
CREATE INDEX "lost_contacts_org_idx" ON "lost_contacts" USING btree ("org_id");
--> statement-breakpoint
CREATE TABLE "lost_contact_searches" (
	"id" serial PRIMARY KEY NOT NULL,
	"lost_contact_id" integer NOT NULL CONSTRAINT "lost_contact_searches_lost_contact_id_lost_contacts_id_fk" REFERENCES "lost_contacts"("id"),
	"searched_on" date NOT NULL,
	"searcher" text NOT NULL,
	"method" text NOT NULL,
	"result" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lost_contact_searches_method_values" CHECK ("lost_contact_searches"."method" in ('phone','visit','relatives','employer','online','notice','agency','other'))
);
--> statement-breakpoint
CREATE INDEX "lost_contact_searches_case_idx" ON "lost_contact_searches" USING btree ("lost_contact_id","searched_on");
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON lost_contacts, lost_contact_searches TO dangjian_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE lost_contacts_id_seq, lost_contact_searches_id_seq TO dangjian_app;
--> statement-breakpoint
-- Seen where the org holding the member's relation is (the region subtree, a secretary's own
-- org): party_orgs' policies apply inside the subqueries.
ALTER TABLE lost_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY lost_contacts_in_scope ON lost_contacts TO dangjian_app
  USING (org_id IN (SELECT id FROM party_orgs)) WITH CHECK (org_id IN (SELECT id FROM party_orgs));
--> statement-breakpoint
ALTER TABLE lost_contact_searches ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY lost_contact_searches_in_scope ON lost_contact_searches TO dangjian_app
  USING (lost_contact_id IN (SELECT id FROM lost_contacts)) WITH CHECK (lost_contact_id IN (SELECT id FROM lost_contacts));
