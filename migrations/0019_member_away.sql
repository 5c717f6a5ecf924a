-- Mobile members (rules.md §7, issue #13): "mobile" was a yes/no that nothing could check.
-- What is recorded now is the period a member works away: where (a place, and the org of this
-- system there when known, work_org_id = 流入地), since when, the planned return, and whether
-- the place is fixed. "Mobile" (away more than 6 months) and "should transfer the relation"
-- (6 months or more at a fixed place) are derived from these dates, never typed. A period ends
-- with the member's return (the route clears it; the audit log keeps the period and the date).
ALTER TABLE members ADD COLUMN away_place text;
--> statement-breakpoint
ALTER TABLE members ADD COLUMN away_since date;
--> statement-breakpoint
ALTER TABLE members ADD COLUMN away_until date;
--> statement-breakpoint
ALTER TABLE members ADD COLUMN away_fixed_place boolean NOT NULL DEFAULT false;
--> statement-breakpoint
-- A member recorded as mobile on the day of their last change had then been away more than
-- 6 months, so they left on or before that day less 6 months and a day: the latest date the
-- old record supports, which keeps every such member mobile (counts unchanged). The place was
-- never recorded and stays empty (shown as 未记录); the place is not taken as fixed, so no
-- transfer is prompted on a guess.
UPDATE members
  SET away_since = ((updated_at AT TIME ZONE 'Asia/Shanghai')::date - interval '6 months' - interval '1 day')::date
  WHERE mobile OR work_org_id IS NOT NULL;
--> statement-breakpoint
ALTER TABLE members DROP COLUMN mobile;
--> statement-breakpoint
ALTER TABLE members ADD CONSTRAINT members_away CHECK (
  (away_since IS NOT NULL OR (away_place IS NULL AND away_until IS NULL AND NOT away_fixed_place AND work_org_id IS NULL))
  AND (away_until IS NULL OR away_until > away_since)
);
--> statement-breakpoint
CREATE INDEX members_away_idx ON members (org_id, away_since) WHERE away_since IS NOT NULL;
