-- The enterprises an import's missing list compares with (issue #13): those the latest applied
-- batch of the same kind and source listed, where that batch covers the caller's region —
-- whoever loaded it. A batch loaded by a wider scope (the CLI, the city) is hidden from the
-- caller by row-level security, so this reads with the owner's rights; it answers only
-- enterprises inside the caller's own scope, and nothing about the batch itself.
CREATE FUNCTION dangjian_region_scope_prefix(code text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN code = '000000' THEN ''
    WHEN length(code) = 6 AND code LIKE '__0000' THEN left(code, 2)
    WHEN length(code) = 6 AND code LIKE '____00' THEN left(code, 4)
    ELSE code
  END
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_region_scope_prefix(text) TO dangjian_app;
--> statement-breakpoint
CREATE FUNCTION dangjian_previously_listed(p_kind text, p_source text, p_batch integer) RETURNS SETOF integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.enterprise_id
  FROM import_rows p JOIN enterprises e ON e.id = p.enterprise_id
  WHERE p.batch_id = (
      SELECT max(b.id) FROM import_batches b
      WHERE b.kind = p_kind AND b.source = p_source AND b.status = 'applied' AND b.id <> p_batch
        AND current_setting('dangjian.scope_prefix') LIKE dangjian_region_scope_prefix(b.region_code) || '%')
    AND p.outcome IN ('added', 'changed', 'unchanged')
    AND e.region_code LIKE current_setting('dangjian.scope_prefix') || '%'
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION dangjian_previously_listed(text, text, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_previously_listed(text, text, integer) TO dangjian_app;
