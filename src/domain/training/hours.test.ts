import { describe, expect, it } from 'vitest';
import { classDays } from './classes.ts';
import { DEFAULT_TRAINING_REQUIREMENTS, standing } from './hours.ts';

describe('hours against the yearly requirement (rules.md §12)', () => {
  it('has the rules’ defaults: members 32, officers 56, instructors 24', () => {
    expect(DEFAULT_TRAINING_REQUIREMENTS).toEqual({ member: 32, officer: 56, instructor: 24 });
  });
  it.each([
    [31.5, 32, true, 0.5],
    [32, 32, false, 0],
    [32.5, 32, false, 0],
    [55.9, 56, true, 0.1],
    [56, 56, false, 0],
    [23.5, 24, true, 0.5],
    [24, 24, false, 0],
    [0, 40, true, 40],
  ])('%s hours against %s: below %s, missing %s', (hours, required, below, missing) => {
    expect(standing(hours, required)).toEqual({ hours, required, below, missing });
  });
  it('sums of tenths do not fall below by a floating-point hair', () => {
    expect(standing(0.1 + 0.2 + 31.7, 32).below).toBe(false);
  });
});

describe('class days', () => {
  it.each([
    ['2026-03-01', '2026-03-01', 1],
    ['2026-03-01', '2026-03-03', 3],
    ['2026-02-27', '2026-03-02', 4],
  ])('%s to %s is %s days', (a, b, n) => expect(classDays(a, b)).toBe(n));
});
