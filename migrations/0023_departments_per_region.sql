-- Issue #12, defect 8: a county user renamed and added departments every region shares. Each
-- department now belongs to a region: a region uses its own departments and those of the
-- regions above it (a department of its own with the same name takes the place of an
-- inherited one), and changes only its own. The catalogue there was is the deployment's.
ALTER TABLE departments ADD COLUMN region_code text NOT NULL DEFAULT '000000';
--> statement-breakpoint
ALTER TABLE departments ADD CONSTRAINT departments_region_code_regions_code_fk FOREIGN KEY (region_code) REFERENCES regions(code);
--> statement-breakpoint
ALTER TABLE departments DROP CONSTRAINT departments_name_unique;
--> statement-breakpoint
ALTER TABLE departments ADD CONSTRAINT departments_region_name_unique UNIQUE (region_code, name);
--> statement-breakpoint
-- Every region reads the catalogue (it names where instructors of any region come from);
-- writes reach only the actor's own region and those below it.
ALTER TABLE departments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY departments_read ON departments FOR SELECT TO dangjian_app USING (true);
--> statement-breakpoint
CREATE POLICY departments_write ON departments FOR ALL TO dangjian_app
  USING (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%'))
  WITH CHECK (region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%'));
--> statement-breakpoint
ALTER TABLE department_relevance ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY department_relevance_read ON department_relevance FOR SELECT TO dangjian_app USING (true);
--> statement-breakpoint
CREATE POLICY department_relevance_write ON department_relevance FOR ALL TO dangjian_app
  USING (EXISTS (SELECT 1 FROM departments d WHERE d.id = department_id
                 AND d.region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%')))
  WITH CHECK (EXISTS (SELECT 1 FROM departments d WHERE d.id = department_id
                 AND d.region_code LIKE (SELECT current_setting('dangjian.scope_prefix') || '%')));
