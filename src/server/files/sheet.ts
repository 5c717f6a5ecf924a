/**
 * The rows of a worksheet, cell by cell, from the bytes the scanner hands over: a cell costs
 * about one value and no SAX events, Row or Cell objects.
 */
import { columnLetter } from '../../domain/enterprise/messages.ts';
import { type SheetRow, trimTrailingBlanks } from './cells.ts';
import { UploadError } from './errors.ts';
import type { SharedStrings } from './sharedStrings.ts';
import { XmlError, type XmlHandler } from './xml.ts';
import {
  Attribute,
  Bytes,
  InvalidUtf8Error,
  MAX_TEXT_BYTES,
  nameIs,
  nextAttribute,
  parseIndex,
  xmlText,
} from './xmlText.ts';

/** Column XFD, Excel's last. */
const MAX_COLUMNS = 16_384;
/** Excel's last row. A larger row number is a damaged or forged file, and no table's row. */
export const MAX_ROWS = 1_048_576;
/** Excel's limit on the text of a cell. */
export const MAX_CELL_CHARS = 32_767;
/** A gap of missing cells up to this wide is filled with nulls; a wider one stays a hole. */
const MAX_FILLED_GAP = 64;

const T_NUMBER = 0;
const T_SHARED = 1;
const T_STRING = 2;
const T_INLINE = 3;
const T_BOOLEAN = 4;
const T_ERROR = 5;
const T_DATE = 6;

/** A cell's `t`: s, str, inlineStr, b, e, d; n or anything else is a number. */
function cellType(buf: Buffer, start: number, end: number): number {
  if (nameIs(buf, start, end, 's')) return T_SHARED;
  if (nameIs(buf, start, end, 'str')) return T_STRING;
  if (nameIs(buf, start, end, 'inlineStr')) return T_INLINE;
  if (nameIs(buf, start, end, 'b')) return T_BOOLEAN;
  if (nameIs(buf, start, end, 'e')) return T_ERROR;
  if (nameIs(buf, start, end, 'd')) return T_DATE;
  return T_NUMBER;
}

/** The column of a cell reference (`B2` → 2), 0 when it has no letters, above `MAX_COLUMNS` when too far. */
function columnOf(buf: Buffer, start: number, end: number): number {
  let column = 0;
  for (let i = start; i < end && column <= MAX_COLUMNS; i++) {
    const b = buf[i] & ~0x20; // upper case
    if (b < 0x41 || b > 0x5a) break;
    column = column * 26 + (b - 0x40);
  }
  return column;
}

