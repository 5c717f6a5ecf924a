// The member roster against the database, a chunk of rows at a time: each row's org and
// employer resolved within the importer's scope, the member found by the keyed hash of the ID
// number (never the number itself) and compared field by field; then, on confirmation, the new
// and changed members written in bulk. No message, diff or audit row holds a full ID or phone
// number: the staging rows carry them encrypted, with a mask for showing. The write is in
// memberWrite.ts.
import { and, inArray, or, type SQL, sql } from 'drizzle-orm';
import { localDateString } from '../../../domain/calendarDate.ts';
import { isMigrantWorkerJob, JOB_CODES } from '../../../domain/national/codes-job.ts';
import { NEW_CLASS_CODES } from '../../../domain/national/codes-new-class.ts';
import { nationalLabel } from '../../../domain/national/labels.ts';
import { LEAVE_REASONS } from '../../../domain/org/codes.ts';
import { type MemberColumnKey, memberHeaderOf } from '../../../domain/org/memberColumns.ts';
import { checkMemberFile, type MemberInput } from '../../../domain/org/memberRow.ts';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { enterprises, partyOrgs } from '../../db/schema.ts';
import { orgInScope } from '../../orgs/scope.ts';
import { inRegionScope } from '../../regions/scope.ts';
import type { Batch } from '../batches.ts';
import type { StagedData } from './kinds.ts';
import { textArray, usccsOutsideScope } from './orgFacts.ts';
import { codeForm, describeAmbiguity, resolveRef } from './refs.ts';
import { type Issue, type RowOutcome, recordOutcomes, warningsOf } from './stage.ts';

/** A staged member row: MemberInput with the ID and phone numbers replaced (see stageMember). */
interface StagedMember extends Omit<MemberInput, 'idNumber' | 'phone'> {
  idNumber: string;
  idHash: string;
  idMasked: string;
  phone: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
}

interface Existing {
  id: number;
  id_number_hash: string;
  name: string;
  ethnicity: string | null;
  education: string | null;
  status: string;
  joined_on: string;
  full_on: string | null;
  org_id: number;
  org_name: string | null;
  employer_id: number | null;
  employer_uscc: string | null;
  position: string | null;
  phone_hash: string | null;
  mobile: boolean;
  relation_org_name: string | null;
  job_code: string | null;
  new_class_code: string | null;
  migrant_worker: boolean | null;
  join_type: string | null;
  left_on: string | null;
  leave_reason: string | null;
}

type OrgAnswer = { ok: true; id: number; name: string; dissolvedOn: string | null } | { ok: false; message: string };
type EmployerAnswer = { ok: true; id: number } | { ok: false; message: string };

/** The zh-CN header of a column in the file's layout: our roster's or the national system's. */
export type HeaderOf = (key: MemberColumnKey) => string;
const CHUNK = 1000;

/** An ID number found more than once in the file: on every row concerned, as the row checks word it. */
async function duplicateIssues(tx: Tx, batchId: number): Promise<Map<number, Issue[]>> {
  const groups = await queryRows<{ masked: string; rows: number[] }>(
    tx,
    sql`select min(data->'v'->>'idMasked') as masked, array_agg(row order by row) as rows from import_rows
        where batch_id = ${batchId} and data->'v' is not null
        group by data->'v'->>'idHash' having count(*) > 1`,
  );
  const byRow = new Map<number, Issue[]>();
  for (const g of groups) {
    // checkMemberFile reads only the ID number, and masks it again: the mask is all it gets.
    const rows = g.rows.map((row) => ({ row, value: { idNumber: g.masked } as MemberInput }));
    for (const i of checkMemberFile(rows)) byRow.set(i.row, [...(byRow.get(i.row) ?? []), { ...i, severity: 'error' }]);
  }
  return byRow;
}

