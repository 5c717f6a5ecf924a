import { sql } from 'drizzle-orm';
import { addDays, addMonths, localDateString } from '../../domain/calendarDate.ts';
import { makeIdNumber } from '../../domain/idNumber.ts';
import { pick, type Rand } from '../../domain/random.ts';
import { regionPrefix } from '../../domain/regionCode.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { createDevelopment, updateDevelopment } from '../developments/write.ts';
import type { Keys } from '../keys.ts';
import { createMember } from '../members/write.ts';
import { recordElection } from '../orgs/elections.ts';
import { addOfficer } from '../orgs/officers.ts';
import { createOrg } from '../orgs/write.ts';
import { createUser } from '../users/service.ts';
import type { DemoAccount } from './accounts.ts';
import { demoAwayMembers } from './away.ts';
import { chineseName } from './names.ts';

interface Unit {
  id: number;
  name: string;
  regionCode: string;
  townName: string;
  members: number;
  full: number;
}

/** Orgs whose members are recorded one by one; the others keep their reported counts. */
const ROSTER_ORGS = 40;
const DEVELOPMENT_ORGS = 12;

const day = (rand: Rand, from: string, to: string) => {
  const span = Math.max(0, (Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, Math.floor(rand() * span));
};

/**
 * Party organizations over the demo ledger, through the same services the app uses: most
 * enterprises with 3 or more full members get their own branch, neighbouring enterprises with
 * one or two members are grouped into joint branches, every org has a secretary and a term
 * (some due, some overdue), some orgs have their members recorded one by one, and a few have
 * people in development. A region that already has orgs is left as it is.
 */
export async function demoOrgs(
  tx: Tx,
  actor: Actor,
  keys: Keys,
  rand: Rand,
  regionCode: string,
  progress: (step: string, done: number, total: number) => void = () => {},
) {
  const prefix = regionPrefix(regionCode);
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from party_orgs where region_code like ${`${prefix}%`}`,
  );
  if (n > 0) return { orgs: 0, members: 0, developments: 0, accounts: [] as DemoAccount[] };

  const today = localDateString(new Date());
  const units = await queryRows<Unit>(
    tx,
    sql`select e.id, e.name, e.region_code as "regionCode", coalesce(r.name, e.region_code) as "townName",
          e.member_count as members, e.full_member_count as full
        from enterprises e left join regions r on r.code = e.region_code
        where e.region_code like ${`${prefix}%`} and e.in_scope and e.org_coverage is null
        order by e.id`,
  );
  const orgIds: { id: number; unit: Unit | null }[] = [];
  const established = () => day(rand, '2008-01-01', addMonths(today, -18));

  for (const u of units.filter((x) => x.full >= 3)) {
    if (rand() > 0.65) continue; // the rest stay 应建未建, for the work prompts
    const type = u.members >= 100 ? 'committee' : u.members >= 50 ? 'general_branch' : 'branch';
    const suffix = { committee: '委员会', general_branch: '总支部委员会', branch: '支部委员会' }[type];
    const org = await createOrg(tx, actor, {
      name: `中共${u.name}${suffix}`,
      orgCode: null,
      regionCode: u.regionCode,
      type,
      formation: 'standalone',
      jointBasis: null,
      parentId: null,
      managingOrgId: null,
      management: 'territorial',
      approvedBy: `中共${u.townName}委员会`,
      secretarySource: pick(rand, ['internal', 'internal', 'internal', 'dispatched', 'hired'] as const),
      reportedFullCount: u.full,
      reportedProbationaryCount: u.members - u.full,
      establishedOn: established(),
      enterpriseIds: [u.id],
    });
    orgIds.push({ id: org.id, unit: u });
  }

  // Enterprises with one or two members, in threes and fours by town: half of the groups form a joint branch.
  const byTown = new Map<string, Unit[]>();
  for (const u of units.filter((x) => x.members > 0 && x.full < 3)) {
    byTown.set(u.regionCode, [...(byTown.get(u.regionCode) ?? []), u]);
  }
  for (const [, group] of byTown) {
    for (let i = 0; i + 3 <= group.length; i += 4) {
      if (rand() > 0.5) continue;
      const chunk = group.slice(i, i + 3 + Math.floor(rand() * 2));
      const org = await createOrg(tx, actor, {
        name: `中共${chunk[0].townName}非公企业第${orgIds.length + 1}联合支部委员会`,
        orgCode: null,
        regionCode: chunk[0].regionCode,
        type: 'joint_branch',
        formation: 'joint',
        jointBasis: 'area',
        parentId: null,
        managingOrgId: null,
        management: 'territorial',
        approvedBy: `中共${chunk[0].townName}委员会`,
        secretarySource: 'dispatched',
        reportedFullCount: chunk.reduce((s, u) => s + u.full, 0),
        reportedProbationaryCount: chunk.reduce((s, u) => s + u.members - u.full, 0),
        establishedOn: established(),
        enterpriseIds: chunk.map((u) => u.id),
      });
      orgIds.push({ id: org.id, unit: null });
    }
  }

  for (const [k, { id }] of orgIds.entries()) {
    progress('党组织', k, orgIds.length);
    const [{ establishedOn }] = await queryRows<{ establishedOn: string }>(
      tx,
      sql`select established_on::text as "establishedOn" from party_orgs where id = ${id}`,
    );
    // Terms from 1 to 4 years ago: some run on, some fall due within months, some are overdue.
    const from = establishedOn > addMonths(today, -48) ? establishedOn : addMonths(today, -48);
    await recordElection(tx, actor, id, {
      electedOn: day(rand, from, addMonths(today, -12)),
      termYears: null,
      adjustmentMonths: 0,
      adjustmentApprovedBy: null,
      adjustmentApprovedOn: null,
    });
    await addOfficer(tx, actor, id, {
      post: 'secretary',
      personName: chineseName(rand),
      memberId: null,
      startOn: null,
    });
  }

  progress('党组织', orgIds.length, orgIds.length);
  let members = 0;
  const county = regionCode.slice(0, 6).endsWith('00') ? `${regionCode.slice(0, 4)}02` : regionCode.slice(0, 6);
  const rostered = orgIds.filter((o) => o.unit && o.unit.members <= 30).slice(0, ROSTER_ORGS);
  const roster = rostered.reduce((n, o) => n + (o.unit as Unit).members, 0);
  for (const { id, unit } of rostered) {
    const u = unit as Unit;
    for (let k = 0; k < u.members; k++) {
      progress('党员名册', members, roster);
      const full = k < u.full;
      const birth = day(rand, '1962-01-01', '2000-12-31');
      const joinedOn = full
        ? day(rand, addMonths(birth, 12 * 22), addMonths(today, -14))
        : day(rand, addMonths(today, -11), today);
      await createMember(tx, actor, keys, {
        name: chineseName(rand),
        idNumber: makeIdNumber(rand, { regionCode: county, birthDate: birth, sex: rand() < 0.6 ? 'male' : 'female' }),
        status: full ? 'full' : 'probationary',
        joinedOn,
        fullOn: full ? addMonths(joinedOn, 12) : null,
        orgId: id,
        employerId: u.id,
        position: pick(rand, ['总经理', '生产主管', '技术员', '财务', '销售经理', '车间主任', '职工']),
        phone: `1${pick(rand, ['3', '5', '7', '8', '9'])}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
        ethnicity: '汉族',
        education: pick(rand, ['bachelor', 'college', 'high_school', 'postgraduate']),
        relationOrgName: null,
        cultivation: rand() < 0.3 ? [pick(rand, ['member_to_backbone', 'to_manager'])] : [],
      });
      members++;
    }
  }
  progress('党员名册', members, roster);
  await demoAwayMembers(tx, actor, prefix, today);

  let developments = 0;
  for (const { id, unit } of orgIds.filter((o) => o.unit).slice(0, DEVELOPMENT_ORGS)) {
    const birth = day(rand, '1985-01-01', '2003-12-31');
    const appliedOn = day(rand, addMonths(today, -30), addMonths(today, -1));
    const created = await createDevelopment(
      tx,
      actor,
      keys,
      {
        orgId: id,
        name: chineseName(rand),
        idNumber: makeIdNumber(rand, { regionCode: county, birthDate: birth, sex: rand() < 0.5 ? 'male' : 'female' }),
        employerId: unit?.id ?? null,
        appliedOn,
      },
      today,
    );
    // About half have had their talk and been made activists; the rest are waiting (some overdue).
    if (rand() < 0.5) {
      const activistOn = addMonths(appliedOn, 1) < today ? addMonths(appliedOn, 1) : appliedOn;
      await updateDevelopment(
        tx,
        actor,
        keys,
        created.id,
        {
          talkedOn: addDays(appliedOn, 14) < today ? addDays(appliedOn, 14) : appliedOn,
          activistOn,
          contacts: [chineseName(rand), chineseName(rand)],
        },
        today,
      );
    }
    developments++;
  }

  // A secretary of the first org with its own branch, to show a secretary's narrow scope.
  const accounts: DemoAccount[] = [];
  const first = orgIds.find((o) => o.unit);
  if (first?.unit) {
    // The account is the org's secretary's: it bears the name the org records for its
    // secretary. A name is still drawn (and unused), so what follows stays as it was per seed.
    chineseName(rand);
    const [{ displayName }] = await queryRows<{ displayName: string }>(
      tx,
      sql`select person_name as "displayName" from org_officers
          where org_id = ${first.id} and post = 'secretary' and end_on is null`,
    );
    const username = `sj${regionCode}`;
    const created = await createUser(tx, actor, {
      username,
      displayName,
      regionCode: first.unit.regionCode,
      roles: ['secretary'],
      orgId: first.id,
    });
    accounts.push({
      username,
      displayName,
      role: 'secretary',
      regionCode: first.unit.regionCode,
      oneTimePassword: created.oneTimePassword,
    });
  }
  return { orgs: orgIds.length, members, developments, accounts };
}
