// The achievement file against the database: each row's org resolved in the importer's scope,
// its enterprise among those the org covers, its members by name among the org's members, the
// record sought among those already kept (record once), then run through the achievement
// write path (achievements/write.ts: what each kind carries, 万元 to two decimals, coverage on
// the date) and undone; on confirmation, written so.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { ACHIEVEMENT_KINDS } from '../../../domain/achievements/codes.ts';
import { labelOf } from '../../../domain/enterprise/codes.ts';
import type { AchievementRowValue } from '../../../domain/orglife/importRows.ts';
import { type AchievementInput, createAchievement } from '../../achievements/write.ts';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { members } from '../../db/schema.ts';
import { today } from '../../today.ts';
import type { Batch, Issue } from '../batches.ts';
import type { StagedData } from '../orgs/kinds.ts';
import { codeForm } from '../orgs/refs.ts';
import { type RowOutcome, recordOutcomes, warningsOf } from '../orgs/stage.ts';
import { resolveOrgs } from './orgRefs.ts';
import { trialRun } from './trial.ts';

const COLUMN_OF: Record<string, string> = {
  enterpriseId: '企业',
  kind: '类别',
  form: '形式',
  onDate: '日期',
  content: '内容',
  memberIds: '党员',
  personName: '非党员提出人',
  adopted: '是否采纳',
  fulfilled: '是否践诺',
  benefit: '经济效益（万元）',
  amount: '金额（万元）',
  fromOn: '起始日期',
  toOn: '截止日期',
  note: '备注',
};

export interface AchievementPlan {
  row: number;
  input: AchievementInput;
}

/** The enterprises of that name or USCC the org has ever covered (the date is the write path's check). */
async function coveredEnterprises(tx: Tx, orgId: number, ref: string) {
  return queryRows<{ id: number }>(
    tx,
    sql`select distinct e.id from org_coverages c join enterprises e on e.id = c.enterprise_id
        where c.org_id = ${orgId} and (e.name = ${ref} or e.uscc = ${codeForm(ref)})`,
  );
}

async function membersNamed(tx: Tx, orgId: number, names: readonly string[]) {
  if (names.length === 0) return [];
  return tx
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(and(eq(members.orgId, orgId), inArray(members.name, [...names])));
}

async function alreadyKept(tx: Tx, orgId: number, v: AchievementRowValue) {
  const [row] = await queryRows<{ id: number }>(
    tx,
    sql`select id from achievements where org_id = ${orgId} and kind = ${v.kind} and on_date = ${v.onDate}::date
          and content = ${v.content} limit 1`,
  );
  return row !== undefined;
}

export async function checkAchievements(tx: Tx, actor: Actor, batch: Batch): Promise<AchievementPlan[]> {
  const staged = await queryRows<{ row: number; data: StagedData }>(
    tx,
    sql`select row, data from import_rows where batch_id = ${batch.id} and data->'v' is not null order by row`,
  );
  const orgs = await resolveOrgs(
    tx,
    actor,
    staged.map((s) => (s.data.v as unknown as AchievementRowValue).org),
  );
  const issues: Issue[] = [];
  const failed = new Set<number>();
  const plans: AchievementPlan[] = [];
  const seen = new Map<string, number>();
  for (const s of staged) {
    const v = s.data.v as unknown as AchievementRowValue;
    issues.push(...warningsOf(s.data));
    const error = (column: string, message: string) => {
      issues.push({ row: s.row, column, message, severity: 'error' });
      failed.add(s.row);
    };
    const answer = orgs.get(v.org);
    if (!answer?.ok) {
      error('党组织', answer?.message ?? `党组织“${v.org}”不存在`);
      continue;
    }
    const org = answer.org;
    const kind = labelOf(ACHIEVEMENT_KINDS, v.kind);
    const key = `${org.id}|${v.kind}|${v.onDate}|${v.content}`;
    const first = seen.get(key);
    if (first !== undefined) {
      error('内容', `与第 ${first} 行是同一条${kind}（${org.name}，${v.onDate}，内容相同）：同一记录只登记一次`);
      continue;
    }
    seen.set(key, s.row);
    if (await alreadyKept(tx, org.id, v)) {
      error('内容', `${org.name} ${v.onDate} 内容相同的${kind}已登记在系统中，不重复导入`);
      continue;
    }
    const enterprises = await coveredEnterprises(tx, org.id, v.enterprise);
    if (enterprises.length !== 1) {
      error(
        '企业',
        enterprises.length === 0
          ? `企业“${v.enterprise}”不是 ${org.name} 覆盖的企业：请填写该党组织覆盖的企业的名称或统一社会信用代码`
          : `企业“${v.enterprise}”对应多家企业，请改填统一社会信用代码`,
      );
      continue;
    }
    const found = await membersNamed(tx, org.id, v.members);
    const memberIds: number[] = [];
    for (const name of v.members) {
      const same = found.filter((m) => m.name === name);
      if (same.length === 0) error('党员', `${name} 不是 ${org.name} 的党员`);
      else if (same.length > 1) {
        error('党员', `${org.name} 有 ${same.length} 名党员叫 ${name}，无法按姓名区分，请在作用发挥页面逐条登记`);
      } else memberIds.push(same[0].id);
    }
    if (failed.has(s.row)) continue;
    plans.push({
      row: s.row,
      input: {
        orgId: org.id,
        enterpriseId: enterprises[0].id,
        kind: v.kind,
        form: v.form,
        onDate: v.onDate,
        content: v.content,
        memberIds,
        personName: v.personName,
        adopted: v.adopted,
        fulfilled: v.fulfilled,
        benefit: v.benefit,
        amount: v.amount,
        fromOn: v.fromOn,
        toOn: v.toOn,
        note: v.note,
      },
    });
  }
  const on = today();
  const refusals = await trialRun(tx, plans, (sp, p) => createAchievement(sp, actor, p.input, on));
  refusals.forEach((r, i) => {
    if (!r) return;
    issues.push({
      row: plans[i].row,
      column: COLUMN_OF[r.field ?? ''] ?? '党组织',
      message: r.message,
      severity: 'error',
    });
    failed.add(plans[i].row);
  });
  const outcomes: RowOutcome[] = staged.map((s) => ({
    row: s.row,
    outcome: failed.has(s.row) ? 'error' : 'added',
    diff: null,
  }));
  await recordOutcomes(tx, batch.id, outcomes, issues);
  return failed.size > 0 ? [] : plans;
}

export async function writeAchievements(tx: Tx, actor: Actor, plans: readonly AchievementPlan[]) {
  const on = today();
  for (const p of plans) await createAchievement(tx, actor, p.input, on);
}
