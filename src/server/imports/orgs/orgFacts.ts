// What the party-organization file's checks need from the database, read once per batch within
// the importer's scope: the staged rows and the orgs they match, the regions and covered
// enterprises they name, the standalone orgs over those enterprises, and what each matched org
// has now (open coverages, secretary, latest term, members, named references).
import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { OrgInput } from '../../../domain/org/orgRow.ts';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { enterprises, orgOfficers, partyOrgs, regions } from '../../db/schema.ts';
import { orgInScope } from '../../orgs/scope.ts';
import { inRegionScope } from '../../regions/scope.ts';
import type { Batch } from '../batches.ts';
import type { StagedData } from './kinds.ts';
import { codeForm } from './refs.ts';

export type OrgRow = typeof partyOrgs.$inferSelect;
/** A referenced org: one in the database, or a new one of the file (by its position in the batch). */
export type Ref = { db: number; name: string } | { file: number; name: string };

export interface Entry {
  index: number;
  row: number;
  v: OrgInput | null;
  name: string | null;
  orgCode: string | null;
  regionCode: string | null;
  matched: OrgRow | null;
}

export interface EnterpriseRef {
  id: number;
  uscc: string;
  name: string;
}

export const intArray = (ids: Iterable<number>) => sql`${`{${[...ids].join(',')}}`}::int[]`;
/** A text[] parameter that survives any length and any character (passed as one JSON value). */
export const textArray = (values: readonly string[]) =>
  sql`array(select x.v from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb) as x(v))`;
const sameRegionName = (regionCode: string | null, name: string) => JSON.stringify([regionCode, name]);

/** The staged rows of the batch, each with what other rows may name it by and the org it matches. */
export async function loadEntries(tx: Tx, actor: Actor, batch: Batch) {
  const staged = await queryRows<{ row: number; data: StagedData }>(
    tx,
    sql`select row, data from import_rows where batch_id = ${batch.id} order by row`,
  );
  const entries: Entry[] = staged.map((s, index) => {
    const v = (s.data.v as OrgInput | undefined) ?? null;
    const raw = s.data.raw ?? {};
    return {
      index,
      row: s.row,
      v,
      name: v ? v.name : (raw.name ?? null),
      orgCode: v ? v.orgCode : (raw.orgCode ?? null),
      regionCode: v ? v.regionCode : (raw.regionCode ?? null),
      matched: null,
    };
  });

  const names = new Set<string>();
  const codes = new Set<string>();
  for (const e of entries) {
    if (e.name) names.add(e.name);
    if (e.orgCode) codes.add(e.orgCode);
    for (const ref of [e.v?.parentOrg, e.v?.managingOrg]) {
      if (!ref) continue;
      names.add(ref);
      codes.add(codeForm(ref));
    }
  }
  const conds: SQL[] = [];
  if (names.size) conds.push(inArray(partyOrgs.name, [...names]));
  if (codes.size) conds.push(inArray(partyOrgs.orgCode, [...codes]));
  const dbOrgs = conds.length
    ? await tx
        .select()
        .from(partyOrgs)
        .where(and(orgInScope(actor), or(...conds)))
    : [];
  const byCode = new Map(dbOrgs.filter((o) => o.orgCode).map((o) => [o.orgCode as string, o]));
  const byRegionName = new Map(dbOrgs.map((o) => [sameRegionName(o.regionCode, o.name), o]));
  for (const e of entries) {
    const sameCode = e.orgCode ? byCode.get(e.orgCode) : undefined;
    const sameName = e.name ? byRegionName.get(sameRegionName(e.regionCode, e.name)) : undefined;
    // A name already used with another code is another org: the row is in error (see checkIdentity).
    e.matched = sameCode ?? (sameName && (!e.orgCode || !sameName.orgCode) ? sameName : null);
  }
  const entryOfOrg = new Map<number, Entry>();
  for (const e of entries) if (e.matched && !entryOfOrg.has(e.matched.id)) entryOfOrg.set(e.matched.id, e);
  return {
    entries,
    dbOrgs,
    /** The org in scope of that name in that region. */
    sameName: (regionCode: string, name: string) => byRegionName.get(sameRegionName(regionCode, name)),
    /** The first row that matches each recorded org. */
    entryOfOrg,
  };
}

/** Which of the regions are known at all. */
export async function knownRegions(tx: Tx, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await tx.select({ code: regions.code }).from(regions).where(inArray(regions.code, codes));
  return new Set(rows.map((r) => r.code));
}

/**
 * Which of these credit codes an enterprise outside the importer's scope holds. Row-level security
 * hides such an enterprise; this asks only whether each code is taken there.
 */
export async function usccsOutsideScope(tx: Tx, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await queryRows<{ code: string }>(
    tx,
    sql`select code from unnest(${textArray(codes)}) as code where dangjian_uscc_outside_scope(code)`,
  );
  return new Set(rows.map((r) => r.code));
}

/**
 * The covered enterprises the rows name: those in the importer's scope, the codes taken outside
 * it, and the standalone orgs in force on `on` over the ones in scope — those the importer sees
 * by name, and any at all as the coverage function (which sees every org) answers.
 */
