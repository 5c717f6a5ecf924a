// The lagging rule as rules.md §9 documents it, on regions built to meet — or just miss — each
// condition: exactly the regions that meet one are lagging, each for exactly its reasons. A
// quarterly report is missed when its due date passed without a submission (报送), or when the
// parent returned it and the region has not resubmitted it by the date.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LaggingCode } from '../../domain/reports/lagging.ts';
import { deadlineOf } from '../../domain/reports/submission.ts';
import { DEFAULT_COVERAGE_SETTINGS } from '../../domain/stats/coverage.ts';
import type { Actor } from '../actor.ts';
import { inScope } from '../db/tx.ts';
import { returnQuarterly, submitQuarterly } from '../submissions/write.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { type Fixture, makeFixture } from '../testing/fixture.ts';
import { actorOf } from '../testing/imports.ts';
import { loadBook } from '../testing/print.ts';
import { laggingRegions, laggingReport, quarterDueBefore } from './lagging.ts';
import { laggingWorkbook } from './laggingXlsx.ts';

let fx: Fixture;
const settings = DEFAULT_COVERAGE_SETTINGS;
// A fixed past day: the previous report is the quarter end 2026-06-30, the report checked is 2026Q2 (due 07-10).
const DATE = '2026-08-20';
const QUARTER = '2026Q2';
const DUE = '2026-07-10';
const TODAY = '2026-12-01';

const CASES = [
  'none',
  'below',
  'fell',
  'overdue',
  'unfiled',
  'late',
  'lastMinute',
  'afterDate',
  'returned',
  'resubmitted',
] as const;
type Case = (typeof CASES)[number];
/** The child regions of 420500 each case is built in (the first ten, in code order). */
let code: Record<Case, string>;
let city: Actor;

const userOf = async (regionCode: string) => {
  const u = await fx.makeUser({ roles: ['committee'], regionCode });
  return actorOf({ ...u, roles: ['committee'] });
};

/** Runs `work` with the application's clock at a local wall-clock time. */
async function at<T>(local: Date, work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(local);
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}

/** The region's committee submits (or with a reason resubmits) its 2026Q2 report at a local time. */
const submitAt = async (who: Actor, local: Date, reason?: string) =>
  at(local, () =>
    inScope(fx.database.db, who, (tx) =>
      submitQuarterly(tx, who, { region: who.regionCode, quarter: QUARTER, ...(reason ? { reason } : {}) }),
    ),
  );

const returnAt = async (region: string, local: Date) =>
  at(local, () =>
    inScope(fx.database.db, city, (tx) =>
      returnQuarterly(tx, city, { region, quarter: QUARTER, reason: '新建数有误' }),
    ),
  );

/** Ten in-scope enterprises in the region, `covered` of them by an org of their own since 2024. */
async function region(regionCode: string, covered: number) {
  const orgs: number[] = [];
  for (let i = 0; i < 10; i++) {
    const e = await makeEnterprise(fx.database, { regionCode, foundedOn: '2015-01-01', registrationStatus: 'active' });
    if (i < covered) orgs.push((await makeOrg(fx.database, [e.id], { regionCode, establishedOn: '2024-01-01' })).id);
  }
  return orgs;
}

