-- 双向进入、交叉兼职 (documents 000, 004): an org officer may hold a management post in the
-- enterprise, be its legal representative (法定代表人, table 27 of the official forms counts
-- secretaries who are), and chair its trade union. Recorded on the officer, not the member,
-- because the post belongs to the enterprise the org serves, and ends with the officer's term.
ALTER TABLE "org_officers" ADD COLUMN "enterprise_post" text;--> statement-breakpoint
ALTER TABLE "org_officers" ADD COLUMN "legal_representative" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "org_officers" ADD COLUMN "union_chair" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "org_officers" ADD CONSTRAINT "org_officers_enterprise_post_length" CHECK ("org_officers"."enterprise_post" is null or char_length("org_officers"."enterprise_post") between 1 and 50);