export async function coveredEnterprises(tx: Tx, actor: Actor, usccs: string[], on: string) {
  const found: EnterpriseRef[] = usccs.length
    ? await tx
        .select({ id: enterprises.id, uscc: enterprises.uscc, name: enterprises.name })
        .from(enterprises)
        .where(and(inArray(enterprises.uscc, usccs), inRegionScope(enterprises.regionCode, actor)))
    : [];
  const enterpriseOf = new Map(found.map((e) => [e.uscc, e]));
  const unknown = usccs.filter((u) => !enterpriseOf.has(u));
  const elsewhere = await usccsOutsideScope(tx, unknown);

  const enterpriseIds = found.map((e) => e.id);
  const holders = new Map<number, { id: number; name: string }[]>();
  const coverage = new Map<number, string | null>();
  if (enterpriseIds.length) {
    for (const h of await queryRows<{ enterprise_id: number; id: number; name: string }>(
      tx,
      sql`select c.enterprise_id, o.id, o.name from org_coverages c join party_orgs o on o.id = c.org_id
          where c.enterprise_id = any(${intArray(enterpriseIds)}) and o.formation = 'standalone'
            and c.start_on <= ${on}::date and (c.end_on is null or c.end_on > ${on}::date)
            and o.established_on <= ${on}::date and (o.dissolved_on is null or o.dissolved_on > ${on}::date)`,
    )) {
      holders.set(h.enterprise_id, [...(holders.get(h.enterprise_id) ?? []), { id: h.id, name: h.name }]);
    }
    for (const c of await queryRows<{ id: number; cov: string | null }>(
      tx,
      sql`select id, dangjian_org_coverage(id, ${on}::date) as cov from enterprises where id = any(${intArray(enterpriseIds)})`,
    )) {
      coverage.set(c.id, c.cov);
    }
  }
  return { enterpriseOf, elsewhere, holders, coverage };
}

/** What the matched orgs have now: open coverages, secretary, latest term, members, named references. */
export async function matchedOrgState(tx: Tx, dbOrgs: OrgRow[], matchedIds: Set<number>) {
  const ids = [...matchedIds];
  const openCoverages = new Map<number, { id: number; enterpriseId: number; uscc: string | null }[]>();
  const secretaryOf = new Map<number, { id: number; personName: string }>();
  const electionOf = new Map<number, { id: number; electedOn: string; endsOn: string }>();
  const membersOf = new Map<number, number>();
  const nameOf = new Map<number, string>(dbOrgs.map((o) => [o.id, o.name]));
  if (ids.length) {
    for (const c of await queryRows<{ id: number; org_id: number; enterprise_id: number; uscc: string | null }>(
      tx,
      sql`select c.id, c.org_id, c.enterprise_id, e.uscc from org_coverages c
          left join enterprises e on e.id = c.enterprise_id
          where c.org_id = any(${intArray(ids)}) and c.end_on is null order by c.id`,
    )) {
      openCoverages.set(c.org_id, [
        ...(openCoverages.get(c.org_id) ?? []),
        { id: c.id, enterpriseId: c.enterprise_id, uscc: c.uscc },
      ]);
    }
    for (const s of await tx
      .select({ id: orgOfficers.id, orgId: orgOfficers.orgId, personName: orgOfficers.personName })
      .from(orgOfficers)
      .where(and(inArray(orgOfficers.orgId, ids), eq(orgOfficers.post, 'secretary'), isNull(orgOfficers.endOn)))
      .orderBy(orgOfficers.id)) {
      secretaryOf.set(s.orgId, s);
    }
    for (const e of await queryRows<{ id: number; org_id: number; elected_on: string; ends_on: string }>(
      tx,
      sql`select distinct on (org_id) id, org_id, elected_on::text, ends_on::text from org_elections
          where org_id = any(${intArray(ids)}) order by org_id, elected_on desc, id desc`,
    )) {
      electionOf.set(e.org_id, { id: e.id, electedOn: e.elected_on, endsOn: e.ends_on });
    }
    for (const m of await queryRows<{ org_id: number; n: number }>(
      tx,
      sql`select org_id, count(*)::int as n from members
          where org_id = any(${intArray(ids)}) and left_on is null group by org_id`,
    )) {
      membersOf.set(m.org_id, m.n);
    }
    const referenced = dbOrgs
      .filter((o) => matchedIds.has(o.id))
      .flatMap((o) => [o.parentId, o.managingOrgId])
      .filter((id): id is number => id !== null && !nameOf.has(id));
    if (referenced.length) {
      for (const o of await tx
        .select({ id: partyOrgs.id, name: partyOrgs.name })
        .from(partyOrgs)
        .where(inArray(partyOrgs.id, referenced))) {
        nameOf.set(o.id, o.name);
      }
    }
  }
  return {
    openCoverages,
    secretaryOf,
    electionOf,
    membersOf,
    /** An org by its id, as a diff shows it; one above the importer's scope is not named. */
    named: (id: number | null) => (id === null ? null : (nameOf.get(id) ?? '（数据范围以外的党组织）')),
  };
}

class ProbeDone extends Error {}

/**
 * Which of these codes an org outside the importer's scope already uses. Row-level security
 * hides such an org; inserting the codes in a savepoint that is always rolled back answers
 * only whether each is free, and reveals nothing else.
 */
export async function codesTakenElsewhere(tx: Tx, probes: { code: string; region: string }[]): Promise<Set<string>> {
  if (probes.length === 0) return new Set();
  let free: string[] = [];
  try {
    await tx.transaction(async (sp) => {
      const rows = await queryRows<{ org_code: string }>(
        sp,
        sql`insert into party_orgs (name, org_code, region_code, type, formation, established_on)
            select '导入检查 ' || md5(random()::text || p.code), p.code, p.region, 'branch', 'standalone', current_date
            from jsonb_to_recordset(${JSON.stringify(probes)}::jsonb) as p(code text, region text)
            on conflict do nothing returning org_code`,
      );
      free = rows.map((r) => r.org_code);
      throw new ProbeDone();
    });
  } catch (err) {
    if (!(err instanceof ProbeDone)) throw err;
  }
  return new Set(probes.map((p) => p.code).filter((c) => !free.includes(c)));
}
