-- The owners' satisfaction questionnaire (满意度测评) takes its glossary name, ownerSurvey
-- (issue #11 item 8), so that "survey" no longer means three things: it stays the survey
-- scope (调查口径) and the survey snapshot only. Renames keep every row, grant and policy:
-- PostgreSQL holds grants, policies, foreign keys and the serial default by object id, not
-- by name; the names of the constraints, indexes, sequence and policies follow so that a
-- reader of the schema finds one word. The audit log is not touched: its rows are keyed and
-- chained, and the codes they hold ('survey.create', entity 'survey') stay readable in the app.
ALTER TABLE surveys RENAME TO owner_surveys;
--> statement-breakpoint
ALTER SEQUENCE surveys_id_seq RENAME TO owner_surveys_id_seq;
--> statement-breakpoint
ALTER TABLE owner_surveys RENAME CONSTRAINT surveys_pkey TO owner_surveys_pkey;
--> statement-breakpoint
ALTER TABLE owner_surveys RENAME CONSTRAINT surveys_region_code_regions_code_fk TO owner_surveys_region_code_regions_code_fk;
--> statement-breakpoint
ALTER INDEX surveys_region_period_idx RENAME TO owner_surveys_region_period_idx;
--> statement-breakpoint
ALTER POLICY surveys_in_scope ON owner_surveys RENAME TO owner_surveys_in_scope;
--> statement-breakpoint
ALTER POLICY surveys_instructor_scope ON owner_surveys RENAME TO owner_surveys_instructor_scope;
--> statement-breakpoint
ALTER TABLE survey_responses RENAME TO owner_survey_responses;
--> statement-breakpoint
ALTER TABLE owner_survey_responses RENAME COLUMN survey_id TO owner_survey_id;
--> statement-breakpoint
ALTER TABLE owner_survey_responses RENAME CONSTRAINT survey_responses_survey_id_enterprise_id_pk TO owner_survey_responses_owner_survey_id_enterprise_id_pk;
--> statement-breakpoint
ALTER TABLE owner_survey_responses RENAME CONSTRAINT survey_responses_survey_id_surveys_id_fk TO owner_survey_responses_owner_survey_id_owner_surveys_id_fk;
--> statement-breakpoint
ALTER TABLE owner_survey_responses RENAME CONSTRAINT survey_responses_enterprise_id_enterprises_id_fk TO owner_survey_responses_enterprise_id_enterprises_id_fk;
--> statement-breakpoint
ALTER POLICY survey_responses_in_scope ON owner_survey_responses RENAME TO owner_survey_responses_in_scope;
--> statement-breakpoint
ALTER TABLE one_time_links RENAME COLUMN survey_id TO owner_survey_id;
--> statement-breakpoint
ALTER TABLE one_time_links RENAME CONSTRAINT one_time_links_survey_id_surveys_id_fk TO one_time_links_owner_survey_id_owner_surveys_id_fk;
--> statement-breakpoint
-- A link's purpose is stored as the new word too: nothing signs or hashes it (the token's hash
-- is of the token alone), so links already handed out keep working, and one spelling in the
-- table spares every reader a mapping. The checks and the partial index name the value, so
-- they are made again around the update.
ALTER TABLE one_time_links DROP CONSTRAINT one_time_links_purpose_values;
--> statement-breakpoint
ALTER TABLE one_time_links DROP CONSTRAINT one_time_links_shape;
--> statement-breakpoint
DROP INDEX one_time_links_survey_idx;
--> statement-breakpoint
UPDATE one_time_links SET purpose = 'owner_survey' WHERE purpose = 'survey';
--> statement-breakpoint
ALTER TABLE one_time_links ADD CONSTRAINT one_time_links_purpose_values CHECK (purpose in ('owner_survey','ballot'));
--> statement-breakpoint
ALTER TABLE one_time_links ADD CONSTRAINT one_time_links_shape CHECK ((purpose = 'owner_survey' and owner_survey_id is not null) or (purpose = 'ballot' and period ~ '^[0-9]{4}H[12]$' and appraiser in ('owner','secretary','member')));
--> statement-breakpoint
CREATE UNIQUE INDEX one_time_links_owner_survey_idx ON one_time_links USING btree (owner_survey_id, enterprise_id) WHERE purpose = 'owner_survey';
