-- Import progress (issue #14 item 9): the number of data rows the file holds, counted before
-- its rows are read, so whoever waits sees rows read / total — on the web, in the CLI, and
-- after leaving the page and coming back (it is kept on the batch, not in the browser).
-- NULL while the rows are being counted, and on batches recorded before this.
ALTER TABLE "import_batches" ADD COLUMN "rows_total" integer;
