-- The dashboard page's calls in under a second at 1,000,000 enterprises (issue #14 item 8,
-- bench/README.md "Every call of the page").
--
-- 1. The instructors' missed-contact prompt (上周未按期联系). Under row-level security the
--    query was driven from the enterprises: the policy's LIKE is not leakproof, so every
--    enterprise of the scope was read (a county's 119,191, the city's 1,000,000) to probe its
--    assignments, and each contact count went through contacts' policy, a hashed list of
--    every assignment in scope. This function finds the missed assignments as the owner,
--    from the assignments and the region index, and applies the actor's scope itself, as the
--    policies do: the region prefix, a secretary's covered enterprises (0011), an instructor's
--    own assignments in force today (0013). It returns the first `lim` in the page's order
--    (enterprise, instructor, id) with the weeks each missed since assigned, and the total.
--    The rule of a required and missed week is src/domain/casework/weeks.ts: a week wholly
--    within the assignment, over, with fewer than `per_week` contacts. EXECUTE plans each
--    call with the prefix known, so a county reads its own index range; the index below gives
--    the names of a region's enterprises without their rows (an index-only scan: the county's
--    1.2 s of heap reads became 0.2 s at 1,000,000). No JIT: compiling this one statement took
--    0.4 s, longer than running it.
CREATE FUNCTION dangjian_contact_missed(last_week date, on_date date, per_week integer, lim integer)
RETURNS TABLE (id integer, enterprise_name text, instructor_name text, missed_weeks integer, total integer)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public SET jit = off AS $$
BEGIN
  RETURN QUERY EXECUTE
    'WITH missed AS MATERIALIZED (
       SELECT a.id, a.start_on + (8 - extract(isodow FROM a.start_on)::integer) % 7 AS first,
              e.name AS enterprise_name, i.name AS instructor_name
       FROM assignments a JOIN enterprises e ON e.id = a.enterprise_id JOIN instructors i ON i.id = a.instructor_id
       WHERE e.region_code LIKE $1
         AND ($2::integer IS NULL OR e.id IN (SELECT c.enterprise_id FROM org_coverages c WHERE c.org_id = $2))
         AND ($3::integer IS NULL OR (a.instructor_id = $3 AND a.start_on <= current_date
                                      AND (a.end_on IS NULL OR a.end_on > current_date)))
         AND a.start_on <= $4 AND (a.end_on IS NULL OR a.end_on > $5)
         AND (SELECT count(*) FROM contacts c
              WHERE c.assignment_id = a.id AND c.on_date >= $4 AND c.on_date < $4 + 7) < $6
     )
     SELECT m.id, m.enterprise_name, m.instructor_name,
            (SELECT count(*)::integer FROM generate_series(0, ($4 - m.first) / 7) k
             WHERE (SELECT count(*) FROM contacts c
                    WHERE c.assignment_id = m.id AND c.on_date >= m.first + 7 * k AND c.on_date < m.first + 7 * k + 7) < $6),
            (SELECT count(*)::integer FROM missed)
     FROM (SELECT * FROM missed ORDER BY enterprise_name, instructor_name, id LIMIT $7) m
     ORDER BY m.enterprise_name, m.instructor_name, m.id'
    USING current_setting('dangjian.scope_prefix') || '%', dangjian_scope_org(), dangjian_scope_instructor(),
          last_week, on_date, per_week, lim;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION dangjian_contact_missed(date, date, integer, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_contact_missed(date, date, integer, integer) TO dangjian_app;
--> statement-breakpoint
CREATE INDEX enterprises_region_names_idx ON enterprises USING btree (region_code text_pattern_ops) INCLUDE (id, name);
--> statement-breakpoint
-- 2. 待核实 and 群团组织先行 on the dashboard, and 宜先建群团组织 in the work prompts, count
--    enterprises of a region by a condition the kept counts do not hold. With the region, kind
--    and head count in the index, each count is an index-only scan of the region's range of
--    the rows that match (the survey scope reads kind and head count), not a visit to every
--    enterprise of the region in the heap (449 ms for a county's 0 missing enterprises). The
--    third is the prompt's condition as filters.ts writes it (MASS_ORG_PROMPT_MIN_EMPLOYEES =
--    50): were the number changed, the count would be right and only slower.
CREATE INDEX enterprises_missing_idx ON enterprises USING btree (region_code text_pattern_ops, kind, employees)
  WHERE missing_since_batch_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX enterprises_mass_org_only_idx ON enterprises USING btree (region_code text_pattern_ops, kind, employees)
  WHERE in_scope AND org_coverage IS NULL AND (has_union OR has_league);
--> statement-breakpoint
CREATE INDEX enterprises_no_mass_org_idx ON enterprises USING btree (region_code text_pattern_ops, employees)
  WHERE in_scope AND category = 'no_member' AND employees >= 50 AND has_union IS NOT TRUE AND has_league IS NOT TRUE;
--> statement-breakpoint
-- 3. The work prompts' lists by category (应建未建, 可联合组建), largest first: under row-level
--    security the planner guesses a city's 40,106 应建未建 enterprises at a few hundred and
--    read them all from the heap to sort them (0.8 s); by this index it walks the category in
--    head-count order and stops at the page's 50.
CREATE INDEX enterprises_category_employees_idx ON enterprises USING btree (category, employees DESC, id);
--> statement-breakpoint
-- 4. The trend's first request for a region (27 s for the city at 1,000,000, 36 s after a
--    backdated coverage dropped the stored counts). Each past quarter end's facts joined the
--    region's states to the coverages and assignments by `IN (SELECT … FROM s)`, whose
--    distinct ids the planner cannot estimate from a materialized CTE (it takes 200): at a
--    city that became a million index probes of each table. Joined (the ids are unique in s,
--    one state per enterprise at a date), the planner sizes it and hashes a city's and probes
--    a town's; the same rows come out. The stored counts' GROUP BY over a city's facts was then
--    a sort of a million rows on disk (the function's rows are estimated at hundreds of
--    millions): the fill hashes instead (as the engine's counts query does), without JIT.
--    At 1,000,000 one quarter end of the city took 26 s, and 7 s after (load average 11).
CREATE OR REPLACE FUNCTION dangjian_enterprise_facts(within text, on_date date)
RETURNS TABLE (enterprise_id integer, region_code text, kind text, industry_code text, employees integer,
               member_count integer, full_member_count integer, above_scale boolean, in_scope boolean,
               category text, org_coverage text, work_covered boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $f$
DECLARE
  scope_prefix text := current_setting('dangjian.scope_prefix');
  org integer := nullif(current_setting('dangjian.org_id', true), '')::integer;
  instructor integer := nullif(current_setting('dangjian.instructor_id', true), '')::integer;
  narrowed text;
BEGIN
  -- The narrower of the actor's scope and `within`; nothing when they are apart.
  IF starts_with(within, scope_prefix) THEN narrowed := within;
  ELSIF starts_with(scope_prefix, within) THEN narrowed := scope_prefix;
  ELSE RETURN;
  END IF;
  RETURN QUERY EXECUTE format($q$
    WITH s AS MATERIALIZED (
      SELECT st.* FROM enterprise_states st
      WHERE st.region_code LIKE %L AND st.valid_from <= $1 AND st.valid_to > $1 %s %s
    ), cov AS (
      SELECT c.enterprise_id, CASE WHEN bool_or(o.formation = 'standalone') THEN 'standalone' ELSE 'joint' END AS coverage
      FROM org_coverages c JOIN party_orgs o ON o.id = c.org_id JOIN s ON s.enterprise_id = c.enterprise_id
      WHERE c.start_on <= $1 AND (c.end_on IS NULL OR c.end_on > $1)
        AND o.established_on <= $1 AND (o.dissolved_on IS NULL OR o.dissolved_on > $1)
      GROUP BY c.enterprise_id
    ), asg AS (
      SELECT DISTINCT a.enterprise_id FROM assignments a JOIN s ON s.enterprise_id = a.enterprise_id
      WHERE a.start_on <= $1 AND (a.end_on IS NULL OR a.end_on > $1)
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
  $q$,
    narrowed || '%',
    CASE WHEN org IS NULL THEN '' ELSE
      'AND st.enterprise_id IN (SELECT c.enterprise_id FROM org_coverages c WHERE c.org_id = $2)' END,
    CASE WHEN instructor IS NULL THEN '' ELSE
      'AND st.enterprise_id IN (SELECT a.enterprise_id FROM assignments a WHERE a.instructor_id = $3
         AND a.start_on <= current_date AND (a.end_on IS NULL OR a.end_on > current_date))' END)
  USING on_date, org, instructor;
END $f$;

--> statement-breakpoint
ALTER FUNCTION dangjian_past_counts(text, date) SET enable_sort = off;
--> statement-breakpoint
ALTER FUNCTION dangjian_past_counts(text, date) SET jit = off;
