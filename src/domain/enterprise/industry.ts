// 国民经济行业分类 GB/T 4754-2017: 20 sections (门类) A–T over 97 divisions (大类) 01–97.
// The ranges are fixed by the standard, so they live here as code rather than being read
// from reference/industries.json (the domain does no I/O); a test checks the two agree.
import type { Cell } from './cell.ts';
import { cellText } from './cell.ts';
import type { Parsed } from './parsed.ts';
import { normalizeCode } from './text.ts';

/** Each section with its first and last division. */
// biome-ignore format: one section per row reads like the standard's table.
export const INDUSTRY_SECTIONS: readonly { section: string; first: number; last: number }[] = [
  { section: 'A', first: 1, last: 5 }, { section: 'B', first: 6, last: 12 }, { section: 'C', first: 13, last: 43 },
  { section: 'D', first: 44, last: 46 }, { section: 'E', first: 47, last: 50 }, { section: 'F', first: 51, last: 52 },
  { section: 'G', first: 53, last: 60 }, { section: 'H', first: 61, last: 62 }, { section: 'I', first: 63, last: 65 },
  { section: 'J', first: 66, last: 69 }, { section: 'K', first: 70, last: 70 }, { section: 'L', first: 71, last: 72 },
  { section: 'M', first: 73, last: 75 }, { section: 'N', first: 76, last: 79 }, { section: 'O', first: 80, last: 82 },
  { section: 'P', first: 83, last: 83 }, { section: 'Q', first: 84, last: 85 }, { section: 'R', first: 86, last: 90 },
  { section: 'S', first: 91, last: 96 }, { section: 'T', first: 97, last: 97 },
];

/** The section letter of a two-digit division code, or null when no such division exists. */
export function divisionSection(division: string): string | null {
  if (!/^\d{2}$/.test(division)) return null;
  const n = Number(division);
  return INDUSTRY_SECTIONS.find((s) => n >= s.first && n <= s.last)?.section ?? null;
}

export function isSection(letter: string): boolean {
  return INDUSTRY_SECTIONS.some((s) => s.section === letter);
}

// An optional section letter, then 1–4 digits: division (大类, 2 digits), group (中类, 3) or
// class (小类, 4). Regulators' exports carry the 4-digit class (e.g. C1311); the ledger
// keeps the division, which is what every report groups by.
const CODE = /^([A-Za-z]?)(\d{1,4})$/;

/**
 * The stored industry: a two-digit division (“13”), or a section letter (“C”) when the file
 * gives only the section.
 */
export function parseIndustryCell(cell: Cell, header: string): Parsed<string> {
  const shown = cellText(cell);
  const s = normalizeCode(shown).replace(/\s+/g, '');
  const bad = (why: string): Parsed<string> => ({ ok: false, message: `${header}“${shown}”${why}` });
  const m = CODE.exec(s);
  if (!m) {
    if (/^[A-Za-z]$/.test(s)) {
      const section = s.toUpperCase();
      return isSection(section) ? { ok: true, value: section } : bad('中的门类字母不存在，门类为 A–T');
    }
    return bad('无效，应为两位大类代码（如 13）、门类字母加大类代码（如 C13）或门类字母（如 C）');
  }
  const letter = m[1].toUpperCase();
  let digits = m[2];
  if (digits.length === 1) {
    // Excel drops the leading zero of a numeric “05”; a lone digit can only mean 01–09.
    digits = `0${digits}`;
  } else if (digits.length === 3 && cell.type === 'number') {
    // “511” from a numeric cell is either group 511 (division 51) or class 0511 (division 05).
    return bad('被存成了数字，无法判断是否丢失了开头的 0，请将该列设为文本格式后填写两位大类代码');
  }
  const division = digits.slice(0, 2);
  const section = divisionSection(division);
  if (!section) return bad(`中的大类“${division}”不存在，大类代码为 01–97`);
  if (letter !== '' && letter !== section) {
    if (!isSection(letter)) return bad('中的门类字母不存在，门类为 A–T');
    return bad(`中的门类“${letter}”与大类“${division}”不符：大类 ${division} 属于门类 ${section}`);
  }
  return { ok: true, value: division };
}
