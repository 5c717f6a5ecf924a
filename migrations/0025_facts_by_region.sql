-- The coverage engine's past dates at the cost of the region asked for (issue #14 item 8).
--
-- dangjian_enterprise_facts was a SQL function, SECURITY DEFINER, so never inlined: it was
-- planned once for any `within`, where `LIKE within || '%'` is no index range, and its
-- coverage and assignment CTEs aggregated the whole database before the join. It is now
-- PL/pgSQL running its query dynamically, so each call is planned with its own region (a
-- literal prefix: an index range on enterprise_states_region_idx) and its date, and the
-- coverages and assignments are read for the region's enterprises only.
--
-- past_counts keeps the facts of a past date counted by the keys of ledger_counts, filled
-- on the first request for a (date, region) and read by later ones (the trend's quarter
-- ends, the lagging list's previous quarter). Statement-level triggers on the four tables
-- the facts are computed from drop every stored date whose facts a change alters, in the
-- changing transaction: a backdated coverage or a newly imported enterprise founded years
-- ago is never read stale.
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
      FROM org_coverages c JOIN party_orgs o ON o.id = c.org_id
      WHERE c.enterprise_id IN (SELECT s.enterprise_id FROM s)
        AND c.start_on <= $1 AND (c.end_on IS NULL OR c.end_on > $1)
        AND o.established_on <= $1 AND (o.dissolved_on IS NULL OR o.dissolved_on > $1)
      GROUP BY c.enterprise_id
    ), asg AS (
      SELECT DISTINCT a.enterprise_id FROM assignments a
      WHERE a.enterprise_id IN (SELECT s.enterprise_id FROM s)
        AND a.start_on <= $1 AND (a.end_on IS NULL OR a.end_on > $1)
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
CREATE TABLE "past_counts_filled" (
	"on_date" date NOT NULL,
	"within" text NOT NULL,
	CONSTRAINT "past_counts_filled_on_date_within_pk" PRIMARY KEY("on_date","within")
);
--> statement-breakpoint
CREATE TABLE "past_counts" (
	"on_date" date NOT NULL,
	"within" text NOT NULL,
	"region_code" text NOT NULL,
	"in_scope" boolean NOT NULL,
	"category" text NOT NULL,
	"org_coverage" text NOT NULL,
	"work_covered" boolean NOT NULL,
	"band" smallint NOT NULL,
	"kind" text NOT NULL,
	"above_scale" boolean NOT NULL,
	"n" bigint NOT NULL,
	"employees" bigint NOT NULL,
	"members" bigint NOT NULL,
	"full_members" bigint NOT NULL,
	"with_members" bigint NOT NULL,
	CONSTRAINT "past_counts_on_date_within_past_counts_filled_on_date_within_fk" FOREIGN KEY ("on_date","within")
	  REFERENCES "past_counts_filled"("on_date","within") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX "past_counts_date_region_idx" ON "past_counts" USING btree ("on_date","within","region_code");
--> statement-breakpoint
-- Read under row-level security like ledger_counts; written only by the functions below.
GRANT SELECT ON past_counts TO dangjian_app;
--> statement-breakpoint
ALTER TABLE past_counts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY past_counts_in_scope ON past_counts TO dangjian_app
  USING (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%'));
--> statement-breakpoint
CREATE POLICY past_counts_secretary ON past_counts AS RESTRICTIVE TO dangjian_secretary USING (false);
--> statement-breakpoint
CREATE POLICY past_counts_instructor ON past_counts AS RESTRICTIVE TO dangjian_instructor USING (false);
--> statement-breakpoint
-- The stored counts of a date covering `within` (filled now if none are), for a region-wide
-- actor: returns the `within` of the fill to read them by. A fill made for a city serves each
-- of its counties. Any date is kept correct by the triggers below; the engine asks only for
-- past ones, which changes seldom alter.
CREATE FUNCTION dangjian_past_counts(within text, on_date date) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $f$
DECLARE
  covering text;
BEGIN
  IF NOT starts_with(within, current_setting('dangjian.scope_prefix'))
     OR nullif(current_setting('dangjian.org_id', true), '') IS NOT NULL
     OR nullif(current_setting('dangjian.instructor_id', true), '') IS NOT NULL THEN
    RAISE EXCEPTION 'past counts are for region-wide scopes, and % is outside the scope', within;
  END IF;
  SELECT f.within INTO covering FROM past_counts_filled f
  WHERE f.on_date = dangjian_past_counts.on_date AND starts_with(dangjian_past_counts.within, f.within)
  ORDER BY length(f.within) DESC LIMIT 1;
  IF covering IS NOT NULL THEN RETURN covering; END IF;
  -- A concurrent fill of the same key waits here for the other and then finds it filled.
  INSERT INTO past_counts_filled VALUES (on_date, within) ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN RETURN within; END IF;
  INSERT INTO past_counts (on_date, within, region_code, in_scope, category, org_coverage, work_covered, band, kind,
                           above_scale, n, employees, members, full_members, with_members)
  SELECT dangjian_past_counts.on_date, dangjian_past_counts.within, f.region_code, f.in_scope, f.category,
         coalesce(f.org_coverage, 'none'), f.work_covered, dangjian_band(f.employees), f.kind, f.above_scale,
         count(*), sum(f.employees), sum(f.member_count), sum(f.full_member_count),
         count(*) FILTER (WHERE f.member_count > 0)
  FROM dangjian_enterprise_facts(within, on_date) f
  GROUP BY 3, 4, 5, 6, 7, 8, 9, 10;
  RETURN within;
END $f$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION dangjian_past_counts(text, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_past_counts(text, date) TO dangjian_app;
--> statement-breakpoint
-- Drops the stored dates a change to one of the facts' tables alters: the rows in force at
-- each stored date, before and after the statement, compared on the columns the facts read
-- (TG_ARGV[0]) with the table's own test of being in force at d (TG_ARGV[1]). A coverage
-- ended today or an enterprise edited today leaves every past date as it was.
CREATE FUNCTION dangjian_past_counts_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $f$
DECLARE
  none text := format('SELECT * FROM %I WHERE false', TG_TABLE_NAME);
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM past_counts_filled;
    RETURN NULL;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM past_counts_filled) THEN RETURN NULL; END IF;
  EXECUTE format($q$
    WITH d AS (SELECT DISTINCT on_date AS d FROM past_counts_filled),
    o AS (SELECT d.d, %1$s FROM (%3$s) r, d WHERE %2$s),
    n AS (SELECT d.d, %1$s FROM (%4$s) r, d WHERE %2$s)
    DELETE FROM past_counts_filled WHERE on_date IN (
      SELECT x.d FROM ((SELECT * FROM o EXCEPT ALL SELECT * FROM n) UNION ALL (SELECT * FROM n EXCEPT ALL SELECT * FROM o)) x)
  $q$, TG_ARGV[0], TG_ARGV[1],
    CASE WHEN TG_OP = 'INSERT' THEN none ELSE 'SELECT * FROM old_rows' END,
    CASE WHEN TG_OP = 'DELETE' THEN none ELSE 'SELECT * FROM new_rows' END);
  RETURN NULL;
END $f$;
--> statement-breakpoint
CREATE TRIGGER enterprise_states_past_counts_inserted AFTER INSERT ON enterprise_states
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dangjian_past_counts_changed(
    'r.enterprise_id, r.region_code, r.kind, r.industry_code, r.employees, r.member_count, r.full_member_count, r.above_scale, r.in_scope',
    'r.valid_from <= d.d AND r.valid_to > d.d');
--> statement-breakpoint
CREATE TRIGGER enterprise_states_past_counts_updated AFTER UPDATE ON enterprise_states
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dangjian_past_counts_changed(
    'r.enterprise_id, r.region_code, r.kind, r.industry_code, r.employees, r.member_count, r.full_member_count, r.above_scale, r.in_scope',
    'r.valid_from <= d.d AND r.valid_to > d.d');
--> statement-breakpoint
CREATE TRIGGER enterprise_states_past_counts_deleted AFTER DELETE ON enterprise_states
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dangjian_past_counts_changed(
    'r.enterprise_id, r.region_code, r.kind, r.industry_code, r.employees, r.member_count, r.full_member_count, r.above_scale, r.in_scope',
    'r.valid_from <= d.d AND r.valid_to > d.d');
--> statement-breakpoint
CREATE TRIGGER org_coverages_past_counts_inserted AFTER INSERT ON org_coverages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dangjian_past_counts_changed(
    'r.enterprise_id, r.org_id', 'r.start_on <= d.d AND (r.end_on IS NULL OR r.end_on > d.d)');
--> statement-breakpoint
CREATE TRIGGER org_coverages_past_counts_updated AFTER UPDATE ON org_coverages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dangjian_past_counts_changed(
    'r.enterprise_id, r.org_id', 'r.start_on <= d.d AND (r.end_on IS NULL OR r.end_on > d.d)');
--> statement-breakpoint
CREATE TRIGGER org_coverages_past_counts_deleted AFTER DELETE ON org_coverages
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dangjian_past_counts_changed(
    'r.enterprise_id, r.org_id', 'r.start_on <= d.d AND (r.end_on IS NULL OR r.end_on > d.d)');
--> statement-breakpoint
CREATE TRIGGER party_orgs_past_counts_inserted AFTER INSERT ON party_orgs
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dangjian_past_counts_changed(
    'r.id, r.formation', 'r.established_on <= d.d AND (r.dissolved_on IS NULL OR r.dissolved_on > d.d)');
--> statement-breakpoint
CREATE TRIGGER party_orgs_past_counts_updated AFTER UPDATE ON party_orgs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dangjian_past_counts_changed(
    'r.id, r.formation', 'r.established_on <= d.d AND (r.dissolved_on IS NULL OR r.dissolved_on > d.d)');
--> statement-breakpoint
CREATE TRIGGER party_orgs_past_counts_deleted AFTER DELETE ON party_orgs
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dangjian_past_counts_changed(
    'r.id, r.formation', 'r.established_on <= d.d AND (r.dissolved_on IS NULL OR r.dissolved_on > d.d)');
--> statement-breakpoint
CREATE TRIGGER assignments_past_counts_inserted AFTER INSERT ON assignments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dangjian_past_counts_changed(
    'r.enterprise_id', 'r.start_on <= d.d AND (r.end_on IS NULL OR r.end_on > d.d)');
--> statement-breakpoint
CREATE TRIGGER assignments_past_counts_updated AFTER UPDATE ON assignments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dangjian_past_counts_changed(
    'r.enterprise_id', 'r.start_on <= d.d AND (r.end_on IS NULL OR r.end_on > d.d)');
--> statement-breakpoint
CREATE TRIGGER assignments_past_counts_deleted AFTER DELETE ON assignments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dangjian_past_counts_changed(
    'r.enterprise_id', 'r.start_on <= d.d AND (r.end_on IS NULL OR r.end_on > d.d)');
--> statement-breakpoint
CREATE TRIGGER enterprise_states_past_counts_truncated AFTER TRUNCATE ON enterprise_states
  FOR EACH STATEMENT EXECUTE FUNCTION dangjian_past_counts_changed();
--> statement-breakpoint
CREATE TRIGGER org_coverages_past_counts_truncated AFTER TRUNCATE ON org_coverages
  FOR EACH STATEMENT EXECUTE FUNCTION dangjian_past_counts_changed();
--> statement-breakpoint
CREATE TRIGGER party_orgs_past_counts_truncated AFTER TRUNCATE ON party_orgs
  FOR EACH STATEMENT EXECUTE FUNCTION dangjian_past_counts_changed();
--> statement-breakpoint
CREATE TRIGGER assignments_past_counts_truncated AFTER TRUNCATE ON assignments
  FOR EACH STATEMENT EXECUTE FUNCTION dangjian_past_counts_changed();
