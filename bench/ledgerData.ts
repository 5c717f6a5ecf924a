/**
 * Fills the ledger with N synthetic enterprises of the city in SQL (insert … select from
 * generate_series, seeded), not through the import: a million rows in minutes. The secondary
 * indexes are dropped first and rebuilt after, as any bulk load does, with exactly the
 * definitions the migrations gave them.
 */
import type pg from 'pg';
import { keysFrom } from '../src/server/keys.ts';
import { BRANDS, CITY, GIVEN as GIVEN_TEXT, PLACES, SURNAMES as SURNAME_TEXT, TRADES } from './data.ts';

const keys = keysFrom(Buffer.alloc(32, 7));

const arr = (xs: readonly string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`;
const pickFrom = (xs: readonly string[], r: string) => `(${arr(xs)})[1 + floor(${r} * ${xs.length})::int]`;

const SURNAMES = [...SURNAME_TEXT];
const GIVEN = [...GIVEN_TEXT];
const CLUSTERS = ['宜昌高新区电子信息产业园', '伍家岗区万达广场', '夷陵经济开发区', '猇亭化工园', '西陵区CBD金融大厦'];
const INDUSTRIES = [
  '13',
  '14',
  '18',
  '26',
  '30',
  '33',
  '34',
  '36',
  '39',
  '47',
  '48',
  '51',
  '52',
  '54',
  '59',
  '61',
  '62',
  '64',
  '65',
  '70',
  '72',
  '75',
  '80',
  '83',
  '84',
  '88',
  '95',
];

/** Distinct phone numbers, encrypted with the benchmark's key, for the rows to share. */
function phones(n: number): { cipher: string[]; hash: string[] } {
  const cipher: string[] = [];
  const hash: string[] = [];
  for (let i = 0; i < n; i++) {
    const phone = `13${String(700000000 + i * 7919).padStart(9, '0')}`;
    cipher.push(keys.encrypt(phone));
    hash.push(keys.lookupHash(phone));
  }
  return { cipher, hash };
}

function insertSql(rows: number): string {
  const city = CITY.slice(0, 4);
  return `
insert into enterprises (uscc, name, kind, region_code, industry_code, employees, member_count, full_member_count,
  full_member_estimated, owner_name, owner_political_status, above_scale, cluster, founded_on, registration_status,
  phone, phone_hash, reported_has_org, reported_formation, has_union, has_league, org_coverage, has_instructor,
  created_at, updated_at)
select uscc, name, kind, region, industry, employees, members, full_members, estimated, owner, political, above,
  cluster, founded, status, case when has_phone then ($1::text[])[1 + (i % 1000)] end,
  case when has_phone then ($2::text[])[1 + (i % 1000)] end, reported, case when reported then formation end,
  union_, league, coverage, instructor, created, created + (random() * interval '400 days')
from (
  select *,
    case when full_members >= 3 and r7 < 0.55 then 'standalone'
         when members > 0 and r7 < 0.5 then 'joint'
         when members = 0 and r7 < 0.04 then 'joint' end as coverage,
    case when members >= 3 then r8 < 0.7 when members > 0 then r8 < 0.3 when r8 < 0.05 then true end as reported,
    case when members >= 3 and r9 < 0.6 then 'standalone' else 'joint' end as formation
  from (
    select *,
      case when r6 < 0.7 then members else greatest(members - 1, 0) end as full_members,
      r6 < 0.3 and members > 0 as estimated
    from (
      select *,
        case when r4 < case when employees >= 50 then 0.6 else 0.2 end
             then least(employees, 1 + floor(r5 * r5 * least(employees, 40))::int) else 0 end as members
      from (
        select i, r4, r5, r6, r7, r8, r9,
          '91' || '${CITY}' || lpad(i::text, 9, '0') || 'X' as uscc,
          kind,
          case when kind = 'individual' then 1 + floor(r2 * 8)::int else floor(exp(r2 * r3 * 8))::int end as employees,
          ${pickFrom(PLACES, 'random()')} || ${pickFrom(BRANDS, 'random()')} || ${pickFrom(BRANDS, 'random()')}
            || ${pickFrom(TRADES, 'random()')}
            || case kind when 'individual' then '经营部' when 'association' then '协会'
                         when 'social_service' then '培训学校' when 'foundation' then '慈善基金会'
                         else '有限公司' end as name,
          case when random() < 0.9 then towns[1 + floor(random() * array_length(towns, 1))::int]
               else counties[1 + floor(random() * array_length(counties, 1))::int] end as region,
          case when random() < 0.9 then ${pickFrom(INDUSTRIES, 'random()')} end as industry,
          case when random() < 0.95 then ${pickFrom(SURNAMES, 'random()')} || ${pickFrom(GIVEN, 'random()')} end as owner,
          case when random() < 0.8 then 'masses' when random() < 0.7 then 'member' end as political,
          random() < 0.05 as above,
          case when random() < 0.15 then ${pickFrom(CLUSTERS, 'random()')} end as cluster,
          date '1990-01-01' + floor(random() * 12800)::int as founded,
          case when r1 < 0.85 then 'active' when r1 < 0.93 then 'operating' when r1 < 0.95 then 'moved_in'
               when r1 < 0.96 then 'moved_out' when r1 < 0.98 then 'revoked' else 'cancelled' end as status,
          random() < 0.8 as has_phone,
          case when random() < 0.4 then random() < 0.5 end as union_,
          case when random() < 0.4 then random() < 0.2 end as league,
          random() < 0.1 as instructor,
          timestamptz '2024-01-01' + random() * interval '300 days' as created
        from (
          select i, random() as r0, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5,
            random() as r6, random() as r7, random() as r8, random() as r9,
            (select array_agg(code order by code) from regions where code like '${city}%' and level = 4) as towns,
            (select array_agg(code order by code) from regions where code like '${city}%' and level = 3) as counties
          from generate_series(1, ${rows}) i
        ) g
        cross join lateral (
          select case when r0 < 0.55 then 'private' when r0 < 0.85 then 'individual' when r0 < 0.87 then 'foreign'
                      when r0 < 0.88 then 'hmt' when r0 < 0.93 then 'association' when r0 < 0.98 then 'social_service'
                      when r0 < 0.985 then 'foundation' else 'other' end as kind
        ) k
      ) a
    ) b
  ) c
) d`;
}

/** What the loader needs of a connection: pg's Client and PGlite both have it. */
export interface Queryable {
  query<R = any>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/**
 * Loads `rows` enterprises into an empty ledger and leaves it analysed and vacuumed.
 * `maintenanceWorkMem` is for the index rebuild; PGlite's WebAssembly heap wants it smaller.
 */
export async function loadLedger(
  client: pg.Client | Queryable,
  rows: number,
  log: (s: string) => void,
  maintenanceWorkMem = '1GB',
): Promise<void> {
  const c = client as Queryable;
  const { rows: indexes } = await c.query<{ name: string; def: string }>(
    `select indexname as name, indexdef as def from pg_indexes
     where schemaname = 'public' and tablename = 'enterprises' and indexname <> 'enterprises_pkey'`,
  );
  for (const i of indexes) await c.query(`drop index ${i.name}`);
  await c.query('select setseed(0.4205)');
  const p = phones(1000);
  log(`inserting ${rows} enterprises…`);
  await c.query(insertSql(rows), [p.cipher, p.hash]);
  log(`rebuilding ${indexes.length} indexes…`);
  await c.query(`set maintenance_work_mem = '${maintenanceWorkMem}'`);
  for (const i of indexes) await c.query(i.def);
  log('vacuum analyze…');
  await c.query('vacuum analyze enterprises');
}
