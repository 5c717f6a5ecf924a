import { describe, expect, it } from 'vitest';
import {
  checkAwayDates,
  checkTransferDates,
  DEFAULT_LETTER_VALID_MONTHS,
  isMobileMember,
  letterValidUntil,
  shouldTransferRelation,
  transferStatus,
} from './transfer.ts';

describe('letterValidUntil', () => {
  it.each([
    ['2026-01-15', '2026-04-15'],
    ['2026-11-30', '2027-02-28'],
    ['2023-11-30', '2024-02-29'],
    ['2026-01-31', '2026-04-30'],
    ['2025-12-31', '2026-03-31'],
  ])('issued %s: valid through %s', (issuedOn, expected) => {
    expect(DEFAULT_LETTER_VALID_MONTHS).toBe(3);
    expect(letterValidUntil(issuedOn)).toBe(expected);
  });
});

describe('transferStatus', () => {
  // Issued 2026-01-15, valid through 2026-04-15.
  it.each<[string | null, string, object]>([
    [null, '2026-01-15', { status: 'pending', validUntil: '2026-04-15', late: false }],
    [null, '2026-04-14', { status: 'pending', validUntil: '2026-04-15', late: false }],
    [null, '2026-04-15', { status: 'pending', validUntil: '2026-04-15', late: false }],
    [null, '2026-04-16', { status: 'expired', validUntil: '2026-04-15', late: false }],
    ['2026-02-01', '2026-04-16', { status: 'received', validUntil: '2026-04-15', late: false }],
    ['2026-04-15', '2026-05-01', { status: 'received', validUntil: '2026-04-15', late: false }],
    ['2026-04-16', '2026-05-01', { status: 'received', validUntil: '2026-04-15', late: true }],
  ])('received %s, on %s: %j', (receivedOn, today, expected) => {
    expect(transferStatus({ issuedOn: '2026-01-15', receivedOn, today })).toEqual(expected);
  });
});

describe('checkTransferDates', () => {
  it.each<[string, string | null, string[]]>([
    ['2026-01-15', '2026-01-15', []],
    ['2026-01-15', null, []],
    ['2026-01-15', '2026-01-14', ['received_before_issued']],
    ['2026-05-02', null, ['future_date']],
    ['2026-01-15', '2026-05-02', ['future_date']],
  ])('issued %s, received %s: %j', (issuedOn, receivedOn, codes) => {
    expect(checkTransferDates({ issuedOn, receivedOn, today: '2026-05-01' }).map((f) => f.code)).toEqual(codes);
  });
});

describe('isMobileMember', () => {
  it.each([
    ['2026-01-15', '2026-07-14', false],
    ['2026-01-15', '2026-07-15', false],
    ['2026-01-15', '2026-07-16', true],
    // 2025-08-31 + 6 months = 2026-02-28 (month-end clamp).
    ['2025-08-31', '2026-02-28', false],
    ['2025-08-31', '2026-03-01', true],
    // 2023-08-31 + 6 months = 2024-02-29 (leap year).
    ['2023-08-31', '2024-02-29', false],
    ['2023-08-31', '2024-03-01', true],
  ])('away since %s, on %s: %s', (awaySince, today, expected) => {
    expect(isMobileMember(awaySince, today)).toBe(expected);
  });
});

describe('shouldTransferRelation', () => {
  it.each<[string, string | null, boolean, boolean]>([
    ['2026-01-15', '2026-07-14', true, false],
    ['2026-01-15', '2026-07-15', true, true],
    ['2026-01-15', '2026-07-16', true, true],
    ['2026-01-15', null, true, true],
    ['2026-01-15', null, false, false],
    ['2026-01-15', '2027-01-15', false, false],
    ['2025-08-31', '2026-02-27', true, false],
    ['2025-08-31', '2026-02-28', true, true],
  ])('leaving %s, back %s, fixed place %s: %s', (leavesOn, returnsOn, fixedPlace, expected) => {
    expect(shouldTransferRelation({ leavesOn, returnsOn, fixedPlace })).toBe(expected);
  });

  // Planned back within 6 months, but still there: the stay itself reaches 6 months.
  it.each<[string, boolean, boolean]>([
    ['2026-07-14', true, false],
    ['2026-07-15', true, true],
    ['2026-09-01', true, true],
    ['2026-09-01', false, false],
  ])('planned back 2026-05-01, still away on %s, fixed place %s: %s', (today, fixedPlace, expected) => {
    expect(shouldTransferRelation({ leavesOn: '2026-01-15', returnsOn: '2026-05-01', fixedPlace, today })).toBe(
      expected,
    );
  });
});

describe('checkAwayDates', () => {
  const today = '2026-05-01';
  it.each<[string, string | null, string | null, string[]]>([
    ['2026-05-01', null, null, []],
    ['2026-05-02', null, null, ['since:future_date']],
    ['2026-01-15', '2026-01-15', null, ['until:until_not_after_since']],
    ['2026-01-15', '2026-01-16', '2026-01-15', []],
    ['2026-01-15', null, '2026-01-14', ['returnedOn:returned_before_since']],
    ['2026-01-15', null, '2026-05-02', ['returnedOn:future_date']],
  ])('since %s, until %s, returned %s: %j', (since, until, returnedOn, codes) => {
    expect(checkAwayDates({ since, until, returnedOn, today }).map((f) => `${f.field}:${f.code}`)).toEqual(codes);
  });
});
