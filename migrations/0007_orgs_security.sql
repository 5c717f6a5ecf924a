-- Organizations and members follow the ledger's security: the app role reads and writes
-- them under row-level security. An actor's scope is a region subtree, narrowed to one
-- org for a secretary (dangjian.org_id, set per transaction; '' for everyone else).
CREATE FUNCTION dangjian_scope_org() RETURNS integer
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('dangjian.org_id', true), '')::integer $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_scope_org() TO dangjian_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON party_orgs, org_coverages, org_officers, org_elections, members,
  member_transfers, developments, restructurings TO dangjian_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE party_orgs_id_seq, org_coverages_id_seq, org_officers_id_seq, org_elections_id_seq,
  members_id_seq, member_transfers_id_seq, developments_id_seq TO dangjian_app;
--> statement-breakpoint
ALTER TABLE party_orgs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY party_orgs_in_scope ON party_orgs TO dangjian_app
  USING (region_code LIKE current_setting('dangjian.scope_prefix') || '%'
         AND (dangjian_scope_org() IS NULL OR id = dangjian_scope_org()))
  WITH CHECK (region_code LIKE current_setting('dangjian.scope_prefix') || '%'
         AND (dangjian_scope_org() IS NULL OR id = dangjian_scope_org()));
--> statement-breakpoint
-- The tables below hang off an org: visible when their org is (party_orgs' own policy
-- applies inside these subqueries).
ALTER TABLE org_coverages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_coverages_in_scope ON org_coverages TO dangjian_app
  USING (org_id IN (SELECT id FROM party_orgs)) WITH CHECK (org_id IN (SELECT id FROM party_orgs));
--> statement-breakpoint
ALTER TABLE org_officers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_officers_in_scope ON org_officers TO dangjian_app
  USING (org_id IN (SELECT id FROM party_orgs)) WITH CHECK (org_id IN (SELECT id FROM party_orgs));
--> statement-breakpoint
ALTER TABLE org_elections ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY org_elections_in_scope ON org_elections TO dangjian_app
  USING (org_id IN (SELECT id FROM party_orgs)) WITH CHECK (org_id IN (SELECT id FROM party_orgs));
--> statement-breakpoint
ALTER TABLE developments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY developments_in_scope ON developments TO dangjian_app
  USING (org_id IN (SELECT id FROM party_orgs)) WITH CHECK (org_id IN (SELECT id FROM party_orgs));
--> statement-breakpoint
-- A mobile member is seen by the org holding the relation and by the org where they work.
ALTER TABLE members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY members_in_scope ON members TO dangjian_app
  USING (org_id IN (SELECT id FROM party_orgs) OR work_org_id IN (SELECT id FROM party_orgs))
  WITH CHECK (org_id IN (SELECT id FROM party_orgs));
--> statement-breakpoint
ALTER TABLE member_transfers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY member_transfers_in_scope ON member_transfers TO dangjian_app
  USING (org_id IN (SELECT id FROM party_orgs)) WITH CHECK (org_id IN (SELECT id FROM party_orgs));
--> statement-breakpoint
ALTER TABLE restructurings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY restructurings_in_scope ON restructurings TO dangjian_app
  USING (enterprise_id IN (SELECT id FROM enterprises)) WITH CHECK (enterprise_id IN (SELECT id FROM enterprises));
--> statement-breakpoint
-- A secretary sees the enterprises their org covers, and no other.
CREATE POLICY enterprises_secretary_scope ON enterprises AS RESTRICTIVE TO dangjian_app
  USING (dangjian_scope_org() IS NULL
         OR id IN (SELECT enterprise_id FROM org_coverages WHERE org_id = dangjian_scope_org()));
--> statement-breakpoint
-- The coverage of one enterprise at a date, from every org that covers it — including orgs
-- registered above the actor's region (a city-level joint org covering a county's
-- enterprises) — but only for an enterprise inside the actor's scope.
CREATE FUNCTION dangjian_org_coverage(enterprise integer, on_date date) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT CASE WHEN bool_or(o.formation = 'standalone') THEN 'standalone'
              WHEN bool_or(o.formation = 'joint') THEN 'joint' END
  FROM org_coverages c
  JOIN party_orgs o ON o.id = c.org_id
  JOIN enterprises e ON e.id = c.enterprise_id
  WHERE c.enterprise_id = enterprise
    AND e.region_code LIKE current_setting('dangjian.scope_prefix') || '%'
    AND c.start_on <= on_date AND (c.end_on IS NULL OR c.end_on > on_date)
    AND o.established_on <= on_date AND (o.dissolved_on IS NULL OR o.dissolved_on > on_date)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION dangjian_org_coverage(integer, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_org_coverage(integer, date) TO dangjian_app;
