import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { regions } from '../db/schema.ts';
import { testDatabase } from '../testing/db.ts';
import { divisionRows, loadRegions, loadVillages } from './load.ts';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

describe('region reference data', () => {
  it('covers the whole country down to towns, with six-digit codes above the county', () => {
    const rows = divisionRows();
    const byLevel = (l: number) => rows.filter((r) => r.level === l).length;
    expect(byLevel(1)).toBe(31);
    expect(byLevel(2)).toBeGreaterThan(330);
    expect(byLevel(3)).toBeGreaterThan(2800);
    expect(byLevel(4)).toBeGreaterThan(38_000);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    expect(rows.find((r) => r.code === '420500')).toMatchObject({ name: '宜昌市', level: 2, parentCode: '420000' });
    const codes = new Set(rows.map((r) => r.code));
    for (const r of rows) if (r.parentCode) expect(codes.has(r.parentCode)).toBe(true);
  });

  it('hangs the towns of a city without counties (东莞) directly under the city', () => {
    const rows = divisionRows(['44']);
    const dongguan = rows.filter((r) => r.code === '441900');
    expect(dongguan).toHaveLength(1);
    expect(dongguan[0]).toMatchObject({ level: 2, prefix: '4419' });
    const town = rows.find((r) => r.code === '441900003');
    expect(town).toMatchObject({ level: 4, parentCode: '441900' });
  });

  it('is idempotent: a second load adds nothing', async () => {
    expect(await loadRegions(database.db)).toBe(0);
  });

  it('loads one region’s villages on demand, each under its town', async () => {
    const n = await database.db.transaction((tx) => loadVillages(tx, '420506'));
    expect(n).toBeGreaterThan(100);
    const [{ villages }] = await database.db
      .select({ villages: count() })
      .from(regions)
      .where(and(eq(regions.level, 5), like(regions.code, '420506%')));
    expect(villages).toBe(n);
    const [{ elsewhere }] = await database.db
      .select({ elsewhere: count() })
      .from(regions)
      .where(and(eq(regions.level, 5), like(regions.code, '4201%')));
    expect(elsewhere).toBe(0);
    // Loading again adds nothing new.
    await database.db.transaction((tx) => loadVillages(tx, '420506'));
    const [{ again }] = await database.db.select({ again: count() }).from(regions).where(eq(regions.level, 5));
    expect(again).toBe(n);
  });
});
