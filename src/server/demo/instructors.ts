// Demo instructors with a season of work: assignments to enterprises without an org, weekly
// contacts with a few missed weeks, requests worked to resolution, typed outcomes and
// assessments — all through the services the app uses, so every rule applies to them too.
import { sql } from 'drizzle-orm';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import { pick, type Rand } from '../../domain/random.ts';
import { regionPrefix } from '../../domain/regionCode.ts';
import type { Actor } from '../actor.ts';
import { addDaily, putPeriodic } from '../assessments/entries.ts';
import { createContact } from '../casework/contacts.ts';
import { createOutcome } from '../casework/outcomes.ts';
import { updateRequest } from '../casework/requests.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { assign } from '../instructors/assignments.ts';
import { ensureDefaultDepartments } from '../instructors/departments.ts';
import { createInstructor } from '../instructors/write.ts';
import type { Keys } from '../keys.ts';
import { createUser } from '../users/service.ts';
import type { DemoAccount } from './accounts.ts';
import { chineseName } from './names.ts';

const POSTS = ['副局长', '科长', '副科长', '主任科员', '办公室主任', '副主任'];
const REQUESTS = [
  { category: 'financing', description: '扩大生产需要流动资金贷款，希望协调银行授信' },
  { category: 'hiring', description: '旺季一线工人缺口约 30 人，希望帮助对接劳务市场' },
  { category: 'land', description: '新建仓库用地指标尚未落实，请求协调自然资源部门' },
  { category: 'environment', description: '环评手续办理进度慢，希望指导整改要点' },
  { category: 'training', description: '希望组织电工、焊工技能培训' },
  { category: 'policy', description: '咨询高新技术企业认定和研发费用加计扣除政策' },
] as const;
const NOTES = ['了解生产经营情况', '宣讲党建工作政策', '指导建立党员活动制度', '征求企业意见建议', '协调解决用工问题'];

