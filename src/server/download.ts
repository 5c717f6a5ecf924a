import { PassThrough, Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { createXlsxStream } from './files/write.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Streams a workbook to the client as it is written: `write` adds and commits rows; the
 * response starts before the last row exists, so memory does not grow with the rows.
 * A failure midway ends the download broken rather than silently short.
 */
export function xlsxDownload(fileName: string, write: (book: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>) {
  const out = new PassThrough();
  const book = createXlsxStream(out);
  write(book)
    .then(() => book.commit())
    .catch((err) => out.destroy(err));
  return new Response(Readable.toWeb(out) as ReadableStream, {
    headers: {
      'content-type': XLSX_TYPE,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    },
  });
}
