-- Issue #12, defects 7, 8 and 10.
--
-- 7 (三员分立): a password reset the system administrator asks for waits on the user row
-- until the security administrator approves or rejects it.
ALTER TABLE users ADD COLUMN reset_requested_by integer REFERENCES users(id);
--> statement-breakpoint
ALTER TABLE users ADD COLUMN reset_requested_at timestamp with time zone;
--> statement-breakpoint
-- 10 (membership oracle): a number registered where the actor cannot see is passed on to
-- the holder as a referral. The asker writes it through a SECURITY DEFINER function and can
-- neither read it back nor learn from the call whether a row was made; the holder reads the
-- referrals of the members it can see (row-level security on members applies inside EXISTS).
CREATE TABLE member_referrals (
  id serial PRIMARY KEY,
  member_id integer NOT NULL REFERENCES members(id),
  from_org_id integer NOT NULL REFERENCES party_orgs(id),
  from_org_name text NOT NULL,
  requested_by_name text NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL,
  closed_on date
);
--> statement-breakpoint
CREATE INDEX member_referrals_member_idx ON member_referrals (member_id);
--> statement-breakpoint
CREATE UNIQUE INDEX member_referrals_open_idx ON member_referrals (member_id, from_org_id) WHERE closed_on IS NULL;
--> statement-breakpoint
GRANT SELECT, UPDATE ON member_referrals TO dangjian_app;
--> statement-breakpoint
ALTER TABLE member_referrals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY member_referrals_holder ON member_referrals TO dangjian_app
  USING (EXISTS (SELECT 1 FROM members m WHERE m.id = member_id))
  WITH CHECK (EXISTS (SELECT 1 FROM members m WHERE m.id = member_id));
--> statement-breakpoint
CREATE FUNCTION dangjian_refer_member(number_hash text, from_org integer, by_name text) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO member_referrals (member_id, from_org_id, from_org_name, requested_by_name)
  SELECT m.id, o.id, o.name, by_name FROM members m, party_orgs o
  WHERE m.id_number_hash = number_hash AND m.left_on IS NULL AND o.id = from_org
  ON CONFLICT DO NOTHING
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION dangjian_refer_member(text, integer, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_refer_member(text, integer, text) TO dangjian_app;
--> statement-breakpoint
-- 8 (regional settings): the instructors' work rules and the assessment settings belong to a
-- region; the values kept so far become the whole country's (000000), which every region
-- inherits until it sets its own.
CREATE TABLE region_settings (
  key text NOT NULL,
  region_code text NOT NULL,
  value jsonb NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  PRIMARY KEY (key, region_code)
);
--> statement-breakpoint
INSERT INTO region_settings (key, region_code, value, updated_at)
  SELECT key, '000000', value, updated_at FROM settings WHERE key IN ('instructor', 'assessment');
--> statement-breakpoint
DELETE FROM settings WHERE key IN ('instructor', 'assessment');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON region_settings TO dangjian_app;
