import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { divisionSection, INDUSTRY_SECTIONS, isSection } from './industry.ts';

interface Industries {
  sections: { code: string; divisions: string[] }[];
  divisions: { code: string; section: string }[];
}

const reference = JSON.parse(
  readFileSync(new URL('../../../reference/industries.json', import.meta.url), 'utf8'),
) as Industries;

describe('INDUSTRY_SECTIONS', () => {
  it('agrees with reference/industries.json on every division', () => {
    expect(reference.divisions).toHaveLength(97);
    for (const d of reference.divisions) expect(divisionSection(d.code)).toBe(d.section);
    expect(INDUSTRY_SECTIONS.map((s) => s.section)).toEqual(reference.sections.map((s) => s.code));
  });

  it('covers 01–97 without gaps or overlaps', () => {
    let next = 1;
    for (const s of INDUSTRY_SECTIONS) {
      expect(s.first).toBe(next);
      next = s.last + 1;
    }
    expect(next).toBe(98);
  });
});

describe('divisionSection', () => {
  it('knows the boundaries', () => {
    expect(divisionSection('01')).toBe('A');
    expect(divisionSection('05')).toBe('A');
    expect(divisionSection('06')).toBe('B');
    expect(divisionSection('13')).toBe('C');
    expect(divisionSection('43')).toBe('C');
    expect(divisionSection('44')).toBe('D');
    expect(divisionSection('97')).toBe('T');
  });

  it('returns null for what is not a division', () => {
    for (const s of ['00', '98', '99', '1', '131', 'C1', '', ' 13']) expect(divisionSection(s)).toBeNull();
  });
});

describe('isSection', () => {
  it('is A–T', () => {
    expect([...'ABCDEFGHIJKLMNOPQRST'].every(isSection)).toBe(true);
    expect(['U', 'Z', 'a', '', 'AB'].some(isSection)).toBe(false);
  });
});