beforeAll(async () => {
  fx = await makeFixture();
  const children = (
    await fx.rows<{ code: string }>(sql`select code from regions where parent_code = '420500' order by code`)
  ).map((r) => r.code);
  expect(children.length).toBeGreaterThanOrEqual(CASES.length);
  code = Object.fromEntries(CASES.map((c, i) => [c, children[i]])) as typeof code;
  const { below, fell, overdue, none } = code;

  // Coverage: every region 6 in 10 except `below` (2 in 10) — the parent is 56/100 = 56 %, so
  // 60 % is above it and 20 % is 36 points below. `fell` had 7 in 10 at the previous report
  // and one of its orgs was dissolved since.
  for (const c of children.slice(0, CASES.length)) {
    const orgs = await region(c, c === below ? 2 : c === fell ? 7 : 6);
    if (c === fell) await fx.rows(sql`update party_orgs set dissolved_on = '2026-08-01' where id = ${orgs[6]}`);
  }

  // `overdue`: one org's term ended 2026-03-01; in `none`, a term that ends after the date is not overdue.
  const [late1] = await fx.rows<{ id: number }>(
    sql`select id from party_orgs where region_code = ${overdue} order by id limit 1`,
  );
  await fx.rows(sql`insert into org_elections (org_id, elected_on, term_years, ends_on)
    values (${late1?.id}, '2021-03-01', 5, '2026-03-01')`);
  const [onTime] = await fx.rows<{ id: number }>(
    sql`select id from party_orgs where region_code = ${none} order by id limit 1`,
  );
  await fx.rows(sql`insert into org_elections (org_id, elected_on, term_years, ends_on)
    values (${onTime?.id}, '2021-09-01', 5, '2026-09-01')`);

  // Submitting 2026Q2 (due 2026-07-10): on time by the region's own committee, except in
  // `unfiled` (never), `late` (a day late), `lastMinute` (23:59 on the due date), `afterDate`
  // (after the lagging date), `returned` (on time, returned by the city on 08-01, not
  // resubmitted by the date) and `resubmitted` (on time, returned, resubmitted on 08-05).
  city = await userOf('420500');
  const committees = {} as Record<Case, Actor>;
  for (const c of CASES) committees[c] = await userOf(code[c]);
  for (const c of ['none', 'below', 'fell', 'overdue', 'returned', 'resubmitted'] as const)
    await submitAt(committees[c], new Date(2026, 6, 8, 10));
  await submitAt(committees.late, new Date(2026, 6, 11, 9));
  await submitAt(committees.lastMinute, new Date(2026, 6, 10, 23, 59));
  await submitAt(committees.afterDate, new Date(2026, 7, 25, 9));
  await returnAt(code.returned, new Date(2026, 7, 1, 9));
  await returnAt(code.resubmitted, new Date(2026, 7, 1, 9));
  await submitAt(committees.resubmitted, new Date(2026, 7, 5, 9), '更正新建党组织数');
});
afterAll(() => fx.close());

