DROP INDEX "enterprises_region_idx";--> statement-breakpoint
CREATE INDEX "enterprises_scope_idx" ON "enterprises" USING btree ("region_code" text_pattern_ops,"category","in_scope","kind");--> statement-breakpoint
CREATE INDEX "enterprises_name_sort_idx" ON "enterprises" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "enterprises_employees_sort_idx" ON "enterprises" USING btree ("employees" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "enterprises_updated_sort_idx" ON "enterprises" USING btree ("updated_at" DESC NULLS LAST,"id");--> statement-breakpoint
-- Staged rows are written once when read and updated once when their batch is applied (the
-- new enterprise's id). Room for that second version on the same page makes the update HOT:
-- no new index entries, no new pages, for every row of a large first import.
ALTER TABLE "import_rows" SET (fillfactor = 50);
