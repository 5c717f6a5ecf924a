// Demo appraisals, open activities, pairings and owner engagement (issue #15 items 4, 6, 7)
// over the demo county's orgs, through the services the app uses, so every rule applies to
// them too: one org judged 软弱涣散 under rectification (on the lagging list and in the
// prompts), others graded with their titles; a year's 民主评议 with one 不合格 member awaiting
// a follow-up; a few open activities, pairings and owner communications. No random draws, so
// the stages before keep theirs.
import { sql } from 'drizzle-orm';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import { regionPrefix } from '../../domain/regionCode.ts';
import type { Actor } from '../actor.ts';
import { createMemberAppraisal, recordFollowUp } from '../appraisals/memberAppraisals.ts';
import { createOrgAppraisal } from '../appraisals/orgAppraisals.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { createOpenActivity, createPairing, createPairingActivity } from '../engagement/activities.ts';
import { createOwnerEngagement } from '../engagement/ownerEngagements.ts';

const GRADES = [
  { grade: 'lagging', weak: true, fourStrong: false, fiveGood: false },
  { grade: 'advanced', weak: false, fourStrong: true, fiveGood: false },
  { grade: 'advanced', weak: false, fourStrong: false, fiveGood: true },
  { grade: 'ordinary', weak: false, fourStrong: false, fiveGood: false },
  { grade: 'ordinary', weak: false, fourStrong: false, fiveGood: false },
  { grade: 'lagging', weak: false, fourStrong: false, fiveGood: false },
] as const;
const ACTIVITIES = ['党群共建志愿服务进社区', '职工读书分享会', '安全生产党员先锋岗开放日'];
const VILLAGES = ['青龙村', '石桥社区'];

export async function demoAppraisals(tx: Tx, actor: Actor, regionCode: string) {
  const prefix = `${regionPrefix(regionCode)}%`;
  const none = { appraisals: 0, reviews: 0, activities: 0, pairings: 0, engagements: 0 };
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from org_appraisals a join party_orgs o on o.id = a.org_id where o.region_code like ${prefix}`,
  );
  if (n > 0) return none;
  const today = localDateString(new Date());
  const appraisedOn = addDays(today, -40);
  const year = Number(appraisedOn.slice(0, 4)) - 1;
  const orgs = await queryRows<{ id: number; enterpriseId: number | null }>(
    tx,
    sql`select o.id, (select c.enterprise_id from org_coverages c where c.org_id = o.id and c.end_on is null
                      order by c.enterprise_id limit 1) as "enterpriseId"
        from party_orgs o
        where o.region_code like ${prefix} and o.dissolved_on is null and o.established_on < ${`${year}-01-01`}::date
          and exists (select 1 from members m where m.org_id = o.id and m.left_on is null)
        order by o.id limit ${GRADES.length}`,
  );
  const out = { ...none };
  for (const [i, org] of orgs.entries()) {
    const g = GRADES[i];
    await createOrgAppraisal(
      tx,
      actor,
      org.id,
      {
        year,
        ...g,
        appraisedOn,
        appraisingBody: '县非公企业党工委',
        note: null,
        rectificationSteps: g.weak
          ? ['调整充实支部班子', '每月召开支委会并报告整顿进展', '书记参加县委组织部专题培训']
          : [],
        rectificationDueOn: null,
      },
      today,
    );
    out.appraisals++;
  }
  // A year's 民主评议 in the first two orgs: mostly 合格, one 优秀 (四优), one 基本合格 helped, one 不合格 awaiting.
  const reviewedOn = addDays(today, -20);
  for (const org of orgs.slice(0, 2)) {
    const members = await queryRows<{ id: number }>(
      tx,
      sql`select id from members where org_id = ${org.id} and left_on is null and joined_on <= ${reviewedOn}::date
          order by id limit 8`,
    );
    for (const [j, m] of members.entries()) {
      const result = j === 0 ? 'excellent' : j === 1 ? 'basically_qualified' : j === 2 ? 'unqualified' : 'qualified';
      const { id } = await createMemberAppraisal(
        tx,
        actor,
        org.id,
        {
          memberId: m.id,
          year: Number(reviewedOn.slice(0, 4)),
          result,
          fourExcellent: j === 0,
          appraisedOn: reviewedOn,
        },
        today,
      );
      if (result === 'basically_qualified') {
        await recordFollowUp(
          tx,
          actor,
          id,
          { followUp: 'education', followUpOn: addDays(reviewedOn, 5), correctBy: null, note: '支部书记谈心谈话' },
          today,
        );
      }
      out.reviews++;
    }
  }
  for (const [i, org] of orgs.slice(0, 3).entries()) {
    const members = await queryRows<{ id: number }>(
      tx,
      sql`select id from members where org_id = ${org.id} and left_on is null and joined_on <= ${addDays(today, -60)}::date
          order by id limit 3`,
    );
    await createOpenActivity(
      tx,
      actor,
      org.id,
      {
        heldOn: addDays(today, -10 - 15 * i),
        title: ACTIVITIES[i],
        place: null,
        memberIds: members.map((m) => m.id),
        nonMemberCount: 12 + 7 * i,
        note: null,
      },
      today,
    );
    out.activities++;
  }
  if (orgs[0]) {
    const village = await createPairing(
      tx,
      actor,
      orgs[0].id,
      {
        partnerKind: 'village',
        partnerOrgId: null,
        partnerName: VILLAGES[0],
        startOn: addDays(today, -200),
        endOn: null,
        note: '村企共建',
      },
      today,
    );
    await createPairingActivity(
      tx,
      actor,
      village.id,
      { heldOn: addDays(today, -30), title: '助农直播带货', content: '帮助销售柑橘 2 万斤' },
      today,
    );
    out.pairings++;
  }
  if (orgs[1] && orgs[2]) {
    await createPairing(
      tx,
      actor,
      orgs[1].id,
      {
        partnerKind: 'org',
        partnerOrgId: orgs[2].id,
        partnerName: null,
        startOn: addDays(today, -90),
        endOn: null,
        note: null,
      },
      today,
    );
    out.pairings++;
  }
  for (const [i, org] of orgs.slice(0, 3).entries()) {
    if (org.enterpriseId === null) continue;
    const at = (days: number) => addDays(today, -days - 7 * i);
    const base = { ownerName: null, topics: null, outcome: null, hours: null, venue: null, funds: null, note: null };
    await createOwnerEngagement(
      tx,
      actor,
      org.enterpriseId,
      {
        ...base,
        kind: 'communication',
        occurredOn: at(14),
        topics: '党员活动室选址与年度活动安排',
        outcome: '同意提供会议室并列入年度预算',
      },
      today,
    );
    await createOwnerEngagement(
      tx,
      actor,
      org.enterpriseId,
      { ...base, kind: 'support', occurredOn: at(12), hours: 8, venue: '三楼会议室', funds: 2 },
      today,
    );
    await createOwnerEngagement(tx, actor, org.enterpriseId, { ...base, kind: 'campaign', occurredOn: at(30) }, today);
    out.engagements += 3;
    if (i === 0) {
      await createOwnerEngagement(
        tx,
        actor,
        org.enterpriseId,
        { ...base, kind: 'application', occurredOn: at(60) },
        today,
      );
      out.engagements++;
    }
  }
  return out;
}
