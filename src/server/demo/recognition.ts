// Demo secretary pool and honours (issue #13 items 9–10): a county pool of people from the
// channels document 001 names, a few sent to joint branches (one back already, succeeded
// by another), honours like document 004's 先锋号/先锋岗 and a few demonstration sites — all
// through the services the app uses, so every rule applies to them too.
import { sql } from 'drizzle-orm';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import { pick, type Rand } from '../../domain/random.ts';
import { POOL_ORIGINS, type PoolOrigin } from '../../domain/recognition/codes.ts';
import { regionPrefix } from '../../domain/regionCode.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { createHonour, createSite } from '../honours/write.ts';
import type { Keys } from '../keys.ts';
import { endOfficer } from '../orgs/officers.ts';
import { dispatchSecretary, returnSecretary } from '../secretaryPool/dispatch.ts';
import { createPoolSecretary } from '../secretaryPool/write.ts';
import { chineseName } from './names.ts';

const UNITS: Record<PoolOrigin, string[]> = {
  agency: ['县委组织部', '县商务局', '县经信局', '县市场监管局'],
  institution: ['县人才交流中心', '县职业技术学校', '县融媒体中心'],
  soe: ['县城投公司', '县供销社', '县粮食储备公司'],
  retired_cadre: ['县人社局（退休）', '县总工会（退休）', '县委党校（退休）'],
  graduate: ['三峡大学', '湖北工业大学', '宜昌职业技术学院'],
  veteran: ['县退役军人事务局安置'],
  recruited: ['县人才市场公开招聘'],
  other: ['社区推荐'],
};
const ORG_TITLES = ['建设小康先锋号先进党组织', '先进基层党组织', '五好党支部', '四强党组织'];
const MEMBER_TITLES = ['建设小康先锋岗先进个人', '优秀共产党员', '优秀党务工作者'];
const BODIES = [
  { body: '省非公企业党工委', level: 'province' },
  { body: '市委组织部', level: 'city' },
  { body: '县委', level: 'county' },
  { body: '县非公企业党工委', level: 'county' },
] as const;

const day = (rand: Rand, from: string, to: string) => addDays(from, Math.floor(rand() * (daysFrom(from, to) + 1)));
const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const later = (a: string, b: string) => (a > b ? a : b);

