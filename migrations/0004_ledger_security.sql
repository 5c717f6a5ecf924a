GRANT SELECT, INSERT, UPDATE ON enterprises TO dangjian_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE enterprises_id_seq, enterprise_history_id_seq, import_batches_id_seq, import_issues_id_seq TO dangjian_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON enterprise_history TO dangjian_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON import_batches TO dangjian_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON import_rows, import_issues, import_missing TO dangjian_app;
--> statement-breakpoint
ALTER TABLE enterprises ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY enterprises_in_scope ON enterprises TO dangjian_app
  USING (region_code LIKE current_setting('dangjian.scope_prefix') || '%')
  WITH CHECK (region_code LIKE current_setting('dangjian.scope_prefix') || '%');
--> statement-breakpoint
ALTER TABLE import_batches ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY import_batches_in_scope ON import_batches TO dangjian_app
  USING (region_code LIKE current_setting('dangjian.scope_prefix') || '%')
  WITH CHECK (region_code LIKE current_setting('dangjian.scope_prefix') || '%');
--> statement-breakpoint
-- Lets an import tell a uscc already registered in another scope's ledger without
-- lifting row-level security: it answers yes or no and reveals nothing else.
CREATE FUNCTION dangjian_uscc_outside_scope(code text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM enterprises
    WHERE uscc = code AND NOT (region_code LIKE current_setting('dangjian.scope_prefix') || '%'))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION dangjian_uscc_outside_scope(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_uscc_outside_scope(text) TO dangjian_app;
