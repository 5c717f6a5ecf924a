-- An instructor reads the orgs of the enterprises assigned to them today (issue #15 item 10):
-- the org that covers such an enterprise now, and that org's officers, members, meetings,
-- groups, achievements, appraisals, activities and pairings. Migration 0013 hid every org from
-- the instructor role; this narrows that to the orgs in question and keeps them read-only.
--
-- SECURITY DEFINER: org_coverages' own policy reads party_orgs, and a party_orgs policy reading
-- org_coverages back would recurse. The assignments are read as in dangjian_instructor_enterprises().
CREATE FUNCTION dangjian_instructor_orgs() RETURNS SETOF integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT c.org_id FROM org_coverages c
  WHERE c.enterprise_id IN (SELECT dangjian_instructor_enterprises())
    AND c.start_on <= current_date AND (c.end_on IS NULL OR c.end_on > current_date)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION dangjian_instructor_orgs() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_instructor_orgs() TO dangjian_app;
--> statement-breakpoint
DROP POLICY party_orgs_instructor_scope ON party_orgs;
--> statement-breakpoint
-- Reading: only the orgs covering an assigned enterprise today (the region policy still applies).
CREATE POLICY party_orgs_instructor_scope ON party_orgs AS RESTRICTIVE FOR SELECT TO dangjian_instructor
  USING (id IN (SELECT dangjian_instructor_orgs()));
--> statement-breakpoint
-- Writing: nothing. The tables whose policies follow party_orgs would otherwise let an
-- instructor write where they may now read; each refuses the instructor's writes outright.
-- (owner_engagements is left out: an instructor records an owner's request to set up an org,
-- and its own policy keeps that to enterprises without an org the writer sees.)
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['party_orgs', 'org_coverages', 'org_officers', 'org_elections', 'members',
    'member_transfers', 'developments', 'restructurings', 'party_groups', 'party_group_members', 'meetings',
    'meeting_attendance', 'meeting_votes', 'achievements', 'achievement_members', 'org_appraisals',
    'member_appraisals', 'open_activities', 'open_activity_participants', 'pairings', 'pairing_activities']
  LOOP
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR INSERT TO dangjian_instructor WITH CHECK (false)',
      t || '_instructor_no_insert', t);
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR UPDATE TO dangjian_instructor USING (false)',
      t || '_instructor_no_update', t);
    EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR DELETE TO dangjian_instructor USING (false)',
      t || '_instructor_no_delete', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- An instructor records only the owner's request to set up an org (no org involved).
CREATE POLICY owner_engagements_instructor_write ON owner_engagements AS RESTRICTIVE FOR INSERT TO dangjian_instructor
  WITH CHECK (kind = 'org_request' AND org_id IS NULL);