export async function demoRecognition(tx: Tx, actor: Actor, keys: Keys, rand: Rand, regionCode: string) {
  const prefix = `${regionPrefix(regionCode)}%`;
  const none = { pool: 0, dispatches: 0, honours: 0, sites: 0 };
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from pool_secretaries where region_code like ${prefix}`,
  );
  if (n > 0) return none;
  const today = localDateString(new Date());
  const county = regionCode.length === 6 && !regionCode.endsWith('00') ? regionCode : null;
  const [home] = county
    ? [{ code: county }]
    : await queryRows<{ code: string }>(
        tx,
        sql`select code from regions where parent_code = ${regionCode} order by code limit 1`,
      );
  if (!home) return none;

  const people: number[] = [];
  const enter = async (origin: PoolOrigin, enteredOn: string) => {
    const { id } = await createPoolSecretary(tx, actor, keys, {
      name: chineseName(rand),
      sex: rand() < 0.7 ? 'male' : 'female',
      birthDate: day(rand, '1960-01-01', '1998-12-31'),
      phone: `13${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
      origin,
      originUnit: pick(rand, UNITS[origin]),
      regionCode: home.code,
      enteredOn,
      note: null,
    });
    people.push(id);
    return id;
  };

  // Joint branches first: their secretary is the one most often sent from outside.
  const orgs = await queryRows<{ id: number; establishedOn: string }>(
    tx,
    sql`select id, established_on::text as "establishedOn" from party_orgs
        where region_code like ${prefix} and dissolved_on is null and established_on < ${addDays(today, -60)}::date
        order by (secretary_source = 'dispatched') desc, id limit 4`,
  );
  let dispatches = 0;
  const send = async (orgId: number, on: string, origin: PoolOrigin) => {
    const [sitting] = await queryRows<{ id: number }>(
      tx,
      sql`select id from org_officers where org_id = ${orgId} and post = 'secretary' and end_on is null`,
    );
    if (sitting) await endOfficer(tx, actor, orgId, sitting.id, on);
    const person = await enter(origin, addDays(on, -30 - Math.floor(rand() * 90)));
    const { id } = await dispatchSecretary(tx, actor, person, { orgId, startOn: on, note: '县委组织部选派' });
    dispatches++;
    return { person, id };
  };
  for (const [i, org] of orgs.entries()) {
    const since = later(addDays(org.establishedOn, 1), addDays(today, -30 - Math.floor(rand() * 300)));
    // The first has had one before: sent a year earlier, back the day the present one came.
    const before = addDays(since, -365);
    if (i === 0 && before > org.establishedOn) {
      const first = await send(org.id, before, 'retired_cadre');
      await returnSecretary(tx, actor, first.person, first.id, since);
    }
    await send(org.id, since, pick(rand, ['agency', 'soe', 'institution'] as const));
  }
  // The rest wait in the pool, from every channel.
  for (const { code } of POOL_ORIGINS) await enter(code, day(rand, addDays(today, -700), addDays(today, -5)));

  let honours = 0;
  const honoured = await queryRows<{ id: number; establishedOn: string }>(
    tx,
    sql`select id, established_on::text as "establishedOn" from party_orgs
        where region_code like ${prefix} and dissolved_on is null and established_on < ${addDays(today, -400)}::date
        order by id limit 6`,
  );
  for (const org of honoured.slice(0, 4)) {
    const by = pick(rand, BODIES);
    await createHonour(tx, actor, {
      orgId: org.id,
      memberId: null,
      title: pick(rand, ORG_TITLES),
      awardingBody: by.body,
      level: by.level,
      awardedOn: day(rand, later(org.establishedOn, addDays(today, -1000)), addDays(today, -10)),
      note: null,
    });
    honours++;
  }
  const members = await queryRows<{ id: number; joinedOn: string }>(
    tx,
    sql`select m.id, m.joined_on::text as "joinedOn" from members m join party_orgs o on o.id = m.org_id
        where o.region_code like ${prefix} and m.left_on is null and m.status = 'full'
        order by m.id limit 5`,
  );
  for (const m of members) {
    const by = pick(rand, BODIES);
    await createHonour(tx, actor, {
      orgId: null,
      memberId: m.id,
      title: pick(rand, MEMBER_TITLES),
      awardingBody: by.body,
      level: by.level,
      awardedOn: day(rand, addDays(today, -700), addDays(today, -10)),
      note: null,
    });
    honours++;
  }

  // The 示范点 of document 001's 创五有、促发展 campaign: a few orgs and one enterprise.
  let sites = 0;
  const year = Number(today.slice(0, 4));
  for (const [i, org] of honoured.slice(0, 3).entries()) {
    await createSite(tx, actor, {
      orgId: org.id,
      enterpriseId: null,
      name: '“创五有、促发展”示范点',
      level: i === 0 ? 'city' : 'county',
      year: year - i,
      awardingBody: i === 0 ? '市委组织部' : '县委组织部',
      note: null,
    });
    sites++;
  }
  const [covered] = await queryRows<{ id: number }>(
    tx,
    sql`select id from enterprises where region_code like ${prefix} and org_coverage is not null order by employees desc limit 1`,
  );
  if (covered) {
    await createSite(tx, actor, {
      orgId: null,
      enterpriseId: covered.id,
      name: '非公企业党建工作示范点',
      level: 'county',
      year,
      awardingBody: '县非公企业党工委',
      note: null,
    });
    sites++;
  }
  return { pool: people.length, dispatches, honours, sites };
}
