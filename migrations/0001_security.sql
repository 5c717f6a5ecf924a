-- The application serves requests as dangjian_app, a role that owns nothing: row-level
-- security applies to it, and it cannot alter or drop what the migrations created.
DO $$ BEGIN
  CREATE ROLE dangjian_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('GRANT dangjian_app TO %I', current_user);
EXCEPTION WHEN OTHERS THEN NULL; -- already a member, or a superuser who needs no grant
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO dangjian_app;
--> statement-breakpoint
GRANT SELECT ON regions, industries TO dangjian_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON users TO dangjian_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE users_id_seq TO dangjian_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO dangjian_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON settings TO dangjian_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO dangjian_app;
--> statement-breakpoint
-- The actor's scope: the code prefix of their region, set per transaction with set_config(…, true).
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_in_scope ON users TO dangjian_app
  USING (region_code LIKE current_setting('dangjian.scope_prefix') || '%')
  WITH CHECK (region_code LIKE current_setting('dangjian.scope_prefix') || '%');
--> statement-breakpoint
-- Audit rows are never changed or removed, not even by the table owner going through SQL.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