describe('lagging regions (rules.md §9)', () => {
  it('checks the last quarterly report due before the date, its deadline the end of the due date', () => {
    expect(quarterDueBefore(DATE, 10)).toEqual({ quarter: QUARTER, dueOn: DUE });
    // On the due date itself that report is not late yet: the one before is checked.
    expect(quarterDueBefore('2026-07-10', 10)).toEqual({ quarter: '2026Q1', dueOn: '2026-04-10' });
    expect(quarterDueBefore('2026-07-11', 10)).toEqual({ quarter: QUARTER, dueOn: DUE });
    expect(deadlineOf(DUE).getTime()).toBe(new Date(2026, 6, 11).getTime());
  });

  it('flags exactly the regions that meet a condition, each with exactly its reasons', async () => {
    const r = await inScope(fx.database.db, city, (tx) =>
      laggingReport(tx, city, { region: '420500', date: DATE }, settings, TODAY),
    );
    expect(r.quarterly).toEqual({ quarter: QUARTER, dueOn: DUE });
    expect(r.previousDate).toBe('2026-06-30');
    const reasons = (c: string) => r.children.find((x) => x.region === c)?.reasons.map((x) => x.code);
    const expected: Record<Case, LaggingCode[]> = {
      none: [],
      below: ['below_parent'],
      fell: ['fell'],
      overdue: ['overdue_reelection'],
      unfiled: ['missed_quarterly'],
      late: ['missed_quarterly'],
      lastMinute: [],
      afterDate: ['missed_quarterly'],
      returned: ['missed_quarterly'],
      resubmitted: [],
    };
    for (const [k, codes] of Object.entries(expected)) expect(reasons(code[k as keyof typeof code]), k).toEqual(codes);

    const byCode = Object.fromEntries(r.children.map((c) => [c.region, c]));
    expect(byCode[code.below]).toMatchObject({ inScope: 10, orgCovered: 2, lagging: true });
    expect(byCode[code.fell]).toMatchObject({ inScope: 10, orgCovered: 6, lagging: true });
    expect(byCode[code.fell]?.previousRate).toBeCloseTo(0.7);
    expect(byCode[code.overdue]?.overdueReelections).toBe(1);
    expect(byCode[code.none]).toMatchObject({ overdueReelections: 0, quarterlyFiled: true, lagging: false });
    expect(byCode[code.late]?.quarterlyFiled).toBe(false);
    expect(byCode[code.lastMinute]?.quarterlyFiled).toBe(true);
    // Regions with nothing in them file nothing either: they are flagged only for that.
    for (const c of r.children.filter((x) => !Object.values(code).includes(x.region))) {
      expect(c.reasons.map((x) => x.code)).toEqual(['missed_quarterly']);
    }
    expect(r.regions).toEqual(r.children.filter((c) => c.lagging));
    const fine = [code.none, code.lastMinute, code.resubmitted];
    expect(r.regions.map((c) => c.region)).toEqual(
      r.children.filter((c) => !fine.includes(c.region)).map((c) => c.region),
    );
    // Each missed report says how it was missed.
    const missed = (c: Case) => byCode[code[c]]?.reasons.find((x) => x.code === 'missed_quarterly')?.text;
    expect(missed('unfiled')).toBe('2026Q2 新建党组织季报未报送（报送期限 2026-07-10）');
    expect(missed('late')).toBe('2026Q2 新建党组织季报逾期报送（2026-07-11 报送，报送期限 2026-07-10）');
    expect(missed('afterDate')).toBe('2026Q2 新建党组织季报未报送（报送期限 2026-07-10）');
    expect(missed('returned')).toBe('2026Q2 新建党组织季报于 2026-08-01 被退回（新建数有误），尚未重新报送');
    const below = r.children.find((c) => c.region === code.below)?.reasons[0];
    expect(below?.text).toContain('超过 10 个百分点');
    // The dashboard's panel reads the same regions without the lists.
    const panel = await inScope(fx.database.db, city, (tx) =>
      laggingRegions(tx, city, { region: '420500', date: DATE }, settings, TODAY),
    );
    const { shouldForm: _s, keyWatch: _k, overdueReelections: _o, overdueDevelopments: _d, ...regionsPart } = r;
    expect(panel).toEqual(regionsPart);
  });

  it('judges the submissions made by the date: later, the one submitted after it is late, and the returned one stays missed', async () => {
    const r = await inScope(fx.database.db, city, (tx) =>
      laggingReport(tx, city, { region: '420500', date: '2026-09-01' }, settings, TODAY),
    );
    const reasons = (c: Case) => r.children.find((x) => x.region === code[c])?.reasons.map((x) => x.text);
    expect(reasons('afterDate')).toEqual(['2026Q2 新建党组织季报逾期报送（2026-08-25 报送，报送期限 2026-07-10）']);
    expect(reasons('returned')?.[0]).toContain('被退回');
    expect(reasons('resubmitted')).toEqual([]);
    // Before the return the returned report was in force.
    const before = await inScope(fx.database.db, city, (tx) =>
      laggingReport(tx, city, { region: '420500', date: '2026-07-31' }, settings, TODAY),
    );
    expect(before.children.find((x) => x.region === code.returned)?.lagging).toBe(false);
  });

  it('writes its rates to the .xlsx as numbers in a 0.0% format, “—” where there is none', async () => {
    const r = await inScope(fx.database.db, city, (tx) =>
      laggingReport(tx, city, { region: '420500', date: DATE }, settings, TODAY),
    );
    const book = await loadBook(await laggingWorkbook(r, TODAY));
    const ws = book.getWorksheet('滞后地区');
    const fell = r.regions.findIndex((c) => c.region === code.fell);
    const row = ws?.getRow(5 + fell);
    expect(row?.getCell(1).value).toBe(r.regions[fell]?.name);
    for (const [col, value] of [
      [4, 0.6],
      [5, 0.7],
    ] as const) {
      expect(row?.getCell(col).value).toBe(value);
      expect(row?.getCell(col).numFmt).toBe('0.0%');
    }
    const empty = r.regions.findIndex((c) => c.inScope === 0);
    expect(ws?.getRow(5 + empty).getCell(4).value).toBe('—');
  });

  it('moves with the configured points: at 40 points the region 36 points below is not lagging', async () => {
    const r = await inScope(fx.database.db, city, (tx) =>
      laggingReport(tx, city, { region: '420500', date: DATE }, { ...settings, laggingPoints: 40 }, TODAY),
    );
    expect(r.children.find((c) => c.region === code.below)?.reasons).toEqual([]);
  });

  it('with a longer due period, the report checked is the one before and nobody filed it', async () => {
    const r = await inScope(fx.database.db, city, (tx) =>
      laggingReport(tx, city, { region: '420500', date: DATE }, { ...settings, quarterlyDueDays: 60 }, TODAY),
    );
    expect(r.quarterly).toEqual({ quarter: '2026Q1', dueOn: '2026-05-30' });
    expect(r.children.every((c) => c.reasons.some((x) => x.code === 'missed_quarterly'))).toBe(true);
  });
});
