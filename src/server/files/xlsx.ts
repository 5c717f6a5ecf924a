/**
 * Rows of the first worksheet of an .xlsx, read by our own streaming reader with every unpacked
 * byte counted.
 *
 * The zip's central directory is checked first (`openZip`, yauzl under our limits); the parts we
 * need are found through the workbook's relationships (the first worksheet in tab order, the
 * shared strings, the styles), and each is inflated from the offset the directory gives, counted
 * against the budget and stopped at its declared size (`ZipArchive.inflate`). Other sheets and
 * media are never inflated, and nothing is written to disk.
 *
 * Memory does not grow with the rows. What is held while the sheet is read:
 *
 * - the shared strings table, as its UTF-8 bytes one after another plus an array of where each
 *   starts (`SharedStrings`); a string is made only when a cell uses it;
 * - one flag per cell style: whether its number format is a date format (`StylesReader`);
 * - the row being read, and the rows completed in the current inflated chunk (64 KB).
 *
 * Every XML part — [Content_Types].xml, the workbook and its relationships, shared strings,
 * styles, the sheet — is scanned as bytes (`XmlScanner` in xml.ts), never matched with regular
 * expressions, so that a cell costs about one value and no SAX events, Row or Cell objects
 * (reading used to allocate several GB of short-lived objects for 100,000 rows, and V8 let the
 * process grow with that), and so that no part can make the reader backtrack.
 *
 * Cells come out as `SheetRow` says (cells.ts): string, number, boolean, Date, `{ error }`,
 * `{ formula, result }`, or null for a missing cell.
 */

import type { SheetRow } from './cells.ts';
import { formatSize, UploadError, unreadable } from './errors.ts';
import { SharedStrings, SharedStringsReader } from './sharedStrings.ts';
import { SheetReader } from './sheet.ts';
import { StylesReader } from './styles.ts';
import { locateParts } from './xlsxParts.ts';
import { type XmlHandler, XmlScanner } from './xml.ts';
import { InflateBudget, openZip, type ZipArchive, type ZipEntry, type ZipLimits } from './zip.ts';

const MB = 1024 * 1024;

export interface XlsxLimits extends ZipLimits {
  /** The shared strings part, whose text is held in memory while the sheet is read. */
  maxSharedStringsBytes: number;
}

export const DEFAULT_MAX_SHARED_STRINGS_BYTES = 128 * MB;

/** Scans a whole part with `handler`, as it is inflated. */
async function scanPart(
  zip: ZipArchive,
  entry: ZipEntry,
  budget: InflateBudget,
  handler: XmlHandler,
  what: string,
): Promise<void> {
  const scanner = new XmlScanner(handler);
  try {
    for await (const chunk of zip.inflate(entry, budget)) scanner.push(chunk);
    scanner.end();
  } catch (error) {
    throw unreadable(what, error);
  }
}

export async function* readXlsxRows(path: string, limits: XlsxLimits): AsyncGenerator<SheetRow> {
  const zip = await openZip(path, limits);
  try {
    const budget = new InflateBudget(limits.maxUncompressedBytes);
    const found = await locateParts(zip, budget);

    const sst = found.sharedStrings;
    if (sst && sst.uncompressedSize > limits.maxSharedStringsBytes) {
      throw new UploadError(
        'xlsx_unreadable',
        `文件的共享字符串表有 ${formatSize(sst.uncompressedSize)}，超过上限 ${formatSize(limits.maxSharedStringsBytes)}`,
      );
    }
    // The table's text is never longer than its part, so that is the room it gets (pages of it
    // that are never written are never resident).
    const strings = new SharedStrings(sst ? sst.uncompressedSize : 0);
    if (sst) await scanPart(zip, sst, budget, new SharedStringsReader(strings), '共享字符串表');

    let dateStyles: Uint8Array = new Uint8Array(0);
    if (found.styles) {
      const styles = new StylesReader();
      await scanPart(zip, found.styles, budget, styles, '样式表');
      dateStyles = styles.dateStyles();
    }

    const sheet = new SheetReader(strings, dateStyles, found.date1904);
    const scanner = new XmlScanner(sheet);
    try {
      for await (const chunk of zip.inflate(found.sheet, budget)) {
        scanner.push(chunk);
        for (const row of sheet.take()) yield row;
      }
      scanner.end();
    } catch (error) {
      throw unreadable('工作表内容', error, sheet.lastRow > 0 ? `，在第 ${sheet.lastRow} 行附近` : '');
    }
  } finally {
    await zip.close();
  }
}
