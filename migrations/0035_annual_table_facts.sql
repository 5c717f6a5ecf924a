-- The unit facts the 年报 tables 27 and 30 need (issue #17 item 1; docs/annual-tables.md), kept
-- on the enterprise record as the national system keeps them on its unit block (法人单位标识,
-- 在岗职工数, the 独资 / investment classes, 中介组织类型). Each is null until a file or an edit
-- gives it; the tables then use the documented default (docs/annual-tables.md §3). Like
-- has_union, they are kept as known today, without history.
ALTER TABLE enterprises ADD COLUMN legal_person boolean;
--> statement-breakpoint
ALTER TABLE enterprises ADD COLUMN ownership text;
--> statement-breakpoint
ALTER TABLE enterprises ADD COLUMN staff_on_post integer;
--> statement-breakpoint
ALTER TABLE enterprises ADD COLUMN intermediary_kind text;
--> statement-breakpoint
ALTER TABLE enterprises ADD CONSTRAINT enterprises_ownership_values
  CHECK (ownership IN ('sole', 'hmt_invested', 'foreign_invested'));
--> statement-breakpoint
ALTER TABLE enterprises ADD CONSTRAINT enterprises_intermediary_values
  CHECK (intermediary_kind IN ('law_firm', 'accounting_firm', 'tax_firm'));
--> statement-breakpoint
ALTER TABLE enterprises ADD CONSTRAINT enterprises_staff_on_post
  CHECK (staff_on_post >= 0);
