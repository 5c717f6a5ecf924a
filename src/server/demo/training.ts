// Demo training (issue #16): over the demo region, this year's and last year's classes — a
// secretaries' class, members' rotational training, an instructors' class and a 发展对象 class
// for the open candidates — with most of those invited present, and online courses with some
// marked done, all through the services the app uses. Many members stay below the yearly
// requirement, so the prompts have something to show.
import { sql } from 'drizzle-orm';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import type { Rand } from '../../domain/random.ts';
import { regionPrefix } from '../../domain/regionCode.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { scopePrefixOf } from '../regions/scope.ts';
import { createClass } from '../training/classes.ts';
import { completeCourse, createCourse } from '../training/courses.ts';

const COURSES = [
  { title: '学习贯彻党的二十届四中全会精神', topic: '理论学习', hours: 2 },
  { title: '非公企业党组织书记履职要点', topic: '党务知识', hours: 1.5 },
  { title: '发展党员工作细则解读', topic: '党务知识', hours: 1 },
];

export async function demoTraining(tx: Tx, operator: Actor, rand: Rand, regionCode: string): Promise<string> {
  const prefix = `${regionPrefix(regionCode)}%`;
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from training_classes where region_code like ${prefix}`,
  );
  if (n > 0) return '已有培训记录，不再添加';
  // The demo region's committee holds the classes and publishes the courses.
  const actor: Actor = { ...operator, regionCode, scopePrefix: scopePrefixOf(regionCode) };
  const today = localDateString(new Date());
  const secretaries = await queryRows<{ id: number }>(
    tx,
    sql`select distinct f.member_id as id from org_officers f join party_orgs o on o.id = f.org_id
        join members m on m.id = f.member_id
        where o.region_code like ${prefix} and f.end_on is null and f.member_id is not null and m.left_on is null
        order by 1 limit 40`,
  );
  const members = await queryRows<{ id: number; orgId: number }>(
    tx,
    sql`select m.id, m.org_id as "orgId" from members m join party_orgs o on o.id = m.org_id
        where o.region_code like ${prefix} and m.left_on is null order by m.id limit 80`,
  );
  const instructors = await queryRows<{ id: number }>(
    tx,
    sql`select id from instructors where region_code like ${prefix} and left_on is null order by id limit 20`,
  );
  const classEnd = addDays(today, -20);
  const candidates = await queryRows<{ id: number }>(
    tx,
    sql`select d.id from developments d join party_orgs o on o.id = d.org_id
        where o.region_code like ${prefix} and d.closed_on is null and d.admitted_on is null
          and d.candidate_on is not null and d.candidate_on <= ${addDays(classEnd, -3)}::date
        order by d.id limit 15`,
  );
  const present = () => rand() < 0.85;
  const lastYear = `${Number(today.slice(0, 4)) - 1}`;
  const plans = [
    {
      kind: 'secretary' as const,
      title: '非公企业党组织书记培训班',
      startsOn: `${lastYear}-05-12`,
      endsOn: `${lastYear}-05-14`,
      hours: 24,
      // The demo's officers may be recorded by name only: then the first members stand in.
      attendance: (secretaries.length > 0 ? secretaries : members.slice(0, 20)).map((s) => ({
        memberId: s.id,
        present: present(),
      })),
    },
    {
      kind: 'member' as const,
      title: '党员冬训集中轮训',
      startsOn: addDays(today, -60),
      endsOn: addDays(today, -59),
      hours: 16,
      attendance: members.map((m) => ({ memberId: m.id, present: present() })),
    },
    {
      kind: 'instructor' as const,
      title: '职能党建指导员业务培训',
      startsOn: addDays(today, -45),
      endsOn: addDays(today, -45),
      hours: 8,
      attendance: instructors.map((i) => ({ instructorId: i.id, present: present() })),
    },
    {
      kind: 'candidate' as const,
      title: '发展对象集中培训班',
      startsOn: addDays(classEnd, -2),
      endsOn: classEnd,
      hours: 24,
      attendance: candidates.map((d) => ({ developmentId: d.id, present: true })),
    },
  ];
  let classes = 0;
  let attendances = 0;
  for (const p of plans) {
    if (p.attendance.length === 0) continue;
    await createClass(tx, actor, { ...p, organiser: '区委组织部', placeText: '区委党校', orgId: null }, today);
    classes++;
    attendances += p.attendance.filter((a) => a.present).length;
  }
  let done = 0;
  for (const c of COURSES) {
    const { id } = await createCourse(
      tx,
      actor,
      { ...c, videoUrl: null, publishedOn: addDays(today, -90), regions: [regionCode], orgIds: [] },
      today,
    );
    const picked = members.filter(() => rand() < 0.3).map((m) => m.id);
    if (picked.length === 0) continue;
    await completeCourse(tx, actor, id, { memberIds: picked, completedOn: addDays(today, -10) }, today);
    done += picked.length;
  }
  return `培训班 ${classes} 期、参训 ${attendances} 人次，网上党校课程 ${COURSES.length} 门、学完登记 ${done} 人次`;
}
