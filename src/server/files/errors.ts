import { HttpError } from '../errors.ts';

/** Every way an uploaded spreadsheet can be refused, as a stable code for the client and the tests. */
export type UploadErrorCode =
  | 'file_empty'
  | 'file_too_large'
  | 'unsupported_extension'
  | 'content_mismatch'
  | 'zip_invalid'
  | 'zip64_unsupported'
  | 'zip_too_many_entries'
  | 'zip_unsafe_entry_name'
  | 'zip_duplicate_entry'
  | 'zip_encrypted'
  | 'zip_unsupported_method'
  | 'zip_too_large_uncompressed'
  | 'zip_compression_ratio'
  | 'zip_corrupt'
  | 'zip_size_mismatch'
  | 'xlsx_missing_part'
  | 'xlsx_no_worksheet'
  | 'xlsx_unreadable'
  | 'csv_encoding'
  | 'csv_malformed'
  | 'invalid_utf8'
  | 'cell_too_long'
  | 'too_many_columns'
  | 'row_out_of_range'
  | 'read_limit';

/**
 * An uploaded file the system will not read, with a message in Chinese that tells the user
 * what is wrong and, where possible, what to do. It is an `HttpError`, so a route that lets
 * it through answers 400 (413 for a file over the size limit) with this code and message.
 */
export class UploadError extends HttpError {
  declare readonly code: UploadErrorCode;

  constructor(code: UploadErrorCode, message: string, options?: { cause?: unknown }) {
    super(code === 'file_too_large' ? 413 : 400, code, message);
    this.name = 'UploadError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/**
 * A part of an .xlsx that could not be read, named (`what`), with the scanner's reason; an
 * `UploadError` raised inside (a limit, a cell named by row and column) passes through as it is.
 */
export function unreadable(what: string, error: unknown, where = ''): UploadError {
  if (error instanceof UploadError) return error;
  const detail = error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : String(error);
  return new UploadError('xlsx_unreadable', `无法读取${what}，文件可能已损坏（${detail}${where}）`, { cause: error });
}

const KB = 1024;
const MB = 1024 * KB;

/** `20 MB`, `0.5 MB`, `12.34 MB` (1 MB = 1024 × 1024 bytes); below 1 MB in KB. */
export function formatSize(bytes: number): string {
  const [value, unit] = bytes >= MB ? [bytes / MB, 'MB'] : [bytes / KB, 'KB'];
  const text = value.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
  return `${text} ${unit}`;
}
