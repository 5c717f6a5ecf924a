// Coded columns: the cell holds a zh-CN label; the record holds its code.
import type { Cell } from './cell.ts';
import { cellText } from './cell.ts';
import type { Choice } from './codes.ts';
import type { Parsed } from './parsed.ts';
import { normalizeChoice } from './text.ts';

/**
 * Accepts the label, an alias, or the code itself (a file exported by this system or
 * another that uses the codes), ignoring width, spacing and letter case. A 是/否 column
 * also accepts Excel's TRUE/FALSE cells.
 */
export function parseChoice<C extends string | boolean>(
  cell: Cell,
  header: string,
  choices: readonly Choice<C>[],
): Parsed<C> {
  if (cell.type === 'boolean') {
    const found = choices.find((c) => c.code === cell.value);
    if (found) return { ok: true, value: found.code };
  }
  const text = cellText(cell);
  const code = lookupOf(choices).get(normalizeChoice(text));
  if (code !== undefined) return { ok: true, value: code };
  return { ok: false, message: invalidChoiceMessage(header, text, choices) };
}

// Built once per list: an import checks several coded cells in each of many thousand rows.
const lookups = new WeakMap<readonly Choice<string | boolean>[], Map<string, string | boolean>>();

function lookupOf<C extends string | boolean>(choices: readonly Choice<C>[]): Map<string, C> {
  let lookup = lookups.get(choices);
  if (!lookup) {
    lookup = new Map();
    for (const c of choices) {
      const spellings = [c.label, ...(c.aliases ?? []), ...(typeof c.code === 'string' ? [c.code] : [])];
      for (const s of spellings) lookup.set(normalizeChoice(s), c.code);
    }
    lookups.set(choices, lookup);
  }
  return lookup as Map<string, C>;
}

function invalidChoiceMessage(header: string, text: string, choices: readonly Choice<string | boolean>[]): string {
  if (choices.length === 2 && choices.every((c) => typeof c.code === 'boolean')) {
    return `${header}“${text}”无效，应填写“是”或“否”`;
  }
  return `${header}“${text}”无效，应为以下之一：${choices.map((c) => c.label).join('、')}`;
}
