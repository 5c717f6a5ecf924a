// The checks every import file's column list passes (enterprises, party organizations,
// members): the spec's headers, keys and required flags in order, drop-down values on the
// coded columns only, and spellings that stay distinct once normalised, so that a header
// cell can never name two columns.
import { describe, expect, it } from 'vitest';
import type { Choice } from './codes.ts';
import { normalizeHeader } from './columns.ts';

interface Column {
  readonly key: string;
  readonly header: string;
  readonly required: boolean;
  readonly hint?: string;
  readonly choices?: readonly Choice<string | boolean>[];
  readonly aliases?: readonly string[];
}

export interface ColumnListSpec {
  /** The list's keys as exported, in order. */
  readonly keys: readonly string[];
  /** Header, key and required flag of each column, in the template's order. */
  readonly columns: readonly (readonly [string, string, boolean])[];
  /** The labels of the drop-down list of each coded column; no other column has one. */
  readonly choices: Readonly<Record<string, readonly string[]>>;
  /** Whether every column carries a zh-CN hint for the template's 填写说明 sheet. */
  readonly hints: boolean;
}

export function describeColumnList(name: string, columns: readonly Column[], spec: ColumnListSpec) {
  describe(name, () => {
    it('follows the spec: headers, keys, required flags, in order', () => {
      expect(columns.map((c) => [c.header, c.key, c.required])).toEqual(spec.columns);
      expect(columns.map((c) => c.key)).toEqual([...spec.keys]);
    });

    it('gives the coded columns their drop-down values, and no other column any', () => {
      const coded = columns.filter((c) => c.choices).map((c) => [c.key, c.choices?.map((choice) => choice.label)]);
      expect(Object.fromEntries(coded)).toEqual(spec.choices);
    });

    if (spec.hints) {
      it('has a zh-CN hint for every column', () => {
        for (const c of columns) expect(c.hint).toMatch(/\p{Script=Han}/u);
      });
    }

    it('has headers, aliases and keys that stay distinct after normalisation', () => {
      const all = columns.flatMap((c) => [c.header, c.key, ...(c.aliases ?? [])].map(normalizeHeader));
      expect(new Set(all).size).toBe(all.length);
    });
  });
}