/** Resolves 所在党组织 references among the orgs in scope, remembering each answer. */
async function resolveOrgs(
  tx: Tx,
  actor: Actor,
  refs: string[],
  cache: Map<string, OrgAnswer>,
  on: string,
  H: HeaderOf,
) {
  const todo = [...new Set(refs)].filter((r) => !cache.has(r));
  if (todo.length === 0) return;
  const conds: SQL[] = [inArray(partyOrgs.name, todo), inArray(partyOrgs.orgCode, todo.map(codeForm))];
  const orgs = await tx
    .select({
      id: partyOrgs.id,
      name: partyOrgs.name,
      orgCode: partyOrgs.orgCode,
      regionCode: partyOrgs.regionCode,
      dissolvedOn: partyOrgs.dissolvedOn,
    })
    .from(partyOrgs)
    .where(and(orgInScope(actor), or(...conds)));
  const candidates = orgs.map((o) => ({ name: o.name, orgCode: o.orgCode, regionCode: o.regionCode, target: o }));
  for (const ref of todo) {
    const r = resolveRef(ref, candidates, null);
    if (!r.ok) {
      cache.set(ref, {
        ok: false,
        message:
          r.kind === 'ambiguous'
            ? `${H('org')}“${ref}”对应多个党组织（${describeAmbiguity(r.among)}），请改填党组织代码`
            : `${H('org')}“${ref}”不存在或不在您的数据范围内：须填写系统中已有党组织的名称或代码`,
      });
    } else if (r.target.dissolvedOn !== null && r.target.dissolvedOn <= on) {
      cache.set(ref, { ok: false, message: `${H('org')}“${ref}”已于 ${r.target.dissolvedOn} 撤销，不能再接收党员` });
    } else {
      cache.set(ref, { ok: true, id: r.target.id, name: r.target.name, dissolvedOn: r.target.dissolvedOn });
    }
  }
}

/** Resolves 工作单位信用代码 among the enterprises in scope, remembering each answer. */
async function resolveEmployers(
  tx: Tx,
  actor: Actor,
  codes: string[],
  cache: Map<string, EmployerAnswer>,
  H: HeaderOf,
) {
  const todo = [...new Set(codes)].filter((c) => !cache.has(c));
  if (todo.length === 0) return;
  const found = await tx
    .select({ id: enterprises.id, uscc: enterprises.uscc })
    .from(enterprises)
    .where(and(inArray(enterprises.uscc, todo), inRegionScope(enterprises.regionCode, actor)));
  for (const e of found) cache.set(e.uscc, { ok: true, id: e.id });
  const unknown = todo.filter((c) => !cache.has(c));
  const elsewhere = await usccsOutsideScope(tx, unknown);
  for (const code of unknown) {
    cache.set(code, {
      ok: false,
      message: elsewhere.has(code)
        ? `${H('employerUscc')}“${code}”对应的企业不在您的数据范围内`
        : `${H('employerUscc')}“${code}”不在企业台账中，请先导入该企业`,
    });
  }
}

class ProbeDone extends Error {}

/**
 * The new members whose ID number is already recorded under an org the importer cannot see.
 * Row-level security hides such a member; inserting the rows in a savepoint that is always
 * rolled back answers only whether each hash is free.
 */
