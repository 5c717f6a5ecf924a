// Cell parsers that the enterprise, organization and member files use alike.
import { validateRegionCodeFormat } from '../regionCode.ts';
import { cellText } from './cell.ts';
import { parseChoice } from './choice.ts';
import type { Choice } from './codes.ts';
import type { CellParser } from './rowReader.ts';
import { charLength } from './text.ts';

/** Free text normalised by `normalize`, at most `max` characters (as users count them). */
export function textParser(normalize: (s: string) => string, max: number): CellParser<string> {
  return (cell, header) => {
    const value = normalize(cellText(cell));
    const n = charLength(value);
    if (n > max) return { ok: false, message: `${header}不能超过 ${max} 个字，当前为 ${n} 个字` };
    return { ok: true, value };
  };
}

export function choiceParser<C extends string | boolean>(choices: readonly Choice<C>[]): CellParser<C> {
  return (cell, header) => parseChoice(cell, header, choices);
}

/** A region code's format; whether the division exists is the server's check. */
export const regionCodeParser: CellParser<string> = (cell) => {
  const r = validateRegionCodeFormat(cellText(cell));
  return r.ok ? { ok: true, value: r.value } : r;
};

/** The refusal of a numeric cell in a column of codes longer than a double's 15 digits. */
export function numericCodeMessage(header: string): string {
  return `${header}被 Excel 存成了数字，末几位可能已丢失，请将该列设为文本格式后重新填写`;
}
