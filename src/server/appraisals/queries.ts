import { sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { loadOrg } from '../orgs/load.ts';

export interface OrgAppraisalRow {
  id: number;
  year: number;
  grade: 'advanced' | 'ordinary' | 'lagging';
  fourStrong: boolean;
  fiveGood: boolean;
  weak: boolean;
  appraisedOn: string;
  appraisingBody: string;
  note: string | null;
  rectificationSteps: string[] | null;
  rectificationDueOn: string | null;
  rectifiedOn: string | null;
  rectificationNote: string | null;
}

export interface MemberAppraisalRow {
  id: number;
  memberId: number;
  memberName: string;
  year: number;
  result: 'excellent' | 'qualified' | 'basically_qualified' | 'unqualified';
  fourExcellent: boolean;
  appraisedOn: string;
  followUpDueOn: string | null;
  followUp: 'education' | 'correct_by' | 'persuade_withdraw' | 'removal' | null;
  followUpOn: string | null;
  correctBy: string | null;
  followUpNote: string | null;
}

/** An org's appraisals and its members' results, the latest year first. */
export async function orgAppraisalView(tx: Tx, actor: Actor, orgId: number) {
  const org = await loadOrg(tx, actor, orgId);
  const orgRows = await queryRows<OrgAppraisalRow>(
    tx,
    sql`select id, year, grade, four_strong as "fourStrong", five_good as "fiveGood", weak,
          appraised_on::text as "appraisedOn", appraising_body as "appraisingBody", note,
          rectification_steps as "rectificationSteps", rectification_due_on::text as "rectificationDueOn",
          rectified_on::text as "rectifiedOn", rectification_note as "rectificationNote"
        from org_appraisals where org_id = ${org.id} order by year desc`,
  );
  const memberRows = await queryRows<MemberAppraisalRow>(
    tx,
    sql`select a.id, a.member_id as "memberId", m.name as "memberName", a.year, a.result,
          a.four_excellent as "fourExcellent", a.appraised_on::text as "appraisedOn",
          a.follow_up_due_on::text as "followUpDueOn", a.follow_up as "followUp",
          a.follow_up_on::text as "followUpOn", a.correct_by::text as "correctBy", a.follow_up_note as "followUpNote"
        from member_appraisals a join members m on m.id = a.member_id
        where a.org_id = ${org.id} order by a.year desc, m.name, a.id`,
  );
  return { orgAppraisals: orgRows, memberAppraisals: memberRows };
}
