import type { SheetRow } from './cells.ts';
import { readCsvRows } from './csv.ts';
import type { UploadKind } from './inspect.ts';
import { DEFAULT_MAX_SHARED_STRINGS_BYTES, readXlsxRows, type XlsxLimits } from './xlsx.ts';
import { DEFAULT_ZIP_LIMITS } from './zip.ts';

export type { SheetRow } from './cells.ts';

/** Limits for reading an .xlsx; each defaults to the value in `DEFAULT_ZIP_LIMITS` / `DEFAULT_MAX_SHARED_STRINGS_BYTES`. */
export type ReadRowsOptions = Partial<XlsxLimits>;

/**
 * The non-empty rows of the first worksheet of an .xlsx, or of a .csv, one at a time. Call
 * `inspectUpload` first; an .xlsx's zip directory is checked again here, and its unpacked bytes
 * are counted and capped while reading. Memory does not grow with the number of rows (for an
 * .xlsx it holds the shared strings table, capped by `maxSharedStringsBytes`).
 *
 * Throws `UploadError` for a file it cannot read. Stopping early (`break`) releases the file.
 */
export async function* readRows(path: string, kind: UploadKind, opts: ReadRowsOptions = {}): AsyncGenerator<SheetRow> {
  if (kind === 'csv') {
    yield* readCsvRows(path);
    return;
  }
  const limits: XlsxLimits = {
    maxEntries: opts.maxEntries ?? DEFAULT_ZIP_LIMITS.maxEntries,
    maxUncompressedBytes: opts.maxUncompressedBytes ?? DEFAULT_ZIP_LIMITS.maxUncompressedBytes,
    maxCompressionRatio: opts.maxCompressionRatio ?? DEFAULT_ZIP_LIMITS.maxCompressionRatio,
    ratioCheckMinBytes: opts.ratioCheckMinBytes ?? DEFAULT_ZIP_LIMITS.ratioCheckMinBytes,
    maxSharedStringsBytes: opts.maxSharedStringsBytes ?? DEFAULT_MAX_SHARED_STRINGS_BYTES,
  };
  yield* readXlsxRows(path, limits);
}
