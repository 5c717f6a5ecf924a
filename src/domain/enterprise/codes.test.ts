import { describe, expect, it } from 'vitest';
import {
  ENTERPRISE_KINDS,
  FORMATIONS,
  labelOf,
  POLITICAL_STATUSES,
  REGISTRATION_STATUSES,
  SOCIAL_ORGANIZATION_KINDS,
  YES_NO,
} from './codes.ts';
import { normalizeChoice } from './text.ts';

describe('coded values', () => {
  it('use the glossary identifiers', () => {
    expect(ENTERPRISE_KINDS.map((k) => k.code)).toEqual([
      'private',
      'individual',
      'foreign',
      'hmt',
      'association',
      'social_service',
      'foundation',
      'other',
    ]);
    expect(POLITICAL_STATUSES.map((k) => k.code)).toEqual([
      'member',
      'probationary',
      'league',
      'democratic_party',
      'masses',
    ]);
    expect(REGISTRATION_STATUSES.map((k) => k.code)).toEqual([
      'active',
      'operating',
      'moved_in',
      'moved_out',
      'revoked',
      'cancelled',
    ]);
    expect(FORMATIONS.map((k) => k.code)).toEqual(['standalone', 'joint']);
    expect(SOCIAL_ORGANIZATION_KINDS).toEqual(['association', 'social_service', 'foundation']);
  });

  it('never read one spelling as two codes', () => {
    for (const list of [ENTERPRISE_KINDS, POLITICAL_STATUSES, REGISTRATION_STATUSES, FORMATIONS, YES_NO]) {
      const spellings = list.flatMap((c) => [
        c.label,
        ...('aliases' in c ? c.aliases : []),
        ...(typeof c.code === 'string' ? [c.code] : []),
      ]);
      const normalised = spellings.map(normalizeChoice);
      expect(new Set(normalised).size).toBe(normalised.length);
    }
  });

  it('labelOf finds the label, and refuses an unknown code', () => {
    expect(labelOf(FORMATIONS, 'joint')).toBe('联合组建');
    expect(labelOf(YES_NO, false)).toBe('否');
    expect(() => labelOf(FORMATIONS, 'x' as 'joint')).toThrow(RangeError);
  });
});
