import { describe, expect, it } from 'vitest';
import { type RequestStatus, transitionError, valuesError } from './requests.ts';

describe('transitionError: received → coordinating → resolved | unresolved', () => {
  it.each<[RequestStatus, RequestStatus, string | null]>([
    ['received', 'received', null],
    ['received', 'coordinating', null],
    ['received', 'resolved', null],
    ['received', 'unresolved', '诉求须先经协调（协调中），才能关闭为未解决'],
    ['coordinating', 'coordinating', null],
    ['coordinating', 'resolved', null],
    ['coordinating', 'unresolved', null],
    ['coordinating', 'received', '诉求状态不能从“协调中”改为“已受理”'],
    ['resolved', 'resolved', '诉求已解决，不能再更新；如有新情况请登记新的诉求'],
    ['resolved', 'coordinating', '诉求已解决，不能再更新；如有新情况请登记新的诉求'],
    ['unresolved', 'received', '诉求已关闭，不能再更新；如有新情况请登记新的诉求'],
    ['unresolved', 'resolved', '诉求已关闭，不能再更新；如有新情况请登记新的诉求'],
  ])('%s → %s', (from, to, expected) => {
    expect(transitionError(from, to)).toBe(expected);
  });
});

describe('valuesError: only a request not closed unresolved obtains values', () => {
  it.each<[RequestStatus, Record<string, number | null>, string | null]>([
    ['resolved', { grants: 50, hires: 3 }, null],
    ['coordinating', { loans: 100 }, null],
    ['unresolved', { grants: null, loans: 0 }, null],
    ['unresolved', { grants: 5, trainees: 10 }, '未解决的诉求不能登记所得（争取资金、培训职工）'],
  ])('%s with %j', (status, values, expected) => {
    expect(valuesError(status, values)).toBe(expected);
  });
});
