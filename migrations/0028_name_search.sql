-- The ledger's name search under row-level security. ILIKE is not leakproof, so in a query
-- under the policies PostgreSQL evaluates it only after the scope quals and never as an index
-- condition: a search read every enterprise in the scope (0.45–0.52 s at 1,000,000, about 40×
-- the same ILIKE served by the trigram index). This function runs the search as the owner,
-- where the trigram index serves the ILIKE, and applies the scope itself, as the policies do:
-- the actor's region prefix, a secretary's covered enterprises (0011), an instructor's
-- enterprises today (0013). Its ids go back into the caller's query, which stays under
-- row-level security, so the policies apply a second time. EXECUTE plans each call with the
-- pattern and the prefix known: a long fragment goes to the index, a one- or two-character
-- one (no trigram) to a scan of the scope.
CREATE FUNCTION dangjian_enterprise_name_search(name_pattern text, uscc_pattern text) RETURNS SETOF integer
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN QUERY EXECUTE
    'SELECT id FROM enterprises
     WHERE (name ILIKE $1 OR uscc LIKE $2)
       AND region_code LIKE $3
       AND ($4::integer IS NULL OR id IN (SELECT enterprise_id FROM org_coverages WHERE org_id = $4))
       AND ($5::integer IS NULL OR id IN (SELECT dangjian_instructor_enterprises()))'
    USING name_pattern, uscc_pattern, current_setting('dangjian.scope_prefix') || '%',
          dangjian_scope_org(), dangjian_scope_instructor();
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION dangjian_enterprise_name_search(text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_enterprise_name_search(text, text) TO dangjian_app;
