// Demo organisational life (issue #15): over the demo's branches with recorded members, a party
// group where a branch is large enough, and the last months' meetings — theme days, a general
// meeting and a party lecture a quarter, committee meetings where there is a committee — each
// with some of the roster ticked, through the services the app uses. Some periods are left
// without a meeting, so the prompts have something due.
import { sql } from 'drizzle-orm';
import { addDays, addMonths, localDateString } from '../../domain/calendarDate.ts';
import type { MeetingKind } from '../../domain/orglife/meetings.ts';
import type { Rand } from '../../domain/random.ts';
import { regionPrefix } from '../../domain/regionCode.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { createGroup } from '../orglife/groups.ts';
import { rosterOn } from '../orglife/roster.ts';
import { createMeeting } from '../orglife/write.ts';

const TOPICS: Record<MeetingKind, string[]> = {
  general_meeting: ['支部党员大会：通报季度工作', '支部党员大会：讨论年度工作计划'],
  committee_meeting: ['支委会：研究本月工作', '支委会：讨论发展党员工作'],
  group_meeting: ['党小组会：学习交流'],
  party_lecture: ['书记讲党课：学习党章', '党课：弘扬企业家精神'],
  theme_day: ['主题党日：志愿服务进社区', '主题党日：重温入党誓词', '主题党日：学习贯彻全会精神'],
  life_meeting: ['组织生活会：批评与自我批评'],
  member_review: ['民主评议党员'],
};

/** Up to `limit` branches of the region, with their groups and meetings; nothing when some are recorded. */
export async function demoMeetings(tx: Tx, actor: Actor, rand: Rand, regionCode: string, limit = 30) {
  const prefix = `${regionPrefix(regionCode)}%`;
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from meetings m join party_orgs o on o.id = m.org_id
        where o.region_code like ${prefix} and m.attendance_recorded`,
  );
  if (n > 0) return '已有会议记录，不再添加';
  const today = localDateString(new Date());
  const orgs = await queryRows<{ id: number; establishedOn: string; full: number }>(
    tx,
    sql`select o.id, o.established_on::text as "establishedOn",
          (select count(*) filter (where status = 'full') from members where org_id = o.id and left_on is null)::int as full
        from party_orgs o
        where o.region_code like ${prefix} and o.type <> 'committee' and o.dissolved_on is null
          and exists (select 1 from members m where m.org_id = o.id and m.left_on is null)
        order by o.id limit ${limit}`,
  );
  let meetings = 0;
  let groups = 0;
  for (const org of orgs) {
    const roster = await rosterOn(tx, org.id, today);
    const ids = roster.members.map((m) => m.memberId);
    if (ids.length >= 6) {
      await createGroup(tx, actor, org.id, { name: '第一党小组', leaderMemberId: ids[0], memberIds: ids.slice(0, 3) });
      groups++;
    }
    // Monthly theme days for the last four months, one skipped now and then; a general meeting
    // and a party lecture in each of the last two quarters' middle months.
    const plan: { kind: MeetingKind; on: string }[] = [];
    for (let back = 4; back >= 0; back--) {
      const month = addMonths(today, -back);
      const on = addDays(`${month.slice(0, 7)}-01`, Math.floor(rand() * 20));
      if (on > today || on < org.establishedOn) continue;
      if (rand() < 0.8) plan.push({ kind: 'theme_day', on });
      if (org.full >= 7 && rand() < 0.7) plan.push({ kind: 'committee_meeting', on });
      if (back % 3 === 1) {
        plan.push({ kind: 'general_meeting', on });
        if (rand() < 0.7) plan.push({ kind: 'party_lecture', on });
      }
    }
    for (const { kind, on } of plan) {
      const onRoster = (await rosterOn(tx, org.id, on)).members;
      const present = onRoster.filter((m) => !m.mobile && rand() < 0.85).map((m) => m.memberId);
      const topics = TOPICS[kind];
      await createMeeting(tx, actor, org.id, {
        kind,
        partyGroupId: null,
        heldOn: on,
        topic: topics[Math.floor(rand() * topics.length)],
        host: null,
        place: '企业党员活动室',
        resolutions: null,
        notes: null,
        present,
        absences: [],
        election: false,
      });
      meetings++;
    }
  }
  return `党小组 ${groups} 个，会议 ${meetings} 次（${orgs.length} 个党支部）`;
}
