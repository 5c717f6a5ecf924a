-- The coverage engine (rules.md §1–§3) and the instructor area's security.
--
-- enterprise_states keeps each enterprise's facts over time, so any past date can be
-- recomputed; ledger_counts keeps today's ledger counted by every dashboard key, so a
-- figure is a sum over a few thousand rows instead of a scan of a million. Both are kept
-- by statement-level triggers on enterprises, in the transaction that changes the ledger:
-- never stale, and set-based, so an import of 100,000 rows runs each trigger once per statement.

-- Employee bands of the counts: the size bands of §1 (10, 50, 100, 300) and the survey
-- scope's 30, so every threshold a deployment may choose is a band edge.
CREATE FUNCTION dangjian_band(employees integer) RETURNS smallint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT width_bucket(employees, '{10,30,50,100,300}'::int[])::smallint $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_band(integer) TO dangjian_app;
--> statement-breakpoint
CREATE FUNCTION dangjian_states_inserted() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  -- The first state reaches back to the founding date: a ledger loaded today still answers
  -- for last year. A later change holds from the day it is recorded.
  INSERT INTO enterprise_states (enterprise_id, valid_from, region_code, kind, industry_code, employees,
                                 member_count, full_member_count, above_scale, in_scope)
  SELECT id, CASE WHEN founded_on IS NULL THEN '-infinity'::date ELSE least(founded_on, current_date) END,
         region_code, kind, industry_code, employees, member_count, full_member_count, above_scale, in_scope
  FROM new_rows;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION dangjian_states_updated() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  -- Planned at each run: a plan cached from a call with empty transition tables would join
  -- a large update's old and new rows by nested loop.
  EXECUTE $q$
  WITH changed AS (
    SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.region_code, n.kind, n.industry_code, n.employees, n.member_count, n.full_member_count, n.above_scale, n.in_scope)
          IS DISTINCT FROM
          (o.region_code, o.kind, o.industry_code, o.employees, o.member_count, o.full_member_count, o.above_scale, o.in_scope)
  ), closed AS (
    UPDATE enterprise_states s SET valid_to = current_date
    FROM changed c WHERE s.enterprise_id = c.id AND s.valid_to = 'infinity' AND s.valid_from < current_date
    RETURNING s.enterprise_id
  ), replaced AS (
    -- A second change on the same day replaces that day's state.
    UPDATE enterprise_states s
    SET region_code = c.region_code, kind = c.kind, industry_code = c.industry_code, employees = c.employees,
        member_count = c.member_count, full_member_count = c.full_member_count, above_scale = c.above_scale,
        in_scope = c.in_scope
    FROM changed c WHERE s.enterprise_id = c.id AND s.valid_to = 'infinity' AND s.valid_from >= current_date
    RETURNING s.enterprise_id
  )
  INSERT INTO enterprise_states (enterprise_id, valid_from, region_code, kind, industry_code, employees,
                                 member_count, full_member_count, above_scale, in_scope)
  SELECT c.id, current_date, c.region_code, c.kind, c.industry_code, c.employees, c.member_count,
         c.full_member_count, c.above_scale, c.in_scope
  FROM changed c WHERE c.id NOT IN (SELECT enterprise_id FROM replaced)
  $q$;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION dangjian_counts_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  -- Rows leave their old key (-1) and join their new one (+1); keys whose sums net to zero
  -- are not written, and keys are written in order so concurrent writers cannot deadlock.
  -- The transition tables that exist depend on the event, so the source is chosen here and
  -- the statement run dynamically (it still sees them).
  EXECUTE format($q$
  INSERT INTO ledger_counts AS lc (region_code, in_scope, category, org_coverage, has_instructor, band, kind,
                                   above_scale, missing, n, employees, members, full_members, with_members)
  SELECT region_code, in_scope, category, coalesce(org_coverage, 'none'), has_instructor, dangjian_band(employees),
         kind, above_scale, missing_since_batch_id IS NOT NULL,
         sum(sign), sum(sign * employees), sum(sign * member_count), sum(sign * full_member_count),
         sum(sign * (member_count > 0)::int)
  FROM (%s) d
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(sign) <> 0 OR sum(sign * employees) <> 0 OR sum(sign * member_count) <> 0
      OR sum(sign * full_member_count) <> 0 OR sum(sign * (member_count > 0)::int) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (region_code, in_scope, category, org_coverage, has_instructor, band, kind, above_scale, missing)
  DO UPDATE SET n = lc.n + excluded.n, employees = lc.employees + excluded.employees,
                members = lc.members + excluded.members, full_members = lc.full_members + excluded.full_members,
                with_members = lc.with_members + excluded.with_members
  $q$, CASE TG_OP
         WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
         WHEN 'UPDATE' THEN 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows'
         ELSE 'SELECT -1 AS sign, * FROM old_rows' END);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER enterprises_states_inserted AFTER INSERT ON enterprises
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dangjian_states_inserted();
--> statement-breakpoint
CREATE TRIGGER enterprises_states_updated AFTER UPDATE ON enterprises
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dangjian_states_updated();
--> statement-breakpoint
CREATE TRIGGER enterprises_counts_inserted AFTER INSERT ON enterprises
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dangjian_counts_changed();
--> statement-breakpoint
CREATE TRIGGER enterprises_counts_updated AFTER UPDATE ON enterprises
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dangjian_counts_changed();
--> statement-breakpoint
CREATE TRIGGER enterprises_counts_deleted AFTER DELETE ON enterprises
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dangjian_counts_changed();
--> statement-breakpoint
-- The ledger as it stands when this migration runs.
INSERT INTO enterprise_states (enterprise_id, valid_from, region_code, kind, industry_code, employees,
                               member_count, full_member_count, above_scale, in_scope)
