-- An enterprise's roster counts from every member recorded with it, whichever org holds
-- them: an actor who sees only some of those members (a secretary, a county user when a
-- city-level org holds one) must not write counts that are too low. Answered only for an
-- enterprise inside the actor's region scope.
CREATE FUNCTION dangjian_enterprise_roster(enterprise integer, OUT members integer, OUT full_members integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT (count(m.id) FILTER (WHERE m.left_on IS NULL))::integer,
         (count(m.id) FILTER (WHERE m.left_on IS NULL AND m.status = 'full'))::integer
  FROM enterprises e
  LEFT JOIN members m ON m.employer_id = e.id
  WHERE e.id = enterprise AND e.region_code LIKE current_setting('dangjian.scope_prefix') || '%'
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION dangjian_enterprise_roster(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_enterprise_roster(integer) TO dangjian_app;
