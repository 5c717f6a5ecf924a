/**
 * Settings belong to a region (issue #12, defect 8), for every settings route that a business
 * user may change: a county user's PUT changes only their county; a sibling county and the
 * city above read what they read before; the city's later change reaches the sibling (which
 * inherits) but not the county (which has its own); and no one changes a region above theirs.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ASSESSMENT_SETTINGS } from '../../domain/assessment/settings.ts';
import type { Role } from '../../domain/roles.ts';
import type { TestClient } from '../testing/client.ts';
import { fileFixture } from '../testing/fileFixture.ts';

const fx = await fileFixture();

interface Setting {
  path: string;
  /** Its key in region_settings. */
  key: string;
  role: Role;
  /** Two different valid bodies: the county's and the city's. */
  county: Record<string, unknown>;
  city: Record<string, unknown>;
}

const SETTINGS: Setting[] = [
  {
    path: '/api/settings/instructor',
    key: 'instructor',
    role: 'committee',
    county: { contactsPerWeek: 3, requestSilentDays: 10 },
    city: { contactsPerWeek: 2, requestSilentDays: 20 },
  },
  {
    path: '/api/assessments/settings',
    key: 'assessment',
    role: 'committee',
    county: { ...DEFAULT_ASSESSMENT_SETTINGS, excellentCap: 20 },
    city: { ...DEFAULT_ASSESSMENT_SETTINGS, excellentCap: 30 },
  },
  {
    path: '/api/settings/training',
    key: 'training',
    role: 'committee',
    county: { member: 40, officer: 60, instructor: 30 },
    city: { member: 36, officer: 58, instructor: 28 },
  },
  {
    path: '/api/settings/org-rules',
    key: 'org_rules',
    role: 'committee',
    county: { jointMaxUnits: 10, electionReminderMonths: [3, 1], restructuringGraceDays: 45 },
    city: { jointMaxUnits: 8, electionReminderMonths: [6, 1], restructuringGraceDays: 60 },
  },
];

const clients = new Map<string, TestClient>();
beforeAll(async () => {
  for (const regionCode of ['420500', '420506', '420502', '420100']) {
    clients.set(regionCode, (await fx.clientAs({ roles: ['committee'], regionCode })).client);
  }
});
const as = (code: string) => clients.get(code)!;

describe.each(SETTINGS)('$path', (s) => {
  it('a county changes its own only; its siblings, its city and other cities keep theirs', async () => {
    const read = async (code: string) => {
      const res = await as(code).get(s.path);
      expect(res.status).toBe(200);
      return res.body;
    };
    const before = { city: await read('420500'), sibling: await read('420502'), far: await read('420100') };
    const stored = await fx.rows(sql`select * from region_settings order by key, region_code`);

    const put = await as('420506').put(s.path, s.county);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(await read('420506')).toMatchObject(s.county);
    expect(await read('420502')).toEqual(before.sibling);
    expect(await read('420500')).toEqual(before.city);
    expect(await read('420100')).toEqual(before.far);
    // One row more, the county's; no other region's row touched.
    const after = await fx.rows<{ region_code: string }>(sql`select * from region_settings order by key, region_code`);
    expect(after.filter((r) => !stored.some((x) => JSON.stringify(x) === JSON.stringify(r)))).toMatchObject([
      { region_code: '420506' },
    ]);

    // The city's change: the sibling inherits it, the county keeps its own.
    expect((await as('420500').put(s.path, s.city)).status).toBe(200);
    expect(await read('420502')).toMatchObject(s.city);
    expect(await read('420506')).toMatchObject(s.county);
    expect(await read('420100')).toEqual(before.far);

    // Nothing a county sends reaches the city's row: the city still reads its own value.
    await as('420506').put(s.path, s.county);
    expect(await read('420500')).toMatchObject(s.city);
    const cityRow = await fx.rows<{ value: unknown }>(
      sql`select value from region_settings where region_code = '420500' and key = ${s.key}`,
    );
    expect(cityRow[0].value).toMatchObject(s.city);
  });
});