/** The half-year an ISO date falls in, as '2026H2'. */
const halfOf = (date: string) => `${date.slice(0, 4)}H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
const previousHalf = (h: string) => (h.endsWith('H2') ? `${h.slice(0, 4)}H1` : `${Number(h.slice(0, 4)) - 1}H2`);

export async function demoInstructors(
  tx: Tx,
  actor: Actor,
  keys: Keys,
  rand: Rand,
  regionCode: string,
  progress: (done: number, total: number) => void = () => {},
) {
  const prefix = regionPrefix(regionCode);
  const none = { instructors: 0, assignments: 0, contacts: 0, requests: 0, accounts: [] as DemoAccount[] };
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from instructors where region_code like ${`${prefix}%`}`,
  );
  if (n > 0) return none;
  await ensureDefaultDepartments(tx, actor);
  const departments = await queryRows<{ id: number; name: string }>(
    tx,
    sql`select id, name from departments order by id`,
  );
  const units = await queryRows<{ id: number; regionCode: string }>(
    tx,
    sql`select id, region_code as "regionCode" from enterprises
        where region_code like ${`${prefix}%`} and in_scope and org_coverage is null
        order by employees desc, id limit 60`,
  );
  if (units.length === 0 || departments.length === 0) return none;

  const today = localDateString(new Date());
  const count = Math.max(2, Math.min(12, Math.ceil(units.length / 5)));
  let assignments = 0;
  let contactCount = 0;
  let requestCount = 0;
  const instructorIds: number[] = [];
  const instructorNames: string[] = [];
  for (let i = 0; i < count; i++) {
    progress(i, count);
    const mine = units.filter((_, j) => j % count === i);
    const first = mine[0];
    if (!first) continue;
    const name = chineseName(rand);
    const { id: instructorId } = await createInstructor(tx, actor, keys, {
      kind: i % 4 === 3 ? 'liaison' : 'instructor',
      name,
      sourceDepartmentId: pick(rand, departments).id,
      post: pick(rand, POSTS),
      fullTime: rand() < 0.3,
      regionCode: first.regionCode.slice(0, 6),
      phone: `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
    });
    instructorIds.push(instructorId);
    instructorNames.push(name);
    for (const unit of mine) {
      const startOn = addDays(today, -(70 + Math.floor(rand() * 120)));
      const { id: assignmentId } = await assign(tx, actor, instructorId, {
        enterpriseId: unit.id,
        startOn,
        note: null,
      });
      assignments++;
      // Weekly contacts over the last ten weeks, with the odd week missed.
      for (let week = 10; week >= 1; week--) {
        if (rand() < 0.15) continue;
        const onDate = addDays(today, -week * 7 + Math.floor(rand() * 5));
        if (onDate < startOn || onDate > today) continue;
        const raised = rand() < 0.12 ? [pick(rand, REQUESTS)] : [];
        const contact = await createContact(
          tx,
          actor,
          {
            assignmentId,
            onDate,
            kind: pick(rand, ['visit', 'visit', 'phone', 'meeting'] as const),
            withWhom: rand() < 0.6 ? '企业负责人' : '党建联络员',
            notes: pick(rand, NOTES),
            requests: raised.map((r) => ({ ...r, departmentIds: [pick(rand, departments).id] })),
          },
          today,
        );
        contactCount++;
        for (const requestId of contact.requestIds) {
          requestCount++;
          if (rand() < 0.3) continue; // still received: some go stale, for the prompts
          const coordinating = addDays(onDate, 3);
          if (coordinating > today) continue;
          await updateRequest(tx, actor, requestId, {
            onDate: coordinating,
            status: 'coordinating',
            note: '已联系相关部门',
          });
          const closed = addDays(coordinating, 7 + Math.floor(rand() * 10));
          if (closed > today || rand() < 0.3) continue;
          await updateRequest(tx, actor, requestId, {
            onDate: closed,
            status: 'resolved',
            note: '问题已解决',
            values: { grants: rand() < 0.4 ? Math.round(rand() * 50) : null, hires: rand() < 0.3 ? 12 : null },
          });
        }
      }
      if (rand() < 0.5) {
        await createOutcome(
          tx,
          actor,
          {
            assignmentId,
            onDate: addDays(today, -Math.floor(rand() * 40)),
            role: 'guide',
            kind: pick(rand, ['systems', 'pledges', 'proposals'] as const),
            quantity: 1 + Math.floor(rand() * 3),
            benefit: null,
            note: null,
          },
          today,
        );
      }
    }
  }
  progress(count, count);
  // Daily entries this half-year and the last half-year's periodic assessment.
  const half = halfOf(today);
  for (const instructorId of instructorIds) {
    for (let k = 0; k < 3; k++) {
      const onDate = addDays(today, -Math.floor(rand() * 60));
      if (halfOf(onDate) !== half) continue;
      await addDaily(tx, actor, { instructorId, onDate, score: 70 + Math.floor(rand() * 30), note: null }, today);
    }
    await putPeriodic(
      tx,
      actor,
      {
        instructorId,
        period: previousHalf(half),
        duties: 70 + Math.floor(rand() * 30),
        discipline: 75 + Math.floor(rand() * 25),
        effectiveness: 65 + Math.floor(rand() * 35),
        note: null,
      },
      today,
    );
  }

  // An account for the first instructor, to show an instructor's narrow scope on a phone.
  const accounts: DemoAccount[] = [];
  const firstId = instructorIds[0];
  const firstUnit = units[0];
  if (firstId !== undefined && firstUnit) {
    // The account is the instructor's own: it bears the record's name. A name is still drawn
    // (and unused), so the data built after this step stays what it was for a given seed.
    chineseName(rand);
    const displayName = instructorNames[0];
    const username = `zd${regionCode}`;
    const instructorRegion = firstUnit.regionCode.slice(0, 6);
    const created = await createUser(tx, actor, {
      username,
      displayName,
      regionCode: instructorRegion,
      roles: ['instructor'],
      instructorId: firstId,
    });
    accounts.push({
      username,
      displayName,
      role: 'instructor',
      regionCode: instructorRegion,
      oneTimePassword: created.oneTimePassword,
    });
  }
  return { instructors: instructorIds.length, assignments, contacts: contactCount, requests: requestCount, accounts };
}
