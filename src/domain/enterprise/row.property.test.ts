import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../calendarDate.ts';
import { arbRand } from '../fcRand.ts';
import { makeUscc } from '../uscc.ts';
import {
  ENTERPRISE_KINDS,
  FORMATIONS,
  POLITICAL_STATUSES,
  REGISTRATION_STATUSES,
  SOCIAL_ORGANIZATION_KINDS,
} from './codes.ts';
import { COLUMN_KEYS, type ColumnKey, ENTERPRISE_COLUMNS } from './columns.ts';
import type { EnterpriseInput } from './input.ts';
import { parseEnterpriseRow } from './row.ts';

const TODAY = new Date('2026-05-01T04:00:00Z');
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A row as a user might type it, and what it must parse to. */
interface Case {
  cells: Map<ColumnKey, unknown>;
  expected: EnterpriseInput;
}

// Each field: an arbitrary of [cell as written, value expected].
type Field<T> = fc.Arbitrary<[unknown, T]>;

const maybe = <T>(field: Field<T>): Field<T | null> =>
  fc.oneof(field, fc.constantFrom<[unknown, null]>([undefined, null], ['', null], ['  ', null]));

const padded = (s: string) => fc.constantFrom(s, ` ${s}`, `${s}\u3000`, `  ${s} `);

const word = (alphabet: string, max: number) =>
  fc.array(fc.constantFrom(...Array.from(alphabet)), { minLength: 1, maxLength: max }).map((a) => a.join(''));

/** Words joined by single spaces: already in normal form. */
const phrase = (alphabet: string, maxWords: number, maxLen: number) =>
  fc.array(word(alphabet, maxLen), { minLength: 1, maxLength: maxWords }).map((ws) => ws.join(' '));

const usccField: Field<string> = fc
  .tuple(arbRand.map(makeUscc), fc.boolean())
  .map(([code, lower]) => [lower ? code.toLowerCase() : code, code]);

const nameField: Field<string> = phrase('华为技术有限公司福州市某贸易（）ABC123', 3, 20).chain((n) =>
  padded(n).map((cell): [unknown, string] => [cell, n]),
);

const choiceField = <C extends string | boolean>(choices: readonly { code: C; label: string }[]): Field<C> =>
  fc.constantFrom(...choices).map((c) => [c.label, c.code]);

const REGION_CODES = ['110101', '350100', '350102', '350102001', '350102001001', '441900003', '441900003001'];
const regionField: Field<string> = fc
  .constantFrom(...REGION_CODES)
  .chain((code) => fc.constantFrom<[unknown, string]>([code, code], [Number(code), code]));

const SECTIONS: [string, number, number][] = [
  ['A', 1, 5],
  ['B', 6, 12],
  ['C', 13, 43],
  ['F', 51, 52],
  ['I', 63, 65],
  ['K', 70, 70],
  ['S', 91, 96],
  ['T', 97, 97],
];
const industryField: Field<string> = fc.constantFrom(...SECTIONS).chain(([letter, first, last]) =>
  fc.oneof(
    fc.constant<[unknown, string]>([letter, letter]),
    fc.integer({ min: first, max: last }).chain((n) => {
      const code = String(n).padStart(2, '0');
      return fc.constantFrom<[unknown, string]>(
        [code, code],
        [`${letter}${code}`, code],
        [n, code],
        [`${code}11`, code],
      );
    }),
  ),
);

const countCell = (n: number) => fc.constantFrom<unknown>(n, String(n), n.toLocaleString('en-US'), `${n}.0`);

