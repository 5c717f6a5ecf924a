// The party-organization file against the database: each row's region, covered enterprises
// and referenced orgs resolved within the importer's scope, the row matched to an org already
// recorded (by 党组织代码, else by name within the region) and compared field by field; then,
// on confirmation, written by the org area's rules: coverage that moves the ledger categories,
// the current term as an election, the secretary as an officer, dissolution ending coverage.
import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { daysBetween } from '../../../domain/calendarDate.ts';
import { labelOf } from '../../../domain/enterprise/codes.ts';
import { regionNotFoundMessage } from '../../../domain/enterprise/messages.ts';
import { FORMATIONS } from '../../../domain/org/codes.ts';
import { type OrgColumnKey, orgHeaderOf } from '../../../domain/org/orgColumns.ts';
import { checkOrgFile, type OrgInput } from '../../../domain/org/orgRow.ts';
import { DEFAULT_TERM_YEARS, termEnd } from '../../../domain/org/terms.ts';
import type { Actor } from '../../actor.ts';
import { auditChange } from '../../audit/audit.ts';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { enterprises, orgCoverages, orgElections, orgOfficers, partyOrgs, regions } from '../../db/schema.ts';
import { refreshOrgCoverage } from '../../orgs/coverage.ts';
import { orgInScope } from '../../orgs/scope.ts';
import { codeInScope, inRegionScope } from '../../regions/scope.ts';
import { today } from '../../today.ts';
import type { Batch } from '../batches.ts';
import type { StagedData } from './kinds.ts';
import { type Candidate, codeForm, describeAmbiguity, resolveRef } from './refs.ts';
import { type Issue, type RowOutcome, recordOutcomes, warningsOf } from './stage.ts';

type OrgRow = typeof partyOrgs.$inferSelect;
type Diff = Record<string, { before: unknown; after: unknown }>;
/** A referenced org: one in the database, or a new one of the file (by its position in the batch). */
type Ref = { db: number; name: string } | { file: number; name: string };

interface Entry {
  index: number;
  row: number;
  v: OrgInput | null;
  name: string | null;
  orgCode: string | null;
  regionCode: string | null;
  matched: OrgRow | null;
}

interface EnterpriseRef {
  id: number;
  uscc: string;
  name: string;
}

interface TermPlan {
  electedOn: string;
  endsOn: string;
  termYears: number;
  /** For an org already recorded: a new election, or the end of the one recorded on that day. */
  update: number | null;
}

export interface OrgPlan {
  index: number;
  row: number;
  v: OrgInput;
  existing: OrgRow | null;
  enterprises: EnterpriseRef[];
  /** undefined: the file says nothing (no such column) or the reference is in error. */
  parent?: Ref | null;
  managing?: Ref | null;
  /** The columns of party_orgs an existing org changes. */
  profile: Partial<typeof partyOrgs.$inferInsert>;
  coverageAdd: number[];
  coverageEnd: { id: number; enterpriseId: number }[];
  dissolve: boolean;
  term: TermPlan | null;
  secretary: { personName: string; endOfficer: number | null } | null;
  /** Rows this row needs written first; in partial mode their errors become this row's. */
  deps: { index: number; column: OrgColumnKey; message: string }[];
  errors: Issue[];
  warnings: Issue[];
  diff: Diff;
  outcome: RowOutcome['outcome'];
}

const H = orgHeaderOf;
const intArray = (ids: Iterable<number>) => sql`${`{${[...ids].join(',')}}`}::int[]`;
const textArray = (values: readonly string[]) =>
  sql`array(select x.v from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb) as x(v))`;

/** The staged rows of the batch, each with what other rows may name it by and the org it matches. */
async function loadEntries(tx: Tx, actor: Actor, batch: Batch) {
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
  const byRegionName = new Map(dbOrgs.map((o) => [JSON.stringify([o.regionCode, o.name]), o]));
  for (const e of entries) {
    const sameCode = e.orgCode ? byCode.get(e.orgCode) : undefined;
    const sameName = e.name ? byRegionName.get(JSON.stringify([e.regionCode, e.name])) : undefined;
    // A name already used with another code is another org: the row is in error (see planOrgs).
    e.matched = sameCode ?? (sameName && (!e.orgCode || !sameName.orgCode) ? sameName : null);
  }
  return { entries, dbOrgs, byRegionName };
}

