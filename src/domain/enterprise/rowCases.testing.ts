// The helpers every row parser's tests use: a row is the valid one with some cells changed,
// and a bad cell is asserted by the one issue it causes (its column header and exact message).
import { expect } from 'vitest';
import type { RowIssue } from './input.ts';
import type { ParseRowOptions } from './rowReader.ts';

interface RowOutcome {
  value?: unknown;
  errors: RowIssue[];
  warnings: RowIssue[];
}

export function rowCases<K extends string, R extends RowOutcome>(
  parseRow: (cells: ReadonlyMap<K, unknown>, rowNumber: number, options: ParseRowOptions) => R,
  valid: Record<K, unknown>,
  { rowNumber, today }: { rowNumber: number; today: Date },
) {
  type Overrides = Partial<Record<K, unknown>>;
  const row = (overrides: Overrides = {}): Map<K, unknown> =>
    new Map(Object.entries({ ...valid, ...overrides }) as [K, unknown][]);
  const parse = (overrides: Overrides = {}) => parseRow(row(overrides), rowNumber, { today });

  function parsedValue(overrides: Overrides): NonNullable<R['value']> {
    const r = parse(overrides);
    expect(r.errors).toEqual([]);
    if (!r.value) throw new Error('expected a value');
    return r.value as NonNullable<R['value']>;
  }

  /** The single error a bad cell causes; the row then has no value. */
  function errorOf(overrides: Overrides): RowIssue {
    const r = parse(overrides);
    expect(r.value).toBeUndefined();
    expect(r.errors).toHaveLength(1);
    return r.errors[0];
  }

  function expectError(overrides: Overrides, column: string, message: string) {
    expect(errorOf(overrides)).toEqual({ row: rowNumber, column, message });
  }

  /** The single warning a doubtful cell causes; the row still has its value. */
  function expectWarning(overrides: Overrides, column: string, message: string) {
    const r = parse(overrides);
    expect(r.errors).toEqual([]);
    expect(r.value).toBeDefined();
    expect(r.warnings).toEqual([{ row: rowNumber, column, message }]);
  }

  return { row, parse, parsedValue, errorOf, expectError, expectWarning };
}
