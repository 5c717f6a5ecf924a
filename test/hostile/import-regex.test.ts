// Regular expressions that met untrusted text and could backtrack over a long run (issue 12,
// defect 3), now loops or splits: each is given the input that used to take it quadratic time
// (18 s for 32,767 spaces in the CLI's one-line message) and must give the right answer at once
// — the suite's time limit is what would catch a regression, no time is asserted.
import { describe, expect, it } from 'vitest';
import { oneLine } from '../../src/cli/program.ts';
import { normalizeHeader } from '../../src/domain/enterprise/columns.ts';
import { checkPassword } from '../../src/domain/password.ts';

const LONG = 1_000_000;

describe('linear on adversarial input', () => {
  it('a header cell of stars around a run of spaces (normalizeHeader)', () => {
    expect(normalizeHeader(`${'*'.repeat(LONG)}企业名称${'*'.repeat(LONG)}x`)).toBe(`企业名称${'*'.repeat(LONG)}x`);
    expect(normalizeHeader(`*${' '.repeat(LONG)}企业名称(必填)*`)).toBe('企业名称');
  });

  it('a CLI error message with a long run of spaces and no line break (oneLine)', () => {
    expect(oneLine(`甲${' '.repeat(LONG)}乙`)).toBe(`甲${' '.repeat(LONG)}乙`);
    expect(oneLine(`甲 \n  乙\n\n丙${' '.repeat(LONG)}`)).toBe('甲 乙 丙');
  });

  it('a password of digits and symbols ending in a letter (the common-word stem)', () => {
    expect(checkPassword(`${'1!'.repeat(LONG / 2)}a`, 'someone')).toBeInstanceOf(Array);
    expect(checkPassword('Password123!', 'someone').join('')).toMatch(/常见/);
  });
});