/** What the row's term columns record: the current term, its end computed from the type when absent. */
function termOf(v: OrgInput, warn: (key: OrgColumnKey, message: string) => void): Omit<TermPlan, 'update'> | null {
  if (v.termStart === null) {
    if (v.termEnd !== null) warn('termEnd', `填写了${H('termEnd')}但未填写${H('termStart')}，本届任期未记录`);
    return null;
  }
  if (v.termEnd !== null) {
    // A term typed in the ledger is kept as typed; its length in whole years is recorded with it.
    const years = Math.min(10, Math.max(1, Math.round(daysBetween(v.termStart, v.termEnd) / 365.25)));
    return { electedOn: v.termStart, endsOn: v.termEnd, termYears: years };
  }
  const years = DEFAULT_TERM_YEARS[v.type];
  if (years === null) {
    warn('termStart', `临时党支部不实行任期制，未填写${H('termEnd')}时本届任期不记录`);
    return null;
  }
  const end = termEnd({ electedOn: v.termStart, termYears: years });
  return end.ok ? { electedOn: v.termStart, endsOn: end.value, termYears: years } : null;
}

/** Whether `candidate` lies below `ancestor` in the tree (as the org service checks a new parent). */
async function isDescendant(tx: Tx, candidate: number, ancestor: number): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(
    tx,
    sql`with recursive up as (
          select id, parent_id from party_orgs where id = ${candidate}
          union select o.id, o.parent_id from party_orgs o join up on o.id = up.parent_id)
        select exists (select 1 from up where id = ${ancestor}) as found`,
  );
  return rows[0]?.found ?? false;
}

class ProbeDone extends Error {}

/**
 * Which of these codes an org outside the importer's scope already uses. Row-level security
 * hides such an org; inserting the codes in a savepoint that is always rolled back answers
 * only whether each is free, and reveals nothing else.
 */