SELECT id, CASE WHEN founded_on IS NULL THEN '-infinity'::date ELSE least(founded_on, current_date) END,
       region_code, kind, industry_code, employees, member_count, full_member_count, above_scale, in_scope
FROM enterprises;
--> statement-breakpoint
INSERT INTO ledger_counts (region_code, in_scope, category, org_coverage, has_instructor, band, kind,
                           above_scale, missing, n, employees, members, full_members, with_members)
SELECT region_code, in_scope, category, coalesce(org_coverage, 'none'), has_instructor, dangjian_band(employees),
       kind, above_scale, missing_since_batch_id IS NOT NULL,
       count(*), sum(employees), sum(member_count), sum(full_member_count), count(*) FILTER (WHERE member_count > 0)
FROM enterprises GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
--> statement-breakpoint
-- An instructor's transactions run as dangjian_instructor: the app role's grants and
-- policies, plus restrictive ones narrowing it to the enterprises assigned to them today.
DO $$ BEGIN
  CREATE ROLE dangjian_instructor NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
GRANT dangjian_app TO dangjian_instructor;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('GRANT dangjian_instructor TO %I', current_user);
EXCEPTION WHEN OTHERS THEN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION dangjian_scope_instructor() RETURNS integer
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('dangjian.instructor_id', true), '')::integer $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_scope_instructor() TO dangjian_app;
--> statement-breakpoint
-- The counts are per region only: a secretary's or an instructor's figures come from
-- dangjian_enterprise_facts, which applies their narrower scope.
GRANT SELECT ON ledger_counts TO dangjian_app;
--> statement-breakpoint
ALTER TABLE ledger_counts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY ledger_counts_in_scope ON ledger_counts TO dangjian_app
  USING (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%'));
--> statement-breakpoint
CREATE POLICY ledger_counts_secretary ON ledger_counts AS RESTRICTIVE TO dangjian_secretary USING (false);
--> statement-breakpoint
CREATE POLICY ledger_counts_instructor ON ledger_counts AS RESTRICTIVE TO dangjian_instructor USING (false);
--> statement-breakpoint
-- Each enterprise of the actor's scope (narrowed to `within`) as it stood on a date: its
-- facts, category, coverage and work coverage. SECURITY DEFINER because coverage comes from
-- every org and assignment, including those registered outside the actor's region.
CREATE FUNCTION dangjian_enterprise_facts(within text, on_date date)
RETURNS TABLE (enterprise_id integer, region_code text, kind text, industry_code text, employees integer,
               member_count integer, full_member_count integer, above_scale boolean, in_scope boolean,
               category text, org_coverage text, work_covered boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH scope AS (
    SELECT current_setting('dangjian.scope_prefix') || '%' AS prefix,
           nullif(current_setting('dangjian.org_id', true), '')::integer AS org,
           nullif(current_setting('dangjian.instructor_id', true), '')::integer AS instructor
  ), s AS (
    SELECT st.* FROM enterprise_states st, scope
    WHERE st.region_code LIKE scope.prefix AND st.region_code LIKE within || '%'
      AND st.valid_from <= on_date AND st.valid_to > on_date
      AND (scope.org IS NULL OR st.enterprise_id IN (SELECT c.enterprise_id FROM org_coverages c WHERE c.org_id = scope.org))
      AND (scope.instructor IS NULL OR st.enterprise_id IN (
            SELECT a.enterprise_id FROM assignments a
            WHERE a.instructor_id = scope.instructor AND a.start_on <= current_date
              AND (a.end_on IS NULL OR a.end_on > current_date)))
  ), cov AS (
    SELECT c.enterprise_id, CASE WHEN bool_or(o.formation = 'standalone') THEN 'standalone' ELSE 'joint' END AS coverage
    FROM org_coverages c JOIN party_orgs o ON o.id = c.org_id
    WHERE c.start_on <= on_date AND (c.end_on IS NULL OR c.end_on > on_date)
      AND o.established_on <= on_date AND (o.dissolved_on IS NULL OR o.dissolved_on > on_date)
    GROUP BY c.enterprise_id
  ), asg AS (
    SELECT DISTINCT a.enterprise_id FROM assignments a
    WHERE a.start_on <= on_date AND (a.end_on IS NULL OR a.end_on > on_date)
  )
  -- The CASE is src/domain/enterprise/categories.ts categorySql, as enterprises.category has it.
  SELECT s.enterprise_id, s.region_code, s.kind, s.industry_code, s.employees, s.member_count, s.full_member_count,
         s.above_scale, s.in_scope,
         CASE WHEN cov.coverage = 'standalone' THEN 'standalone'
              WHEN s.full_member_count >= 3 THEN 'should_form'
              WHEN cov.coverage = 'joint' THEN 'joint'
              WHEN s.member_count > 0 OR s.full_member_count > 0 THEN 'joint_candidate'
              ELSE 'no_member' END,
         cov.coverage, cov.coverage IS NOT NULL OR asg.enterprise_id IS NOT NULL
  FROM s LEFT JOIN cov ON cov.enterprise_id = s.enterprise_id LEFT JOIN asg ON asg.enterprise_id = s.enterprise_id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION dangjian_enterprise_facts(text, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_enterprise_facts(text, date) TO dangjian_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON snapshots, snapshot_rows TO dangjian_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE snapshots_id_seq TO dangjian_app;
--> statement-breakpoint
ALTER TABLE snapshots ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY snapshots_in_scope ON snapshots TO dangjian_app
  USING (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%'))
  WITH CHECK (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%'));
--> statement-breakpoint
ALTER TABLE snapshot_rows ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY snapshot_rows_in_scope ON snapshot_rows TO dangjian_app
  USING (snapshot_id IN (SELECT id FROM snapshots)) WITH CHECK (snapshot_id IN (SELECT id FROM snapshots));
--> statement-breakpoint
-- The instructor area.
GRANT SELECT, INSERT, UPDATE, DELETE ON departments, department_relevance TO dangjian_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON instructors, assignments, contacts, requests, request_updates, outcomes,
  daily_assessments, periodic_assessments, surveys, one_time_links, survey_responses, appraisal_scores TO dangjian_app;
--> statement-breakpoint
GRANT DELETE ON outcomes, daily_assessments, contacts TO dangjian_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE departments_id_seq, instructors_id_seq, assignments_id_seq, contacts_id_seq, requests_id_seq,
  request_updates_id_seq, outcomes_id_seq, daily_assessments_id_seq, surveys_id_seq, one_time_links_id_seq,
  appraisal_scores_id_seq TO dangjian_app;
--> statement-breakpoint
-- Instructors of the region, and those assigned to its enterprises from outside it.
ALTER TABLE instructors ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY instructors_in_scope ON instructors TO dangjian_app
  USING (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%')
         OR id IN (SELECT instructor_id FROM assignments))
  WITH CHECK (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%'));
--> statement-breakpoint
ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Correlated EXISTS, not IN: an IN list is hashed from every enterprise in scope (a million
-- in a city) for each statement, where EXISTS looks up the one enterprise by its key.
CREATE POLICY assignments_in_scope ON assignments TO dangjian_app
  USING (EXISTS (SELECT 1 FROM enterprises e WHERE e.id = enterprise_id))
  WITH CHECK (EXISTS (SELECT 1 FROM enterprises e WHERE e.id = enterprise_id));
--> statement-breakpoint
ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY contacts_in_scope ON contacts TO dangjian_app
  USING (assignment_id IN (SELECT id FROM assignments)) WITH CHECK (assignment_id IN (SELECT id FROM assignments));
--> statement-breakpoint
ALTER TABLE requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY requests_in_scope ON requests TO dangjian_app
  USING (assignment_id IN (SELECT id FROM assignments)) WITH CHECK (assignment_id IN (SELECT id FROM assignments));
--> statement-breakpoint
ALTER TABLE request_updates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY request_updates_in_scope ON request_updates TO dangjian_app
  USING (request_id IN (SELECT id FROM requests)) WITH CHECK (request_id IN (SELECT id FROM requests));
--> statement-breakpoint
ALTER TABLE outcomes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY outcomes_in_scope ON outcomes TO dangjian_app
  USING (assignment_id IN (SELECT id FROM assignments)) WITH CHECK (assignment_id IN (SELECT id FROM assignments));
--> statement-breakpoint
ALTER TABLE daily_assessments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY daily_assessments_in_scope ON daily_assessments TO dangjian_app
  USING (instructor_id IN (SELECT id FROM instructors)) WITH CHECK (instructor_id IN (SELECT id FROM instructors));
--> statement-breakpoint
ALTER TABLE periodic_assessments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY periodic_assessments_in_scope ON periodic_assessments TO dangjian_app
  USING (instructor_id IN (SELECT id FROM instructors)) WITH CHECK (instructor_id IN (SELECT id FROM instructors));
--> statement-breakpoint
ALTER TABLE appraisal_scores ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY appraisal_scores_in_scope ON appraisal_scores TO dangjian_app
  USING (instructor_id IN (SELECT id FROM instructors)) WITH CHECK (instructor_id IN (SELECT id FROM instructors));
--> statement-breakpoint
ALTER TABLE surveys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY surveys_in_scope ON surveys TO dangjian_app
  USING (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%'))
  WITH CHECK (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%'));
--> statement-breakpoint
ALTER TABLE survey_responses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY survey_responses_in_scope ON survey_responses TO dangjian_app
  USING (survey_id IN (SELECT id FROM surveys)) WITH CHECK (survey_id IN (SELECT id FROM surveys));
--> statement-breakpoint
ALTER TABLE one_time_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY one_time_links_in_scope ON one_time_links TO dangjian_app
  USING (EXISTS (SELECT 1 FROM enterprises e WHERE e.id = enterprise_id))
  WITH CHECK (EXISTS (SELECT 1 FROM enterprises e WHERE e.id = enterprise_id));
--> statement-breakpoint
-- The instructor's enterprises today. SECURITY DEFINER: assignments' own policy reads
-- enterprises, and a policy reading it back would recurse.
CREATE FUNCTION dangjian_instructor_enterprises() RETURNS SETOF integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT enterprise_id FROM assignments
  WHERE instructor_id = dangjian_scope_instructor() AND start_on <= current_date
    AND (end_on IS NULL OR end_on > current_date)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION dangjian_instructor_enterprises() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_instructor_enterprises() TO dangjian_app;
--> statement-breakpoint
CREATE POLICY enterprises_instructor_scope ON enterprises AS RESTRICTIVE TO dangjian_instructor
  USING (id IN (SELECT dangjian_instructor_enterprises()));
--> statement-breakpoint
CREATE POLICY instructors_instructor_scope ON instructors AS RESTRICTIVE TO dangjian_instructor
  USING (id = (SELECT dangjian_scope_instructor())) WITH CHECK (id = (SELECT dangjian_scope_instructor()));
--> statement-breakpoint
CREATE POLICY assignments_instructor_scope ON assignments AS RESTRICTIVE TO dangjian_instructor
  USING (instructor_id = (SELECT dangjian_scope_instructor()) AND start_on <= current_date
         AND (end_on IS NULL OR end_on > current_date))
  WITH CHECK (instructor_id = (SELECT dangjian_scope_instructor()) AND start_on <= current_date
         AND (end_on IS NULL OR end_on > current_date));
--> statement-breakpoint
-- Organizations and members are not an instructor's business.
CREATE POLICY party_orgs_instructor_scope ON party_orgs AS RESTRICTIVE TO dangjian_instructor USING (false);
--> statement-breakpoint
CREATE POLICY surveys_instructor_scope ON surveys AS RESTRICTIVE TO dangjian_instructor USING (false);
--> statement-breakpoint
CREATE POLICY one_time_links_instructor_scope ON one_time_links AS RESTRICTIVE TO dangjian_instructor USING (false);
