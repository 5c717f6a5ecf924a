-- An enterprise with a member ever recorded on the roster takes its member counts from the
-- roster (members/counts.ts); a regulator file imported again must not overwrite them with
-- its own numbers (seen on the demo county: 3 enterprises back to the file's counts after
-- transfers and admissions). Whether the roster speaks for an enterprise is asked of every
-- member, whichever org holds them, as dangjian_enterprise_roster counts them.
CREATE FUNCTION dangjian_enterprise_has_roster(enterprise integer) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM enterprises e JOIN members m ON m.employer_id = e.id
    WHERE e.id = enterprise AND e.region_code LIKE current_setting('dangjian.scope_prefix') || '%'
  )
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION dangjian_enterprise_has_roster(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_enterprise_has_roster(integer) TO dangjian_app;