async function takenElsewhere(tx: Tx, rows: { v: StagedMember; orgId: number }[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  let free = new Set<string>();
  try {
    await tx.transaction(async (sp) => {
      const inserted = await queryRows<{ hash: string }>(
        sp,
        sql`insert into members (name, id_number, id_number_hash, birth_date, sex, status, joined_on, full_on, org_id)
            select 'probe', '-', p.hash, p.birth::date, p.sex, p.status, p.joined::date, p.full::date, p.org
            from jsonb_to_recordset(${JSON.stringify(
              rows.map((r) => ({
                hash: r.v.idHash,
                birth: r.v.birthDate,
                sex: r.v.sex,
                status: r.v.status,
                joined: r.v.joinedOn,
                full: r.v.fullOn,
                org: r.orgId,
              })),
            )}::jsonb) as p(hash text, birth text, sex text, status text, joined text, "full" text, org integer)
            on conflict (id_number_hash) where left_on is null do nothing returning id_number_hash as hash`,
      );
      free = new Set(inserted.map((r) => r.hash));
      throw new ProbeDone();
    });
  } catch (err) {
    if (!(err instanceof ProbeDone)) throw err;
  }
  return new Set(rows.map((r) => r.v.idHash).filter((h) => !free.has(h)));
}

/**
 * Checks every member row that parsed against the database, a chunk at a time, and records
 * each row's outcome, diff and issues, with what it resolved (org, employer, member) for the
 * write. Reads only (the probe is rolled back); run at preview and again at confirmation.
 */
export async function checkMembers(tx: Tx, actor: Actor, batch: Batch, H: HeaderOf = memberHeaderOf): Promise<void> {
  const on = localDateString(new Date());
  const columns = new Set(batch.columns);
  const duplicates = await duplicateIssues(tx, batch.id);
  const orgCache = new Map<string, OrgAnswer>();
  const employerCache = new Map<string, EmployerAnswer>();
  let after = 0;
  for (;;) {
    const chunk = await queryRows<{ row: number; data: StagedData }>(
      tx,
      sql`select row, data from import_rows where batch_id = ${batch.id} and data->'v' is not null and row > ${after}
          order by row limit ${CHUNK}`,
    );
    if (chunk.length === 0) break;
    after = chunk[chunk.length - 1].row;
    const rows = chunk.map((c) => ({ row: c.row, data: c.data, v: c.data.v as unknown as StagedMember }));

    await resolveOrgs(
      tx,
      actor,
      rows.map((r) => r.v.org),
      orgCache,
      on,
      H,
    );
    await resolveEmployers(
      tx,
      actor,
      rows.flatMap((r) => (r.v.employerUscc ? [r.v.employerUscc] : [])),
      employerCache,
      H,
    );
    // The person's record on the roster now (one at most), and any earlier record that ended:
    // a member who left may be recorded again, as the members area allows.
    const records = await queryRows<Existing>(
      tx,
      sql`select m.id, m.id_number_hash, m.name, m.ethnicity, m.education, m.status, m.joined_on::text,
            m.full_on::text, m.org_id, o.name as org_name, m.employer_id, e.uscc as employer_uscc, m.position,
            m.phone_hash, m.away_since is not null as mobile, m.relation_org_name, m.job_code, m.new_class_code,
            m.migrant_worker, m.join_type, m.left_on::text, m.leave_reason
          from members m
          left join party_orgs o on o.id = m.org_id and o.region_code like ${`${actor.scopePrefix}%`}
          left join enterprises e on e.id = m.employer_id
          where m.id_number_hash = any(${textArray(rows.map((r) => r.v.idHash))})
          order by m.left_on nulls last, m.id`,
    );
    const existing = new Map(records.filter((m) => m.left_on === null).map((m) => [m.id_number_hash, m]));
    const left = new Map(records.filter((m) => m.left_on !== null).map((m) => [m.id_number_hash, m]));

    const outcomes: RowOutcome[] = [];
    const issues: Issue[] = [];
    const added: { v: StagedMember; orgId: number; outcome: RowOutcome }[] = [];
    for (const r of rows) {
      const v = r.v;
      const errors: Issue[] = [...(duplicates.get(r.row) ?? [])];
      const err = (key: MemberColumnKey, message: string) =>
        errors.push({ row: r.row, column: H(key), message, severity: 'error' });
      const warn = (key: MemberColumnKey, message: string) =>
        issues.push({ row: r.row, column: H(key), message, severity: 'warning' });
      const org = orgCache.get(v.org) as OrgAnswer;
      if (!org.ok) err('org', org.message);
      let employerId: number | null = null;
      if (v.employerUscc) {
        const employer = employerCache.get(v.employerUscc) as EmployerAnswer;
        if (employer.ok) employerId = employer.id;
        else err('employerUscc', employer.message);
      }
      const m = existing.get(v.idHash);
      if (m && m.org_name === null) {
        err('idNumber', `${H('idNumber')} ${v.idMasked} 不能由本辖区导入；如属组织关系转入，请在“组织关系转入”中登记`);
      }
      const before = m ? undefined : left.get(v.idHash);
      if (before) {
        const reason = LEAVE_REASONS.find((x) => x.code === before.leave_reason)?.label ?? '离开';
        warn(
          'idNumber',
          `${H('idNumber')} ${v.idMasked} 曾登记为党员，已于 ${before.left_on}（${reason}）离开党员名册；本行将作为新的党员记录导入，请核对`,
        );
      }

      // The members area's rules: the org changes only by a transfer; a full member stays full.
      if (m && m.org_name !== null && org.ok && org.id !== m.org_id && columns.has('org')) {
        err(
          'org',
          `系统中该党员的${H('org')}为“${m.org_name}”，导入不能变更组织关系；如已转到“${org.name}”，请办理组织关系转接`,
        );
      }
      if (m && m.status === 'full' && v.status === 'probationary') err('status', '正式党员不能改为预备党员');

      const diff: Record<string, { before: unknown; after: unknown }> = {};
      if (m && org.ok) {
        const compare = (
          key: MemberColumnKey | 'fullOn',
          before: unknown,
          value: unknown,
          shown = { before, after: value },
        ) => {
          if (key !== 'fullOn' && key !== 'status' && !columns.has(key)) return;
          if (before !== value) diff[key] = shown;
        };
        compare('name', m.name, v.name);
        compare('ethnicity', m.ethnicity, v.ethnicity);
        compare('education', m.education, v.education);
        compare('status', m.status, v.status);
        compare('joinedOn', m.joined_on, v.joinedOn);
        compare('fullOn', m.full_on, v.fullOn);
        compare('employerUscc', m.employer_id, employerId, { before: m.employer_uscc, after: v.employerUscc });
        compare('position', m.position, v.position);
        // The number itself is never shown in a diff: only that it changed.
        compare('phone', m.phone_hash, v.phoneHash, {
          before: m.phone_hash === null ? null : '***',
          after: v.phoneHash === null ? null : '***',
        });
        // 否 leaves a recorded period alone: it ends only with a return date (members area).
        if (v.mobile) compare('mobile', m.mobile, v.mobile);
        compare('relationOrg', m.relation_org_name, v.relationOrg);
        // Codes are shown by their labels, never bare.
        compare('jobCode', m.job_code, v.jobCode, {
          before: nationalLabel(JOB_CODES, m.job_code),
          after: nationalLabel(JOB_CODES, v.jobCode),
        });
        compare('newClass', m.new_class_code, v.newClass, {
          before: nationalLabel(NEW_CLASS_CODES, m.new_class_code),
          after: nationalLabel(NEW_CLASS_CODES, v.newClass),
        });
        // 是否农民工 compared as the fact it states: left unrecorded, it is what the 工作岗位 says
        // (the national file always writes 是 or 否, and a round trip must not read as a change).
        const migrantBefore = m.migrant_worker ?? isMigrantWorkerJob(m.job_code);
        const migrantAfter = v.migrantWorker ?? isMigrantWorkerJob(v.jobCode);
        compare('migrantWorker', migrantBefore, migrantAfter, {
          before: migrantBefore ? '是' : '否',
          after: migrantAfter ? '是' : '否',
        });
        compare('joinType', m.join_type, v.joinType);
      }
      const outcome: RowOutcome = {
        row: r.row,
        outcome: errors.length ? 'error' : !m ? 'added' : Object.keys(diff).length ? 'changed' : 'unchanged',
        diff: Object.keys(diff).length ? diff : null,
        resolved: {
          orgId: org.ok ? org.id : null,
          employerId: columns.has('employerUscc') ? employerId : (m?.employer_id ?? null),
          memberId: m?.id ?? null,
          previousEmployerId: m?.employer_id ?? null,
        },
      };
      if (outcome.outcome !== 'changed') outcome.diff = null;
      outcomes.push(outcome);
      issues.push(...errors, ...warningsOf(r.data));
      if (outcome.outcome === 'added' && org.ok) added.push({ v, orgId: org.id, outcome });
    }

    const taken = await takenElsewhere(tx, added);
    for (const a of added) {
      if (!taken.has(a.v.idHash)) continue;
      const row = a.outcome.row;
      a.outcome.outcome = 'error';
      issues.push({
        row,
        column: H('idNumber'),
        message: `${H('idNumber')} ${a.v.idMasked} 不能由本辖区导入；如属组织关系转入，请在“组织关系转入”中登记`,
        severity: 'error',
      });
    }
    await recordOutcomes(tx, batch.id, outcomes, issues);
    if (chunk.length < CHUNK) break;
  }
}