async function codesTakenElsewhere(tx: Tx, probes: { code: string; region: string }[]): Promise<Set<string>> {
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

/**
 * Checks every row that parsed against the database and plans what it would write. Pure
 * reading (the code probe is rolled back); run at preview and again at confirmation, so what
 * is written is what the database holds then.
 */
export async function planOrgs(tx: Tx, actor: Actor, batch: Batch): Promise<OrgPlan[]> {
  const on = today();
  const columns = new Set(batch.columns);
  const { entries, dbOrgs, byRegionName } = await loadEntries(tx, actor, batch);
  const valid = entries.filter((e): e is Entry & { v: OrgInput } => e.v !== null);
  const matchedIds = new Set(entries.flatMap((e) => (e.matched ? [e.matched.id] : [])));
  const entryOfOrg = new Map<number, Entry>();
  for (const e of entries) if (e.matched && !entryOfOrg.has(e.matched.id)) entryOfOrg.set(e.matched.id, e);

  // The checks that need only the file: repeated codes and names, two standalone orgs over one
  // enterprise, a parent named only further down.
  const fileIssues = new Map<number, Issue[]>();
  for (const i of checkOrgFile(valid.map((e) => ({ row: e.row, value: e.v })))) {
    fileIssues.set(i.row, [...(fileIssues.get(i.row) ?? []), { ...i, severity: 'error' }]);
  }

  const regionCodes = [...new Set(valid.map((e) => e.v.regionCode))];
  const known = new Set(
    regionCodes.length
      ? (await tx.select({ code: regions.code }).from(regions).where(inArray(regions.code, regionCodes))).map(
          (r) => r.code,
        )
      : [],
  );

  const usccs = [...new Set(valid.flatMap((e) => e.v.coveredUscc))];
  const found = usccs.length
    ? await tx
        .select({ id: enterprises.id, uscc: enterprises.uscc, name: enterprises.name })
        .from(enterprises)
        .where(and(inArray(enterprises.uscc, usccs), inRegionScope(enterprises.regionCode, actor)))
    : [];
  const enterpriseOf = new Map(found.map((e) => [e.uscc, e]));
  const unknown = usccs.filter((u) => !enterpriseOf.has(u));
  // Row-level security hides enterprises outside the scope; this asks only whether the code is taken there.
  const elsewhere = new Set(
    unknown.length
      ? (
          await queryRows<{ code: string }>(
            tx,
            sql`select code from unnest(${textArray(unknown)}) as code where dangjian_uscc_outside_scope(code)`,
          )
        ).map((r) => r.code)
      : [],
  );

  // Standalone orgs in force today over these enterprises: those the importer sees by name, and
  // any at all as the coverage function (which sees every org) answers.
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

  // What the matched orgs have now: open coverages, secretary, latest term, members, named references.
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
  /** An org by its id, as a diff shows it; one above the importer's scope is not named. */
  const named = (id: number | null) => (id === null ? null : (nameOf.get(id) ?? '（数据范围以外的党组织）'));

  /** What a reference may name: rows of the file (before this one, or anywhere) and orgs in scope. */
  const candidatesFor = (i: number, before: boolean): Candidate<Ref>[] => {
    const list: Candidate<Ref>[] = [];
    const inFile = new Set<number>();
    for (const e of entries) {
      if (e.index === i || (before && e.index > i)) continue;
      const target: Ref = e.matched
        ? { db: e.matched.id, name: e.name ?? e.matched.name }
        : { file: e.index, name: e.name ?? '' };
      list.push({ name: e.name, orgCode: e.orgCode ?? e.matched?.orgCode ?? null, regionCode: e.regionCode, target });
      if (e.matched) {
        inFile.add(e.matched.id);
        // Still known by the name it has now, if the file renames it.
        if (e.matched.name !== e.name) {
          list.push({ name: e.matched.name, orgCode: null, regionCode: e.matched.regionCode, target });
        }
      }
    }
    for (const o of dbOrgs) {
      if (!inFile.has(o.id))
        list.push({ name: o.name, orgCode: o.orgCode, regionCode: o.regionCode, target: { db: o.id, name: o.name } });
    }
    return list;
  };

  const plans: OrgPlan[] = [];
  for (const e of valid) {
    const v = e.v;
    const existing = e.matched;
    const plan: OrgPlan = {
      index: e.index,
      row: e.row,
      v,
      existing,
      enterprises: [],
      profile: {},
      coverageAdd: [],
      coverageEnd: [],
      dissolve: false,
      term: null,
      secretary: null,
      deps: [],
      errors: [...(fileIssues.get(e.row) ?? [])],
      warnings: [],
      diff: {},
      outcome: 'error',
    };
    plans.push(plan);
    const err = (key: OrgColumnKey, message: string) =>
      plan.errors.push({ row: e.row, column: H(key), message, severity: 'error' });
    const warn = (key: OrgColumnKey, message: string) =>
      plan.warnings.push({ row: e.row, column: H(key), message, severity: 'warning' });
    const flagged = (key: OrgColumnKey) => plan.errors.some((i) => i.column === H(key));

    // Region: known, and inside the importer's scope.
    if (!known.has(v.regionCode)) err('regionCode', regionNotFoundMessage(v.regionCode));
    else if (!codeInScope(v.regionCode, actor)) {
      err('regionCode', `${H('regionCode')}“${v.regionCode}”不在您的数据范围内，不能导入该地区的党组织`);
    }

    // The org it is, if already recorded.
    const sameName = byRegionName.get(JSON.stringify([v.regionCode, v.name]));
    if (!existing && v.orgCode && sameName?.orgCode && sameName.orgCode !== v.orgCode) {
      err(
        'orgCode',
        `${H('regionCode')} ${v.regionCode} 下已有名为“${v.name}”的党组织，其${H('orgCode')}为“${sameName.orgCode}”，与本行的“${v.orgCode}”不同，请核对`,
      );
    }
    if (existing) {
      if (sameName && sameName.id !== existing.id) {
        err('name', `行政区划 ${v.regionCode} 内已有名为“${v.name}”的党组织，同一地区的党组织名称不能重复`);
      }
      const first = entryOfOrg.get(existing.id);
      if (first && first.index !== e.index && !flagged('orgCode') && !flagged('name')) {
        err('name', `与第 ${first.row} 行是系统中的同一个党组织“${existing.name}”，同一党组织只能占一行`);
      }
      if (existing.regionCode !== v.regionCode) {
        err('regionCode', `系统中该党组织的${H('regionCode')}为 ${existing.regionCode}，导入不能把党组织移到其他地区`);
      }
      if (existing.formation !== v.formation) {
        err(
          'formation',
          `系统中该党组织为${labelOf(FORMATIONS, existing.formation as OrgInput['formation'])}，导入不能改变已有党组织的组建形式`,
        );
      }
      if (existing.establishedOn !== v.establishedOn) {
        err(
          'establishedOn',
          `系统中该党组织的${H('establishedOn')}为 ${existing.establishedOn}，导入不能修改已有党组织的成立日期`,
        );
      }
    }
    // The org area's rule (the row parser only warns).
    if (v.type === 'joint_branch' && v.formation !== 'joint') err('type', '联合党支部的组建形式应为联合组建');

    // Covered enterprises: in the ledger, within the scope.
    for (const code of v.coveredUscc) {
      const found = enterpriseOf.get(code);
      if (found) plan.enterprises.push(found);
      else if (elsewhere.has(code)) {
        err('coveredUscc', `${H('coveredUscc')}中的“${code}”对应的企业不在您的数据范围内，不能由本辖区的党组织覆盖`);
      } else {
        err('coveredUscc', `${H('coveredUscc')}中的“${code}”不在企业台账中：覆盖的企业须已在台账中，请先导入企业台账`);
      }
    }
    // An enterprise has at most one standalone org in force. Orgs of other rows of the file are
    // the file check's business; in partial mode such a row must be written for this one to be.
    if (v.formation === 'standalone' && v.dissolvedOn === null) {
      for (const ent of plan.enterprises) {
        const all = (holders.get(ent.id) ?? []).filter((o) => o.id !== existing?.id);
        const other = all.find((o) => !matchedIds.has(o.id));
        if (other) {
          err(
            'coveredUscc',
            `企业“${ent.name}”（${ent.uscc}）已有单独组建的党组织“${other.name}”，一家企业只能有一个单独组建的党组织`,
          );
        } else if (all.length === 0 && !holders.has(ent.id) && coverage.get(ent.id) === 'standalone') {
          err(
            'coveredUscc',
            `企业“${ent.name}”（${ent.uscc}）已有单独组建的党组织（不在您的数据范围内），一家企业只能有一个单独组建的党组织`,
          );
        }
        for (const o of all.filter((o) => matchedIds.has(o.id))) {
          const owner = entryOfOrg.get(o.id) as Entry;
          plan.deps.push({
            index: owner.index,
            column: 'coveredUscc',
            message: `企业“${ent.name}”（${ent.uscc}）现有单独组建的党组织“${o.name}”在第 ${owner.row} 行，该行有错误未导入，本行也不能导入`,
          });
        }
      }
    }

    // 上级党组织 and 管理党组织.
    const reference = async (key: 'parentOrg' | 'managingOrg', before: boolean): Promise<Ref | null | undefined> => {
      if (!columns.has(key) || flagged(key)) return undefined;
      const ref = v[key];
      if (ref === null) return null;
      if (key === 'managingOrg' && (ref === v.name || (v.orgCode !== null && codeForm(ref) === v.orgCode))) {
        err(key, `${H(key)}“${ref}”就是本党组织，管理党组织应为另一个党组织`);
        return undefined;
      }
      const r = resolveRef(ref, candidatesFor(e.index, before), v.regionCode);
      if (!r.ok) {
        err(
          key,
          r.kind === 'ambiguous'
            ? `${H(key)}“${ref}”对应多个党组织（${describeAmbiguity(r.among)}），请改填党组织代码`
            : key === 'parentOrg'
              ? `${H(key)}“${ref}”不存在或不在您的数据范围内：上级党组织须已在系统中，或在本文件中更靠前的行`
              : `${H(key)}“${ref}”不存在或不在您的数据范围内：须为系统中已有的党组织，或本文件中的党组织`,
        );
        return undefined;
      }
      const target = r.target;
      if ('db' in target && existing && target.db === existing.id) {
        err(key, `${H(key)}“${ref}”就是本党组织，${H(key)}应为另一个党组织`);
        return undefined;
      }
      if (key === 'parentOrg' && 'db' in target && existing && (await isDescendant(tx, target.db, existing.id))) {
        err(key, `${H(key)}“${ref}”是本党组织的下级组织，不能作为上级党组织`);
        return undefined;
      }
      if ('file' in target) {
        plan.deps.push({
          index: target.file,
          column: key,
          message: `${H(key)}“${ref}”在第 ${entries[target.file].row} 行，该行有错误未导入，本行也不能导入`,
        });
      }
      return target;
    };
    plan.parent = await reference('parentOrg', true);
    plan.managing = await reference('managingOrg', false);

    const term = termOf(v, warn);
    if (!existing) {
      plan.term = term && { ...term, update: null };
      if (v.secretaryName) plan.secretary = { personName: v.secretaryName, endOfficer: null };
    } else {
      const d = plan.diff;
      const set = <K extends keyof OrgRow>(key: string, column: K, after: OrgRow[K]) => {
        if (existing[column] === after) return;
        d[key] = { before: existing[column], after };
        (plan.profile as Record<string, unknown>)[column] = after;
      };
      set('name', 'name', v.name);
      // An empty 党组织代码 never clears a code the organization department gave.
      if (v.orgCode !== null && existing.orgCode === null) set('orgCode', 'orgCode', v.orgCode);
      if (columns.has('type')) set('type', 'type', v.type);
      if (columns.has('jointBasis')) set('jointBasis', 'jointBasis', v.jointBasis);
      if (columns.has('approvedBy')) set('approvedBy', 'approvedBy', v.approvedBy);
      if (columns.has('secretarySource')) set('secretarySource', 'secretarySource', v.secretarySource);
      if (columns.has('fullMemberCount')) set('fullMemberCount', 'reportedFullCount', v.fullMemberCount);
      if (columns.has('probationaryCount')) set('probationaryCount', 'reportedProbationaryCount', v.probationaryCount);
      if (columns.has('management')) set('management', 'management', v.management);
      for (const [key, column, ref] of [
        ['parentOrg', 'parentId', plan.parent],
        ['managingOrg', 'managingOrgId', plan.managing],
      ] as const) {
        if (ref === undefined) continue;
        const before = existing[column];
        const after = ref === null ? null : 'db' in ref ? ref.db : undefined;
        if (after !== undefined && after === before) continue;
        d[key] = { before: named(before), after: ref?.name ?? null };
        if (after !== undefined) (plan.profile as Record<string, unknown>)[column] = after;
      }

      // Dissolution: recorded once, never undone by an import.
      if (columns.has('dissolvedOn')) {
        if (existing.dissolvedOn !== null) {
          if (existing.dissolvedOn !== v.dissolvedOn) {
            err('dissolvedOn', `该党组织已于 ${existing.dissolvedOn} 撤销，导入不能撤回或修改撤销日期`);
          }
        } else if (v.dissolvedOn !== null) {
          const n = membersOf.get(existing.id) ?? 0;
          if (n > 0) err('dissolvedOn', `党组织还有 ${n} 名党员，请先转出组织关系，再填写${H('dissolvedOn')}`);
          plan.dissolve = true;
          d.dissolvedOn = { before: null, after: v.dissolvedOn };
        }
      }

      // Coverage of an org in force: enterprises added from today, others ended today. Coverage
      // of enterprises outside the importer's scope is not theirs to change.
      if (existing.dissolvedOn === null && !plan.dissolve && !flagged('coveredUscc')) {
        const open = (openCoverages.get(existing.id) ?? []).filter((c) => c.uscc !== null);
        const listed = new Set(plan.enterprises.map((x) => x.id));
        plan.coverageAdd = plan.enterprises.filter((x) => !open.some((c) => c.enterpriseId === x.id)).map((x) => x.id);
        plan.coverageEnd = open.filter((c) => !listed.has(c.enterpriseId));
        if (plan.coverageAdd.length || plan.coverageEnd.length) {
          d.coveredUscc = { before: open.map((c) => c.uscc), after: plan.enterprises.map((x) => x.uscc) };
        }
      }

      // The current term: a later election is added; the end of the one recorded that day is
      // corrected only when the file gives the end (an approved adjustment is not undone).
      if (term && columns.has('termStart')) {
        const latest = electionOf.get(existing.id);
        if (!latest || latest.electedOn < term.electedOn) {
          plan.term = { ...term, update: null };
          d.termStart = { before: latest?.electedOn ?? null, after: term.electedOn };
          d.termEnd = { before: latest?.endsOn ?? null, after: term.endsOn };
        } else if (latest.electedOn === term.electedOn) {
          if (v.termEnd !== null && latest.endsOn !== term.endsOn) {
            plan.term = { ...term, update: latest.id };
            d.termEnd = { before: latest.endsOn, after: term.endsOn };
          }
        } else {
          err('termStart', `系统中已记录 ${latest.electedOn} 的换届，${H('termStart')}（${term.electedOn}）不能早于它`);
        }
      }

      if (v.secretaryName && columns.has('secretaryName')) {
        const current = secretaryOf.get(existing.id);
        if (current?.personName !== v.secretaryName) {
          plan.secretary = { personName: v.secretaryName, endOfficer: current?.id ?? null };
          d.secretaryName = { before: current?.personName ?? null, after: v.secretaryName };
        }
      }
    }
  }

  // A new org's code may be taken by an org the importer cannot see.
  const probes = plans.filter((p) => !p.existing && p.v.orgCode !== null && p.errors.length === 0);
  const taken = await codesTakenElsewhere(
    tx,
    probes.map((p) => ({ code: p.v.orgCode as string, region: p.v.regionCode })),
  );
  for (const p of probes) {
    if (taken.has(p.v.orgCode as string)) {
      p.errors.push({
        row: p.row,
        column: H('orgCode'),
        message: `${H('orgCode')}“${p.v.orgCode}”已被您数据范围以外的党组织使用，党组织代码不能重复`,
        severity: 'error',
      });
    }
  }

  // Partial mode writes the rows without errors: a row that needs a row with errors cannot be written either.
  if (batch.partial) {
    const planOf = new Map(plans.map((p) => [p.index, p]));
    let spread = true;
    while (spread) {
      spread = false;
      for (const p of plans) {
        if (p.errors.length) continue;
        const dep = p.deps.find((d) => (planOf.get(d.index)?.errors.length ?? 1) > 0);
        if (!dep) continue;
        p.errors.push({ row: p.row, column: H(dep.column), message: dep.message, severity: 'error' });
        spread = true;
      }
    }
  }

  for (const p of plans) {
    p.outcome = p.errors.length
      ? 'error'
      : !p.existing
        ? 'added'
        : Object.keys(p.diff).length
          ? 'changed'
          : 'unchanged';
  }
  return plans;
}

/** The checks' result recorded on the batch's rows: outcomes, diffs, issues. */
export async function checkOrgs(tx: Tx, actor: Actor, batch: Batch): Promise<OrgPlan[]> {
  const plans = await planOrgs(tx, actor, batch);
  const staged = await queryRows<{ row: number; data: StagedData }>(
    tx,
    sql`select row, data from import_rows where batch_id = ${batch.id} and data->'v' is not null`,
  );
  const own = new Map(staged.map((s) => [s.row, warningsOf(s.data)]));
  await recordOutcomes(
    tx,
    batch.id,
    plans.map((p) => ({ row: p.row, outcome: p.outcome, diff: p.outcome === 'changed' ? p.diff : null })),
    plans.flatMap((p) => [...p.errors, ...(own.get(p.row) ?? []), ...p.warnings]),
  );
  return plans;
}

/**
 * Writes the planned rows in file order (a parent is always written before the rows under
 * it), then the managing orgs that are further down, then today's coverage of every enterprise
 * concerned, so the ledger categories move in the same transaction. Each org's change is audited.
 */
export async function writeOrgs(tx: Tx, actor: Actor, batchId: number, plans: OrgPlan[]) {
  const on = today();
  const idOf = new Map<number, number>();
  const affected = new Set<number>();
  const later: { orgId: number; ref: Ref }[] = [];
  const refId = (ref: Ref | null | undefined) =>
    ref == null ? null : 'db' in ref ? ref.db : (idOf.get(ref.file) ?? undefined);

  for (const p of plans) {
    if (p.existing) idOf.set(p.index, p.existing.id);
    if (p.outcome !== 'added' && p.outcome !== 'changed') continue;
    const v = p.v;
    let orgId: number;
    if (!p.existing) {
      const managingOrgId = refId(p.managing);
      const values = {
        name: v.name,
        orgCode: v.orgCode,
        regionCode: v.regionCode,
        type: v.type,
        formation: v.formation,
        jointBasis: v.jointBasis,
        parentId: refId(p.parent) ?? null,
        managingOrgId: managingOrgId ?? null,
        management: v.management,
        approvedBy: v.approvedBy,
        secretarySource: v.secretarySource,
        reportedFullCount: v.fullMemberCount,
        reportedProbationaryCount: v.probationaryCount,
        establishedOn: v.establishedOn,
        dissolvedOn: v.dissolvedOn,
      };
      const [org] = await tx.insert(partyOrgs).values(values).returning({ id: partyOrgs.id });
      orgId = org.id;
      idOf.set(p.index, orgId);
      if (managingOrgId === undefined && p.managing) later.push({ orgId, ref: p.managing });
      await tx
        .insert(orgCoverages)
        .values(
          p.enterprises.map((x) => ({ orgId, enterpriseId: x.id, startOn: v.establishedOn, endOn: v.dissolvedOn })),
        );
      for (const x of p.enterprises) affected.add(x.id);
      await auditChange(tx, actor, {
        action: 'org.create',
        entity: 'party_org',
        entityId: orgId,
        diff: {
          ...values,
          enterpriseIds: p.enterprises.map((x) => x.id),
          importBatchId: batchId,
        },
      });
    } else {
      orgId = p.existing.id;
      const profile = { ...p.profile };
      if (p.managing && 'file' in p.managing) {
        const id = refId(p.managing);
        if (id === undefined) later.push({ orgId, ref: p.managing });
        else profile.managingOrgId = id;
      }
      if (p.parent && 'file' in p.parent) profile.parentId = refId(p.parent) ?? null;
      if (p.dissolve) profile.dissolvedOn = v.dissolvedOn;
      if (Object.keys(profile).length) {
        await tx
          .update(partyOrgs)
          .set({ ...profile, updatedAt: new Date() })
          .where(eq(partyOrgs.id, orgId));
      }
      if (p.dissolve) {
        const ended = await queryRows<{ enterprise_id: number }>(
          tx,
          sql`update org_coverages set end_on = greatest(start_on, ${v.dissolvedOn}::date)
              where org_id = ${orgId} and end_on is null returning enterprise_id`,
        );
        for (const c of ended) affected.add(c.enterprise_id);
      }
      if (p.coverageAdd.length) {
        await tx
          .insert(orgCoverages)
          .values(p.coverageAdd.map((enterpriseId) => ({ orgId, enterpriseId, startOn: on })));
      }
      for (const c of p.coverageEnd) {
        await tx.update(orgCoverages).set({ endOn: on }).where(eq(orgCoverages.id, c.id));
      }
      for (const id of [...p.coverageAdd, ...p.coverageEnd.map((c) => c.enterpriseId)]) affected.add(id);
      await auditChange(tx, actor, {
        action: 'org.update',
        entity: 'party_org',
        entityId: orgId,
        diff: { ...p.diff, importBatchId: batchId },
      });
    }

    if (p.term) {
      const values = { electedOn: p.term.electedOn, termYears: p.term.termYears, endsOn: p.term.endsOn };
      if (p.term.update === null) await tx.insert(orgElections).values({ orgId, ...values });
      else await tx.update(orgElections).set(values).where(eq(orgElections.id, p.term.update));
    }
    if (p.secretary) {
      if (p.secretary.endOfficer !== null) {
        await tx.update(orgOfficers).set({ endOn: on }).where(eq(orgOfficers.id, p.secretary.endOfficer));
      }
      await tx.insert(orgOfficers).values({
        orgId,
        post: 'secretary',
        personName: p.secretary.personName,
        // A new org's secretary serves from the term's start; a successor from today.
        startOn: p.existing ? on : v.termStart,
        endOn: p.existing ? null : v.dissolvedOn,
      });
    }
  }
  for (const l of later) {
    await tx
      .update(partyOrgs)
      .set({ managingOrgId: refId(l.ref) ?? null })
      .where(eq(partyOrgs.id, l.orgId));
  }
  await refreshOrgCoverage(tx, actor, [...affected], on);
}
