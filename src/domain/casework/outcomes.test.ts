import { describe, expect, it } from 'vitest';
import { derivedRole, type OutcomeKind, quantityError, TYPED_KINDS } from './outcomes.ts';

describe('record once: only what the system does not know is typed', () => {
  it('the typed kinds', () => {
    expect(TYPED_KINDS).toEqual(['systems', 'venues', 'funds', 'pledges', 'proposals', 'innovations']);
  });
});

describe('quantityError', () => {
  it.each<[OutcomeKind, number, string | null]>([
    ['systems', 1, null],
    ['systems', 0, '建立制度的数量须大于 0'],
    ['systems', -1, '建立制度的数量须大于 0'],
    ['systems', 1.5, '建立制度按项计，须为整数'],
    ['funds', 1.15, null],
    ['funds', 0.01, null],
    ['funds', 0.001, '筹集党建经费（万元）最多保留两位小数'],
    ['innovations', 2, null],
  ])('%s × %s', (kind, quantity, expected) => {
    expect(quantityError(kind, quantity)).toBe(expected);
  });
});

describe('derivedRole', () => {
  it.each([
    ['development', undefined, 'guide'],
    ['request', 'labour_dispute', 'coordination'],
    ['request', 'financing', 'service'],
    ['request', 'other', 'service'],
  ] as const)('%s %s → %s', (source, category, role) => {
    expect(derivedRole(source, category)).toBe(role);
  });
});