/** A number as Excel writes it; plain integers without making a string. */
function parseNumber(raw: Bytes): number {
  const buf = raw.buf;
  const len = raw.len;
  const negative = buf[0] === 0x2d;
  const from = negative ? 1 : 0;
  if (len > from && len - from <= 15) {
    let n = 0;
    let i = from;
    for (; i < len; i++) {
      const d = buf[i] - 0x30;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (i === len) return negative ? -n : n;
  }
  return Number.parseFloat(buf.toString('latin1', 0, len));
}

/**
 * A date serial as ExcelJS gives it (`utils.excelToDate`): days since 1899-12-30 at UTC, so
 * that the UTC parts are the date and time shown in Excel (from 1900-03-01 on: Excel counts a
 * 29 February 1900 that never was), or since 1904-01-01 in a 1904 workbook.
 */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** `t="d"`: an ISO 8601 date or time; without a zone it is taken as UTC, like the dates above. */
function isoDate(text: string): Date | string {
  const zoned = !text.includes('T') || /(?:Z|[+-]\d\d(?::?\d\d)?)$/i.test(text);
  const date = new Date(zoned ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? text : date;
}

/**
 * The rows of a worksheet, from `<sheetData><row r="N"><c r="B2" t="…" s="…">…</c></row>`.
 * A row without `r` follows the previous one; a cell without `r` follows the previous cell.
 * Completed rows collect in `rows`; the caller takes them after each chunk.
 *
 * Memory follows the cells the file holds, not the columns they claim: the first non-empty row
 * (the header) sets the width, cells to the right of it are not made, and a wide gap inside a
 * row stays a hole in the array rather than thousands of nulls (a 1 MB file of 200,000 rows
 * with one cell each in column XFD used to become 3 billion nulls).
 */
export class SheetReader implements XmlHandler {
  rows: SheetRow[] = [];
  /** The number of the last row begun, to say where a broken sheet broke. */
  lastRow = 0;

  private inSheetData = false;
  private cells: unknown[] | null = null;
  private rowNumber = 0;
  private column = 0;
  /** Cells beyond this many columns are dropped: the header's width once it is read. */
  private width = MAX_COLUMNS;

  private inCell = false;
  private type = T_NUMBER;
  private style = 0;
  private hasValue = false;
  private hasFormula = false;
  private hasInline = false;
  private inInline = false;
  private phonetic = 0;
  private capture: Bytes | null = null;

  private readonly at = new Attribute();
  private readonly value = new Bytes(64, MAX_TEXT_BYTES, '单元格内容');
  private readonly formula = new Bytes(64, MAX_TEXT_BYTES, '公式');
  private readonly inline = new Bytes(64, MAX_TEXT_BYTES, '单元格内容');
  private readonly scratch = new Bytes(64, MAX_TEXT_BYTES, '单元格内容');

  constructor(
    private readonly strings: SharedStrings,
    private readonly dateStyles: Uint8Array,
    private readonly date1904: boolean,
  ) {}

  /** The completed rows so far; the reader starts a new list. */
  take(): SheetRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  open(buf: Buffer, name: number, nameEnd: number, attrsEnd: number, selfClosing: boolean): void {
    if (this.inCell) {
      this.openInCell(buf, name, nameEnd, selfClosing);
    } else if (this.cells !== null) {
      if (nameIs(buf, name, nameEnd, 'c')) this.openCell(buf, nameEnd, attrsEnd, selfClosing);
    } else if (this.inSheetData) {
      if (nameIs(buf, name, nameEnd, 'row')) this.openRow(buf, nameEnd, attrsEnd, selfClosing);
    } else if (!selfClosing && nameIs(buf, name, nameEnd, 'sheetData')) {
      this.inSheetData = true;
    }
  }

  close(buf: Buffer, name: number, nameEnd: number): void {
    if (this.inCell) {
      if (nameEnd - name === 1) {
        const c = buf[name];
        if (c === 0x76 /* v */ || c === 0x66 /* f */ || c === 0x74 /* t */) this.capture = null;
        else if (c === 0x63 /* c */) this.closeCell();
      } else if (nameIs(buf, name, nameEnd, 'is')) this.inInline = false;
      else if (nameIs(buf, name, nameEnd, 'rPh')) this.phonetic--;
    } else if (this.cells !== null) {
      if (nameIs(buf, name, nameEnd, 'row')) this.closeRow();
    } else if (nameIs(buf, name, nameEnd, 'sheetData')) {
      this.inSheetData = false;
    }
  }

  text(buf: Buffer, start: number, end: number): void {
    if (this.capture !== null) this.capture.append(buf, start, end);
  }

  cdata(buf: Buffer, start: number, end: number): void {
    if (this.capture !== null) this.capture.appendLiteral(buf, start, end);
  }

  private openRow(buf: Buffer, attrs: number, attrsEnd: number, selfClosing: boolean): void {
    let r = -1;
    const at = this.at;
    for (let p = nextAttribute(buf, attrs, attrsEnd, at); p >= 0; p = nextAttribute(buf, p, attrsEnd, at)) {
      if (nameIs(buf, at.name, at.nameEnd, 'r')) r = parseIndex(buf, at.value, at.valueEnd);
    }
    this.rowNumber = r > 0 ? r : this.lastRow + 1;
    if (this.rowNumber > MAX_ROWS) {
      throw new UploadError(
        'row_out_of_range',
        `工作表的行号 ${this.rowNumber} 超过 Excel 的最大行号 ${MAX_ROWS}，文件可能已损坏。请在 Excel 中打开后另存为 .xlsx 再上传`,
      );
    }
    this.lastRow = this.rowNumber;
    this.column = 0;
    if (!selfClosing) this.cells = [];
  }

  private closeRow(): void {
    const cells = trimTrailingBlanks(this.cells!);
    this.cells = null;
    if (cells.length === 0) return;
    if (this.width === MAX_COLUMNS) this.width = cells.length;
    this.rows.push({ rowNumber: this.rowNumber, cells });
  }

  private openCell(buf: Buffer, attrs: number, attrsEnd: number, selfClosing: boolean): void {
    let column = 0;
    let type = T_NUMBER;
    let style = 0;
    const at = this.at;
    for (let p = nextAttribute(buf, attrs, attrsEnd, at); p >= 0; p = nextAttribute(buf, p, attrsEnd, at)) {
      if (at.nameEnd - at.name !== 1) continue;
      const c = buf[at.name];
      if (c === 0x72 /* r */) column = columnOf(buf, at.value, at.valueEnd);
      else if (c === 0x74 /* t */) type = cellType(buf, at.value, at.valueEnd);
      else if (c === 0x73 /* s */) style = Math.max(0, parseIndex(buf, at.value, at.valueEnd));
    }
    this.column = column > 0 ? column : this.column + 1;
    if (this.column > MAX_COLUMNS) throw new XmlError(`第 ${this.rowNumber} 行的单元格超出最后一列 XFD`);
    this.type = type;
    this.style = style;
    this.hasValue = false;
    this.hasFormula = false;
    this.hasInline = false;
    this.inCell = !selfClosing;
  }

  private openInCell(buf: Buffer, name: number, nameEnd: number, selfClosing: boolean): void {
    if (nameEnd - name === 1) {
      const c = buf[name];
      if (c === 0x76 /* v */) {
        this.hasValue = true;
        this.value.reset();
        if (!selfClosing) this.capture = this.value;
      } else if (c === 0x66 /* f */) {
        this.hasFormula = true;
        this.formula.reset();
        if (!selfClosing) this.capture = this.formula;
      } else if (c === 0x74 /* t */ && this.inInline && this.phonetic === 0 && !selfClosing) {
        this.capture = this.inline;
      }
    } else if (nameIs(buf, name, nameEnd, 'is')) {
      this.hasInline = true;
      this.inline.reset();
      this.inInline = !selfClosing;
      this.phonetic = 0;
    } else if (!selfClosing && nameIs(buf, name, nameEnd, 'rPh')) {
      this.phonetic++;
    }
  }

  private closeCell(): void {
    this.inCell = false;
    this.inInline = false;
    this.capture = null;
    const index = this.column - 1;
    if (index >= this.width) return;
    let value: unknown = null;
    try {
      if (this.hasFormula) {
        // As ExcelJS gave it: the formula, and its result as last calculated when there is one.
        const cell: { formula: string; result?: unknown } = { formula: xmlText(this.formula, this.scratch) };
        const result = this.hasValue || this.hasInline ? this.cellValue() : null;
        if (result !== null) cell.result = result;
        value = cell;
      } else if (this.hasValue || this.hasInline) {
        value = this.cellValue();
      }
    } catch (error) {
      if (error instanceof InvalidUtf8Error) {
        throw new UploadError(
          'invalid_utf8',
          `${this.where()}的内容含有无效的 UTF-8 字节（文件可能已损坏，或混入了其他编码的文字），请在 Excel 中修正该单元格后重新导入`,
        );
      }
      throw error;
    }
    if (value === null) return;
    if (typeof value === 'string' && value.length > MAX_CELL_CHARS) {
      throw new UploadError(
        'cell_too_long',
        `${this.where()}的内容有 ${value.length} 个字符，超过 Excel 单元格的上限 ${MAX_CELL_CHARS} 个字符`,
      );
    }
    const cells = this.cells!;
    if (index - cells.length <= MAX_FILLED_GAP) while (cells.length < index) cells.push(null);
    cells[index] = value;
  }

  /** The cell being read, as a message names it: 第 3 行 B 列. */
  private where(): string {
    return `第 ${this.rowNumber} 行 ${columnLetter(this.column)} 列`;
  }

  private cellValue(): unknown {
    const raw = this.value;
    switch (this.type) {
      case T_SHARED: {
        if (raw.len === 0) return null;
        const index = parseIndex(raw.buf, 0, raw.len);
        if (index < 0) throw new XmlError(`第 ${this.rowNumber} 行有无效的共享字符串编号`);
        return this.strings.get(index);
      }
      case T_STRING:
        return xmlText(raw, this.scratch);
      case T_INLINE:
        return xmlText(this.hasInline ? this.inline : raw, this.scratch);
      case T_BOOLEAN: {
        const text = xmlText(raw, this.scratch).trim();
        return text === '' ? null : text !== '0' && text !== 'false';
      }
      case T_ERROR: {
        const text = xmlText(raw, this.scratch).trim();
        return text === '' ? null : { error: text };
      }
      case T_DATE: {
        const text = xmlText(raw, this.scratch).trim();
        return text === '' ? null : isoDate(text);
      }
      default: {
        if (raw.len === 0) return null;
        const n = parseNumber(raw);
        return this.style < this.dateStyles.length && this.dateStyles[this.style] === 1
          ? excelDate(n, this.date1904)
          : n;
      }
    }
  }
}
