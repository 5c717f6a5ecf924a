// 覆盖企业信用代码: one cell listing the enterprises an org covers — one code for a standalone
// org, several for a joint one — separated by `;` `；` `,` `，` or line breaks (Alt+Enter).
import type { Cell } from '../enterprise/cell.ts';
import { cellText } from '../enterprise/cell.ts';
import { numericCodeMessage } from '../enterprise/cellParsers.ts';
import { toHalfWidth } from '../fullwidth.ts';
import { validateUscc } from '../uscc.ts';

/** After folding to half-width, `；` and `，` are `;` and `,`. */
const SEPARATORS = /[;,\r\n\u2028\u2029]+/;
/** What people use to separate codes that the spec does not list: named in the message. */
const OTHER_SEPARATOR = /[、\s/|]/;

export interface UsccList {
  /** Valid codes, normalised (half-width, upper case), each once, in the order given. */
  codes: string[];
  /** Codes written more than once (counted once): worth a warning. */
  repeated: string[];
  /** One message per bad entry, naming the column, the entry and the rule. */
  errors: string[];
}

/** The entries of a list as written: split on the separators, trimmed, empty entries dropped. */
export function splitUsccList(text: string): string[] {
  return toHalfWidth(text)
    .split(SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Reads a list of USCCs; `header` names the column in messages. */
export function parseUsccList(text: string, header: string): UsccList {
  const entries = splitUsccList(text);
  const codes: string[] = [];
  const repeated: string[] = [];
  const errors: string[] = [];
  if (entries.length === 0) {
    errors.push(`${header}“${text}”中没有统一社会信用代码`);
    return { codes, repeated, errors };
  }
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const label = entries.length === 1 ? header : `${header}第 ${i + 1} 个代码“${entry}”`;
    const other = OTHER_SEPARATOR.exec(entry);
    if (other) {
      const mark = /\s/.test(other[0]) ? '空格' : `“${other[0]}”`;
      errors.push(`${label}中含有${mark}：多个代码之间请用分号（;）、逗号（,）或换行分隔`);
      return;
    }
    const r = validateUscc(entry);
    if (!r.ok) {
      errors.push(`${label}：${r.message}`);
      return;
    }
    if (seen.has(r.value)) {
      if (!repeated.includes(r.value)) repeated.push(r.value);
      return;
    }
    seen.add(r.value);
    codes.push(r.value);
  });
  return { codes, repeated, errors };
}

/** The cell form: a numeric cell has lost digits already (an 18-digit code exceeds a double). */
export function parseUsccListCell(cell: Cell, header: string): UsccList {
  if (cell.type === 'number') return { codes: [], repeated: [], errors: [numericCodeMessage(header)] };
  return parseUsccList(cellText(cell), header);
}
