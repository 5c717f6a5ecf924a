/** The styles part of an .xlsx, read for one thing: which cell styles show a number as a date. */
import { XmlError, type XmlHandler } from './xml.ts';
import { Attribute, attributeText, Bytes, MAX_TEXT_BYTES, nameIs, nextAttribute, parseIndex } from './xmlText.ts';

/** Excel allows 64,000 cell styles. */
const MAX_CELL_STYLES = 1 << 20;

/** Excel's built-in date and time formats: 14–22, and the East Asian ones 27–36 and 50–58; 45–47 (times). */
function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * Whether a number format code shows a date or time: ExcelJS's rule (`utils.isDateFmt`), a
 * y, m, d, h, s or b outside `[…]` (colours, conditions, locales, elapsed time) and `"…"`
 * (literal text). Also, as Excel reads a format, a character after `\` and the padding
 * character after `_` or `*` are literal, and letters count in either case (YYYY-MM-DD).
 */
export function isDateFormatCode(code: string): boolean {
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (quoted) quoted = c !== '"';
    else if (bracket) bracket = c !== ']';
    else if (c === '"') quoted = true;
    else if (c === '[') bracket = true;
    else if (c === '\\' || c === '_' || c === '*') i++;
    else if ('ymdhsbYMDHSB'.includes(c)) return true;
  }
  return false;
}

const NUM_FMTS = 1;
const CELL_XFS = 2;

/** `<numFmts><numFmt numFmtId formatCode/>…</numFmts>` and `<cellXfs><xf numFmtId/>…</cellXfs>`. */
export class StylesReader implements XmlHandler {
  private section = 0;
  private readonly at = new Attribute();
  private readonly scratch = new Bytes(256, MAX_TEXT_BYTES, '样式属性');
  readonly formats = new Map<number, string>();
  readonly cellFormats: number[] = [];

  open(buf: Buffer, name: number, nameEnd: number, attrsEnd: number, selfClosing: boolean): void {
    const at = this.at;
    if (this.section === NUM_FMTS && nameIs(buf, name, nameEnd, 'numFmt')) {
      let id = -1;
      let code: string | undefined;
      for (let p = nextAttribute(buf, nameEnd, attrsEnd, at); p >= 0; p = nextAttribute(buf, p, attrsEnd, at)) {
        if (nameIs(buf, at.name, at.nameEnd, 'numFmtId')) id = parseIndex(buf, at.value, at.valueEnd);
        else if (nameIs(buf, at.name, at.nameEnd, 'formatCode')) code = attributeText(buf, at, this.scratch);
      }
      if (id >= 0 && code !== undefined) this.formats.set(id, code);
    } else if (this.section === CELL_XFS && nameIs(buf, name, nameEnd, 'xf')) {
      let id = 0;
      for (let p = nextAttribute(buf, nameEnd, attrsEnd, at); p >= 0; p = nextAttribute(buf, p, attrsEnd, at)) {
        if (nameIs(buf, at.name, at.nameEnd, 'numFmtId')) id = parseIndex(buf, at.value, at.valueEnd);
      }
      if (this.cellFormats.length >= MAX_CELL_STYLES) throw new XmlError(`单元格样式超过 ${MAX_CELL_STYLES} 个`);
      this.cellFormats.push(id);
    } else if (!selfClosing && this.section === 0) {
      if (nameIs(buf, name, nameEnd, 'numFmts')) this.section = NUM_FMTS;
      else if (nameIs(buf, name, nameEnd, 'cellXfs')) this.section = CELL_XFS;
    }
  }

  close(buf: Buffer, name: number, nameEnd: number): void {
    if (nameIs(buf, name, nameEnd, 'numFmts') || nameIs(buf, name, nameEnd, 'cellXfs')) this.section = 0;
  }

  text(): void {}
  cdata(): void {}

  /** One flag per cell style (the `s` of a cell): 1 when its number format is a date format. */
  dateStyles(): Uint8Array {
    const flags = new Uint8Array(this.cellFormats.length);
    this.cellFormats.forEach((id, i) => {
      const code = this.formats.get(id);
      flags[i] = (code === undefined ? isBuiltInDateFormat(id) : isDateFormatCode(code)) ? 1 : 0;
    });
    return flags;
  }
}
