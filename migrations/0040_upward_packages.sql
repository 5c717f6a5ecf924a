-- Reports passed up between deployments (issue #17 item 5, rules.md §13). A county that runs
-- its own deployment signs a package of its figures (quarterly report, annual tables, ledger
-- counts) with its Ed25519 key; the parent deployment, which has registered the county's
-- public key, verifies and keeps it. Each received package and each return is a row of
-- upward_package_events, never changed or removed: a resubmission keeps the earlier one.

-- This deployment's own signing key pair, made on first use. One row. The private key never
-- leaves the database: no route or command prints it, and the application role cannot read
-- the table at all (signing is done by the `dangjian submit` command, as the owner).
CREATE TABLE "deployment_keys" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	-- The sequence number of the last package signed: each package carries the next, so the
	-- parent can refuse a replayed (older) one.
	"last_sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deployment_keys_one_row" CHECK ("deployment_keys"."id" = 1)
);
--> statement-breakpoint
-- A child deployment the parent trusts: its region (a child of the parent's own) and its
-- public key, registered by the administrator. The last sequence accepted refuses replays.
CREATE TABLE "trusted_deployments" (
	"region_code" text PRIMARY KEY NOT NULL CONSTRAINT "trusted_deployments_region_code_regions_code_fk" REFERENCES "regions"("code"),
	"public_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"last_sequence" integer DEFAULT 0 NOT NULL,
	"registered_by" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- One row per package received ('receive', with the verified figures and the signature) and
-- per return ('return', with the reason). The period is a year (annual tables) or a quarter.
CREATE TABLE "upward_package_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL CONSTRAINT "upward_package_events_region_code_trusted_deployments_region_code_fk" REFERENCES "trusted_deployments"("region_code"),
	"period" text NOT NULL,
	"action" text NOT NULL,
	"sequence" integer,
	"signed_at" timestamp with time zone,
	"figures" jsonb,
	"signature" text,
	"digest" text,
	"reason" text,
	"via" text,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "upward_package_events_period_format" CHECK ("upward_package_events"."period" ~ '^\d{4}(Q[1-4])?$'),
	CONSTRAINT "upward_package_events_action_values" CHECK ("upward_package_events"."action" in ('receive','return')),
	CONSTRAINT "upward_package_events_receive" CHECK (("upward_package_events"."action" = 'receive') = ("upward_package_events"."figures" IS NOT NULL AND "upward_package_events"."signature" IS NOT NULL AND "upward_package_events"."sequence" IS NOT NULL)),
	CONSTRAINT "upward_package_events_return" CHECK ("upward_package_events"."action" = 'receive' OR length(trim("upward_package_events"."reason")) > 0)
);
--> statement-breakpoint
CREATE INDEX "upward_package_events_region_period_idx" ON "upward_package_events" USING btree ("region_code", "period", "at");
--> statement-breakpoint
-- The application reads the trusted keys and the packages within its scope, registers keys
-- (the administrator's settings page) and appends returns; packages are written by the
-- receiving endpoint in a system transaction after the signature is verified.
GRANT SELECT, INSERT, UPDATE ON trusted_deployments TO dangjian_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON upward_package_events TO dangjian_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE upward_package_events_id_seq TO dangjian_app;
--> statement-breakpoint
ALTER TABLE upward_package_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY upward_package_events_in_scope ON upward_package_events TO dangjian_app
  USING (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%'))
  WITH CHECK (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%'));
--> statement-breakpoint
CREATE POLICY upward_package_events_secretary_scope ON upward_package_events AS RESTRICTIVE TO dangjian_secretary USING (false);
--> statement-breakpoint
CREATE POLICY upward_package_events_instructor_scope ON upward_package_events AS RESTRICTIVE TO dangjian_instructor USING (false);