const dateField: Field<string> = fc
  .record({
    y: fc.integer({ min: 1950, max: 2025 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .chain(({ y, m, d }) => {
    const iso = formatDate(y, m, d);
    const utc = Date.UTC(y, m - 1, d);
    return fc.constantFrom<[unknown, string]>(
      [iso, iso],
      [`${y}/${m}/${d}`, iso],
      [`${y}年${m}月${d}日`, iso],
      [iso.replace(/-/g, ''), iso],
      [new Date(utc), iso],
      [(utc - EXCEL_EPOCH) / 86_400_000, iso],
    );
  });

const phoneField: Field<string> = fc
  .oneof(
    fc.stringMatching(/^0\d{2,3}-\d{7,8}$/),
    fc.stringMatching(/^1[3-9]\d{9}$/),
    fc.stringMatching(/^\+86 1[3-9]\d \d{4} \d{4}$/),
  )
  .map((p) => [p, p]);

const yesNo: Field<boolean> = fc.constantFrom<[unknown, boolean]>(
  ['是', true],
  ['否', false],
  [true, true],
  [false, false],
);

const arbCase: fc.Arbitrary<Case> = fc
  .record({
    uscc: usccField,
    name: nameField,
    kind: choiceField(ENTERPRISE_KINDS),
    regionCode: regionField,
    industryCode: maybe(industryField),
    counts: fc
      .tuple(fc.nat({ max: 100_000 }), fc.nat({ max: 300 }), fc.option(fc.double({ min: 0, max: 1, noNaN: true })))
      .chain(([employees, members, fullShare]) => {
        const full = fullShare === null ? null : Math.floor(members * fullShare);
        return fc.tuple(
          countCell(employees),
          countCell(members),
          full === null ? fc.constant<unknown>(undefined) : countCell(full),
          fc.constant({ employees, members, full }),
        );
      }),
    ownerName: maybe(phrase('张王李赵欧阳明华', 2, 6).map((n): [unknown, string] => [n, n])),
    ownerPoliticalStatus: maybe(choiceField(POLITICAL_STATUSES)),
    aboveScale: maybe(yesNo),
    cluster: maybe(phrase('软件园A区2号楼市场', 3, 8).map((c): [unknown, string] => [c, c])),
    foundedOn: maybe(dateField),
    registrationStatus: maybe(choiceField(REGISTRATION_STATUSES)),
    phone: maybe(phoneField),
    reportedHasOrg: maybe(yesNo),
    reportedFormation: maybe(choiceField(FORMATIONS)),
    hasUnion: maybe(yesNo),
    hasLeague: maybe(yesNo),
  })
  .map((r) => {
    const [employeesCell, membersCell, fullCell, counts] = r.counts;
    const cells = new Map<ColumnKey, unknown>([
      ['uscc', r.uscc[0]],
      ['name', r.name[0]],
      ['kind', r.kind[0]],
      ['regionCode', r.regionCode[0]],
      ['industryCode', r.industryCode[0]],
      ['employees', employeesCell],
      ['memberCount', membersCell],
      ['fullMemberCount', fullCell],
      ['ownerName', r.ownerName[0]],
      ['ownerPoliticalStatus', r.ownerPoliticalStatus[0]],
      ['aboveScale', r.aboveScale[0]],
      ['cluster', r.cluster[0]],
      ['foundedOn', r.foundedOn[0]],
      ['registrationStatus', r.registrationStatus[0]],
      ['phone', r.phone[0]],
      ['reportedHasOrg', r.reportedHasOrg[0]],
      ['reportedFormation', r.reportedFormation[0]],
      ['hasUnion', r.hasUnion[0]],
      ['hasLeague', r.hasLeague[0]],
    ]);
    const expected: EnterpriseInput = {
      uscc: r.uscc[1],
      name: r.name[1],
      kind: r.kind[1],
      regionCode: r.regionCode[1],
      industryCode: r.industryCode[1],
      employees: counts.employees,
      memberCount: counts.members,
      fullMemberCount: counts.full ?? counts.members,
      fullMemberEstimated: counts.full === null,
      ownerName: r.ownerName[1],
      ownerPoliticalStatus: r.ownerPoliticalStatus[1],
      aboveScale: r.aboveScale[1] ?? false,
      cluster: r.cluster[1],
      foundedOn: r.foundedOn[1],
      registrationStatus: r.registrationStatus[1] ?? 'active',
      phone: r.phone[1],
      reportedHasOrg: r.reportedHasOrg[1],
      reportedFormation: r.reportedFormation[1],
      hasUnion: r.hasUnion[1],
      hasLeague: r.hasLeague[1],
      legalPerson: null,
      staffOnPost: null,
      ownership: null,
      intermediaryKind: null,
    };
    return { cells, expected };
  });

/** What an IME in full-width mode types: ASCII shifted to U+FF01–U+FF5E, spaces as U+3000. */
function toFullWidth(s: string): string {
  return Array.from(s, (c) => {
    const cp = c.codePointAt(0) as number;
    if (cp === 0x20) return '\u3000';
    return cp >= 0x21 && cp <= 0x7e ? String.fromCodePoint(cp + 0xfee0) : c;
  }).join('');
}

// The columns whose values are codes or numbers (spec: 全角 → 半角), plus the cluster (brief).
const FOLDED: readonly ColumnKey[] = [
  'uscc',
  'regionCode',
  'industryCode',
  'employees',
  'memberCount',
  'fullMemberCount',
  'foundedOn',
  'phone',
  'cluster',
];

const parse = (cells: Map<ColumnKey, unknown>) => parseEnterpriseRow(cells, 2, { today: TODAY });

describe('parseEnterpriseRow properties', () => {
  it('parses any valid row without errors to the expected value', () => {
    fc.assert(
      fc.property(arbCase, ({ cells, expected }) => {
        const r = parse(cells);
        expect(r.errors).toEqual([]);
        expect(r.value).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('parses full-width variants of codes and numbers to the same value', () => {
    fc.assert(
      fc.property(arbCase, ({ cells }) => {
        const wide = new Map(cells);
        for (const key of FOLDED) {
          const v = cells.get(key);
          if (typeof v === 'string' || typeof v === 'number') wide.set(key, `\u3000${toFullWidth(String(v))}\u3000`);
        }
        expect(parse(wide)).toEqual(parse(cells));
      }),
      { numRuns: 300 },
    );
  });

  it('warns about members beyond employees + 1 exactly when that is the case', () => {
    fc.assert(
      fc.property(arbCase, ({ cells, expected }) => {
        const warned = parse(cells).warnings.some((w) => w.column === '党员数');
        expect(warned).toBe(expected.memberCount > expected.employees + 1);
      }),
    );
  });

  // A value that breaks exactly one single-column rule, per column.
  const BAD: Record<ColumnKey, unknown> = {
    uscc: '91350100M000100Y44',
    name: '名'.repeat(201),
    kind: '公司',
    regionCode: '99',
    industryCode: '98',
    employees: '-1',
    memberCount: 'abc',
    fullMemberCount: '1.5',
    ownerName: '名'.repeat(51),
    ownerPoliticalStatus: '党员',
    aboveScale: '可能',
    cluster: '园'.repeat(201),
    foundedOn: '2019-02-30',
    registrationStatus: '休眠',
    phone: 'abc',
    reportedHasOrg: '有',
    reportedFormation: '自建',
    hasUnion: '有',
    hasLeague: '有',
    legalPerson: '可能',
    staffOnPost: '-1',
    ownership: '合资',
    intermediaryKind: '事务所',
  };

  it('reports every broken column, and only those', () => {
    fc.assert(
      fc.property(arbCase, fc.subarray([...COLUMN_KEYS], { minLength: 1 }), ({ cells }, broken) => {
        const bad = new Map(cells);
        for (const key of broken) bad.set(key, BAD[key]);
        const r = parse(bad);
        expect(r.value).toBeUndefined();
        const headers = ENTERPRISE_COLUMNS.filter((c) => broken.includes(c.key)).map((c) => c.header);
        expect(r.errors.map((e) => e.column)).toEqual(headers);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary cells, and returns a value exactly when there is no error', () => {
    const headers = new Set(ENTERPRISE_COLUMNS.map((c) => c.header));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...COLUMN_KEYS), fc.anything({ withDate: true, withBigInt: true }))),
        (entries) => {
          const r = parse(new Map(entries));
          expect(r.value === undefined).toBe(r.errors.length > 0);
          for (const issue of [...r.errors, ...r.warnings]) {
            expect(issue.row).toBe(2);
            expect(headers.has(issue.column)).toBe(true);
            expect(issue.message).not.toBe('');
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('generates every kind, so the properties above cover them all', () => {
    const kinds = new Set(fc.sample(arbCase, 400).map((c) => c.expected.kind));
    for (const k of SOCIAL_ORGANIZATION_KINDS) expect(kinds.has(k)).toBe(true);
    expect(kinds.size).toBe(ENTERPRISE_KINDS.length);
  });
});
