import { describe, expect, it } from 'vitest';
import { dueWeeks, missedWeeks, thisWeek, weekMonday, weekSunday } from './weeks.ts';

/** Contact dates counted into their weeks, as the database counts them for the product. */
function countByWeek(dates: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(weekMonday(d), (counts.get(weekMonday(d)) ?? 0) + 1);
  return counts;
}

// 2026-06-01 is a Monday; 2026-06-07 the Sunday of that week.

describe('weekMonday: ISO weeks run Monday to Sunday', () => {
  it.each([
    ['2026-06-01', '2026-06-01'],
    ['2026-06-02', '2026-06-01'],
    ['2026-06-07', '2026-06-01'],
    ['2026-06-08', '2026-06-08'],
    // Across a year end: ISO week 1 of 2026 starts on Monday 2025-12-29.
    ['2026-01-01', '2025-12-29'],
    ['2026-01-04', '2025-12-29'],
    ['2024-02-29', '2024-02-26'],
    ['1999-12-31', '1999-12-27'],
  ])('%s is in the week of Monday %s', (date, monday) => {
    expect(weekMonday(date)).toBe(monday);
    expect(weekSunday(monday) >= date).toBe(true);
  });
});

describe('dueWeeks: weeks wholly within the assignment, over by today', () => {
  it.each<[string, string, string | null, string, string[]]>([
    // Starting on a Monday: that week counts once it is over.
    ['starts Monday, week not over on its Sunday', '2026-06-01', null, '2026-06-07', []],
    ['starts Monday, week over the next Monday', '2026-06-01', null, '2026-06-08', ['2026-06-01']],
    // Starting on a Tuesday: that week is not wholly within, the next one is the first.
    ['starts Tuesday', '2026-06-02', null, '2026-06-15', ['2026-06-08']],
    ['starts Sunday', '2026-06-07', null, '2026-06-15', ['2026-06-08']],
    ['starts Tuesday, first whole week still running', '2026-06-02', null, '2026-06-14', []],
    // The end is the first day no longer assigned.
    ['ends Monday after a whole week', '2026-06-01', '2026-06-08', '2026-07-01', ['2026-06-01']],
    ['ends Sunday: that week is cut short', '2026-06-01', '2026-06-07', '2026-07-01', []],
    ['ends Saturday', '2026-06-01', '2026-06-13', '2026-07-01', ['2026-06-01']],
    ['ends Tuesday of the third week', '2026-06-01', '2026-06-16', '2026-07-01', ['2026-06-01', '2026-06-08']],
    ['ends in the future', '2026-06-01', '2026-12-31', '2026-06-21', ['2026-06-01', '2026-06-08']],
    ['starts in the future', '2026-07-06', null, '2026-06-22', []],
  ])('%s (%s → %s, today %s)', (_name, startOn, endOn, today, expected) => {
    expect(dueWeeks({ startOn, endOn }, today)).toEqual(expected);
  });

  it.each<[string, string | null, string | null, string[]]>([
    // A week belongs to the period holding its Sunday.
    ['period from a Sunday takes the week ending then', '2026-06-07', null, ['2026-06-01', '2026-06-08', '2026-06-15']],
    ['period from a Monday skips the week ending the day before', '2026-06-08', null, ['2026-06-08', '2026-06-15']],
    ['period to a Saturday leaves out the week ending the next day', null, '2026-06-13', ['2026-06-01']],
    ['period to a Sunday takes the week ending then', null, '2026-06-14', ['2026-06-01', '2026-06-08']],
    ['one day, a Sunday', '2026-06-14', '2026-06-14', ['2026-06-08']],
    ['one day, a Wednesday', '2026-06-10', '2026-06-10', []],
  ])('%s (%s – %s)', (_name, from, to, expected) => {
    expect(dueWeeks({ startOn: '2026-06-01', endOn: null }, '2026-06-22', { from, to })).toEqual(expected);
  });

  it('adjacent periods share out the weeks without overlap', () => {
    const span = { startOn: '2026-01-05', endOn: null };
    const all = dueWeeks(span, '2026-12-31');
    const h1 = dueWeeks(span, '2026-12-31', { from: '2026-01-01', to: '2026-06-30' });
    const h2 = dueWeeks(span, '2026-12-31', { from: '2026-07-01', to: '2026-12-31' });
    expect([...h1, ...h2]).toEqual(all);
    expect(all).toHaveLength(51);
  });
});

describe('missedWeeks: a due week with fewer than the configured contacts', () => {
  const span = { startOn: '2026-06-01', endOn: null };
  it.each<[string, string[], number, string, string[]]>([
    ['no contact at all', [], 1, '2026-06-22', ['2026-06-01', '2026-06-08', '2026-06-15']],
    ['a contact on the Monday', ['2026-06-01'], 1, '2026-06-15', ['2026-06-08']],
    ['a contact on the Sunday', ['2026-06-07'], 1, '2026-06-15', ['2026-06-08']],
    ['a contact the Monday after counts for the next week only', ['2026-06-08'], 1, '2026-06-15', ['2026-06-01']],
    ['the running week is never missed', ['2026-06-01'], 1, '2026-06-14', []],
    ['twice a week required, once made', ['2026-06-02'], 2, '2026-06-08', ['2026-06-01']],
    ['twice a week required, twice made', ['2026-06-02', '2026-06-05'], 2, '2026-06-08', []],
    [
      'three in one week do not cover the next',
      ['2026-06-02', '2026-06-03', '2026-06-04'],
      1,
      '2026-06-15',
      ['2026-06-08'],
    ],
  ])('%s', (_name, dates, perWeek, today, expected) => {
    expect(missedWeeks(span, countByWeek(dates), perWeek, today)).toEqual(expected);
  });
});

describe('thisWeek', () => {
  it.each<[string, string, string | null, string[], number, string]>([
    ['a contact this week', '2026-06-01', null, ['2026-06-03'], 1, 'done'],
    ['none yet', '2026-06-01', null, ['2026-05-29'], 1, 'open'],
    ['one of two', '2026-06-01', null, ['2026-06-03'], 2, 'open'],
    ['started on this Monday', '2026-06-01', null, [], 1, 'open'],
    ['started this Tuesday', '2026-06-02', null, [], 1, 'not_required'],
    ['ends next Monday', '2026-05-04', '2026-06-08', [], 1, 'open'],
    ['ends this Sunday', '2026-05-04', '2026-06-07', [], 1, 'not_required'],
  ])('%s (today Friday 2026-06-05)', (_name, startOn, endOn, dates, perWeek, expected) => {
    expect(thisWeek({ startOn, endOn }, countByWeek(dates), perWeek, '2026-06-05')).toBe(expected);
  });
});
