-- Training (rules.md §12, issue #16 items 1 and 5): classes with their attendance, the online
-- party school's courses published to a scope, and the courses marked done. A person's yearly
-- hours are computed from these two records only (record once); nothing here measures time on
-- a page, clicks or log-ins.
--
-- `place_text` is the class's place as typed until venues exist; a `venue_id` joins beside it
-- when the venues area lands (issue #16 item 2), and the text stays for places that are no venue.
CREATE TABLE "training_classes" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL CONSTRAINT "training_classes_region_code_regions_code_fk" REFERENCES "regions"("code"),
	"org_id" integer CONSTRAINT "training_classes_org_id_party_orgs_id_fk" REFERENCES "party_orgs"("id"),
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"organiser" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"hours" numeric(6, 1) NOT NULL,
	"place_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_classes_kind_values" CHECK ("training_classes"."kind" in ('officer','secretary','candidate','member','instructor')),
	CONSTRAINT "training_classes_dates" CHECK ("training_classes"."ends_on" >= "training_classes"."starts_on"),
	CONSTRAINT "training_classes_hours" CHECK ("training_classes"."hours" > 0)
);
--> statement-breakpoint
CREATE INDEX "training_classes_region_idx" ON "training_classes" USING btree ("region_code" text_pattern_ops, "ends_on");
--> statement-breakpoint
CREATE INDEX "training_classes_org_idx" ON "training_classes" USING btree ("org_id");
--> statement-breakpoint
-- One row per participant: a member, an instructor, or a candidate (发展对象, still a development
-- record) — exactly one of the three.
CREATE TABLE "training_attendance" (
	"id" serial PRIMARY KEY NOT NULL,
	"class_id" integer NOT NULL CONSTRAINT "training_attendance_class_id_training_classes_id_fk" REFERENCES "training_classes"("id") ON DELETE cascade,
	"member_id" integer CONSTRAINT "training_attendance_member_id_members_id_fk" REFERENCES "members"("id"),
	"instructor_id" integer CONSTRAINT "training_attendance_instructor_id_instructors_id_fk" REFERENCES "instructors"("id"),
	"development_id" integer CONSTRAINT "training_attendance_development_id_developments_id_fk" REFERENCES "developments"("id"),
	"present" boolean NOT NULL,
	CONSTRAINT "training_attendance_one_person" CHECK (num_nonnulls("training_attendance"."member_id", "training_attendance"."instructor_id", "training_attendance"."development_id") = 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "training_attendance_member_idx" ON "training_attendance" USING btree ("class_id","member_id") WHERE "training_attendance"."member_id" is not null;
--> statement-breakpoint
CREATE UNIQUE INDEX "training_attendance_instructor_idx" ON "training_attendance" USING btree ("class_id","instructor_id") WHERE "training_attendance"."instructor_id" is not null;
--> statement-breakpoint
CREATE UNIQUE INDEX "training_attendance_development_idx" ON "training_attendance" USING btree ("class_id","development_id") WHERE "training_attendance"."development_id" is not null;
--> statement-breakpoint
CREATE INDEX "training_attendance_member_only_idx" ON "training_attendance" USING btree ("member_id");
--> statement-breakpoint
CREATE INDEX "training_attendance_instructor_only_idx" ON "training_attendance" USING btree ("instructor_id");
--> statement-breakpoint
CREATE INDEX "training_attendance_development_only_idx" ON "training_attendance" USING btree ("development_id");
--> statement-breakpoint
-- A course of the online party school. Its document is an attachment of the attachment store
-- (issue #16 item 6), joined here when that lands; until then a course is a link to a video on
-- the deployment's own network.
CREATE TABLE "courses" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL CONSTRAINT "courses_region_code_regions_code_fk" REFERENCES "regions"("code"),
	"title" text NOT NULL,
	"topic" text NOT NULL,
	"hours" numeric(6, 1) NOT NULL,
	"video_url" text,
	"published_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_hours" CHECK ("courses"."hours" > 0)
);
--> statement-breakpoint
CREATE INDEX "courses_region_idx" ON "courses" USING btree ("region_code" text_pattern_ops);
--> statement-breakpoint
-- Whom a course is published to: a region's subtree, or chosen orgs.
CREATE TABLE "course_scopes" (
	"id" serial PRIMARY KEY NOT NULL,
	"course_id" integer NOT NULL CONSTRAINT "course_scopes_course_id_courses_id_fk" REFERENCES "courses"("id") ON DELETE cascade,
	"region_code" text CONSTRAINT "course_scopes_region_code_regions_code_fk" REFERENCES "regions"("code"),
	"org_id" integer CONSTRAINT "course_scopes_org_id_party_orgs_id_fk" REFERENCES "party_orgs"("id"),
	CONSTRAINT "course_scopes_one_target" CHECK (num_nonnulls("course_scopes"."region_code", "course_scopes"."org_id") = 1)
);
--> statement-breakpoint
CREATE INDEX "course_scopes_course_idx" ON "course_scopes" USING btree ("course_id");
--> statement-breakpoint
CREATE TABLE "course_completions" (
	"id" serial PRIMARY KEY NOT NULL,
	"course_id" integer NOT NULL CONSTRAINT "course_completions_course_id_courses_id_fk" REFERENCES "courses"("id"),
	"member_id" integer CONSTRAINT "course_completions_member_id_members_id_fk" REFERENCES "members"("id"),
	"instructor_id" integer CONSTRAINT "course_completions_instructor_id_instructors_id_fk" REFERENCES "instructors"("id"),
	"completed_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_completions_one_person" CHECK (num_nonnulls("course_completions"."member_id", "course_completions"."instructor_id") = 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "course_completions_member_idx" ON "course_completions" USING btree ("course_id","member_id") WHERE "course_completions"."member_id" is not null;
--> statement-breakpoint
CREATE UNIQUE INDEX "course_completions_instructor_idx" ON "course_completions" USING btree ("course_id","instructor_id") WHERE "course_completions"."instructor_id" is not null;
--> statement-breakpoint
CREATE INDEX "course_completions_member_only_idx" ON "course_completions" USING btree ("member_id");
--> statement-breakpoint
CREATE INDEX "course_completions_instructor_only_idx" ON "course_completions" USING btree ("instructor_id");
--> statement-breakpoint
-- A candidate's centralised training comes from the 发展对象 class record once one exists
-- (rules.md §6, §12): then the development's days and hours are the classes' and cannot be
-- typed. Records typed before keep their figures (false here).
ALTER TABLE "developments" ADD COLUMN "training_from_class" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON training_classes, training_attendance, courses, course_scopes, course_completions TO dangjian_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE training_classes_id_seq, training_attendance_id_seq, courses_id_seq, course_scopes_id_seq,
  course_completions_id_seq TO dangjian_app;
--> statement-breakpoint
-- The classes that reach the actor's people, wherever they were held: those held for an org in
-- scope, and those attended by its members or candidates or by an instructor in scope (an
-- instructor account: by itself). A person's yearly hours count every class they sat, so a
-- county sees the city's class its members attended. SECURITY DEFINER: attendance's own policy
-- reads the classes, and a policy reading it back would recurse.
CREATE FUNCTION dangjian_training_classes_reached() RETURNS SETOF integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH scope AS (
    SELECT current_setting('dangjian.scope_prefix') || '%' AS prefix,
           nullif(current_setting('dangjian.org_id', true), '')::integer AS org,
           nullif(current_setting('dangjian.instructor_id', true), '')::integer AS instructor
  ), orgs AS (
    SELECT o.id FROM party_orgs o, scope
    WHERE scope.instructor IS NULL AND o.region_code LIKE scope.prefix AND (scope.org IS NULL OR o.id = scope.org)
  )
  SELECT c.id FROM training_classes c WHERE c.org_id IN (SELECT id FROM orgs)
  UNION
  SELECT a.class_id FROM training_attendance a JOIN members m ON m.id = a.member_id
  WHERE m.org_id IN (SELECT id FROM orgs)
  UNION
  SELECT a.class_id FROM training_attendance a JOIN developments d ON d.id = a.development_id
  WHERE d.org_id IN (SELECT id FROM orgs)
  UNION
  SELECT a.class_id FROM training_attendance a JOIN instructors i ON i.id = a.instructor_id, scope
  WHERE scope.org IS NULL
    AND (i.id = scope.instructor OR (scope.instructor IS NULL AND i.region_code LIKE scope.prefix))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION dangjian_training_classes_reached() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_training_classes_reached() TO dangjian_app;
--> statement-breakpoint
-- How many participants a class has in all, whoever may see them: a class with people outside
-- the actor's scope is changed only by a region that sees them all.
CREATE FUNCTION dangjian_training_attendance_count(p_class integer) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT count(*)::integer FROM training_attendance WHERE class_id = p_class
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION dangjian_training_attendance_count(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_training_attendance_count(integer) TO dangjian_app;
--> statement-breakpoint
ALTER TABLE training_classes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_classes_in_scope ON training_classes TO dangjian_app
  USING (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%')
         OR id IN (SELECT dangjian_training_classes_reached()))
  WITH CHECK (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%')
              AND (org_id IS NULL OR org_id IN (SELECT id FROM party_orgs)));
--> statement-breakpoint
CREATE POLICY training_classes_secretary_scope ON training_classes AS RESTRICTIVE TO dangjian_secretary
  USING (id IN (SELECT dangjian_training_classes_reached())) WITH CHECK (false);
--> statement-breakpoint
CREATE POLICY training_classes_instructor_scope ON training_classes AS RESTRICTIVE TO dangjian_instructor
  USING (id IN (SELECT dangjian_training_classes_reached())) WITH CHECK (false);
--> statement-breakpoint
-- A participant row is seen where its class is and its person is (a secretary sees their own
-- members' rows of a county class, not the other orgs').
ALTER TABLE training_attendance ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY training_attendance_in_scope ON training_attendance TO dangjian_app
  USING (class_id IN (SELECT id FROM training_classes)
         AND (member_id IS NULL OR member_id IN (SELECT id FROM members))
         AND (instructor_id IS NULL OR instructor_id IN (SELECT id FROM instructors))
         AND (development_id IS NULL OR development_id IN (SELECT id FROM developments)))
  WITH CHECK (class_id IN (SELECT id FROM training_classes));
--> statement-breakpoint
-- The courses that reach the actor: published to a region whose subtree holds the actor's
-- region, or to an org in the actor's scope. SECURITY DEFINER for the same reason as above.
CREATE FUNCTION dangjian_courses_reached() RETURNS SETOF integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.course_id FROM course_scopes s
  WHERE s.region_code IS NOT NULL
    AND current_setting('dangjian.scope_prefix') LIKE dangjian_region_scope_prefix(s.region_code) || '%'
  UNION
  SELECT s.course_id FROM course_scopes s JOIN party_orgs o ON o.id = s.org_id
  WHERE o.region_code LIKE current_setting('dangjian.scope_prefix') || '%'
    AND (nullif(current_setting('dangjian.org_id', true), '') IS NULL
         OR o.id = nullif(current_setting('dangjian.org_id', true), '')::integer)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION dangjian_courses_reached() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION dangjian_courses_reached() TO dangjian_app;
--> statement-breakpoint
ALTER TABLE courses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY courses_in_scope ON courses TO dangjian_app
  USING (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%')
         OR id IN (SELECT dangjian_courses_reached()))
  WITH CHECK (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%'));
--> statement-breakpoint
ALTER TABLE course_scopes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY course_scopes_in_scope ON course_scopes TO dangjian_app
  USING (course_id IN (SELECT id FROM courses)) WITH CHECK (course_id IN (SELECT id FROM courses));
--> statement-breakpoint
ALTER TABLE course_completions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY course_completions_in_scope ON course_completions TO dangjian_app
  USING (course_id IN (SELECT id FROM courses)
         AND (member_id IS NULL OR member_id IN (SELECT id FROM members))
         AND (instructor_id IS NULL OR instructor_id IN (SELECT id FROM instructors)))
  WITH CHECK (course_id IN (SELECT id FROM courses)
         AND (member_id IS NULL OR member_id IN (SELECT id FROM members))
         AND (instructor_id IS NULL OR instructor_id IN (SELECT id FROM instructors)));
