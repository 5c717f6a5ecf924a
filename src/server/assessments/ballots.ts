// Democratic appraisal (民主测评): ballots issued per enterprise and appraiser kind as one-time
// links, and the scores they give the enterprise's instructors, kept without the link.
import { sql } from 'drizzle-orm';
import { periodLabel, periodRange } from '../../domain/assessment/period.ts';
import { isScore } from '../../domain/assessment/settings.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { appraisalScores, oneTimeLinks } from '../db/schema.ts';
import { invalid } from '../orgs/invalid.ts';
import {
  auditLinkSubmission,
  checkExpiresOn,
  claimLink,
  expiryOf,
  type LinkRow,
  linkPath,
  newLinkToken,
  tokenHash,
  usableLink,
} from './links.ts';
import { type AssignedEnterprise, assignedEnterprises, loadEnterprise } from './scope.ts';

export const APPRAISERS = ['owner', 'secretary', 'member'] as const;
export type Appraiser = (typeof APPRAISERS)[number];
const APPRAISER_LABELS: Record<Appraiser, string> = { owner: '业主', secretary: '党组织书记', member: '党员' };

/**
 * How many ballots an enterprise may have of each kind in a period: one per appraiser. One
 * owner; one secretary, when a party org covers it; as many members as the ledger records.
 */
export function ballotLimit(e: Pick<AssignedEnterprise, 'memberCount' | 'orgCoverage'>, appraiser: Appraiser): number {
  if (appraiser === 'owner') return 1;
  if (appraiser === 'secretary') return e.orgCoverage === null ? 0 : 1;
  return e.memberCount;
}

async function linkCounts(tx: Tx, enterpriseId: number, period: string, appraiser: Appraiser) {
  const [row] = await queryRows<{ issued: number; used: number }>(
    tx,
    sql`select count(*)::int as issued, count(used_at)::int as used from one_time_links
        where purpose = 'ballot' and enterprise_id = ${enterpriseId} and period = ${period} and appraiser = ${appraiser}`,
  );
  return row;
}

/** The enterprise, in scope and with an instructor assigned during the period; otherwise refused. */
async function ballotEnterprise(
  tx: Tx,
  actor: Actor,
  { enterpriseId, period, expiresOn }: { enterpriseId: number; period: string; expiresOn: string },
  today: string,
) {
  const enterprise = await loadEnterprise(tx, actor, enterpriseId);
  const range = periodRange(period);
  if (range.from > today) invalid('period', `${periodLabel(period)}尚未开始，不能发放测评票`);
  const [assigned] = await assignedEnterprises(tx, actor.scopePrefix, range, enterpriseId);
  if (!assigned) invalid('enterpriseId', `${enterprise.name}在${periodLabel(period)}没有选派指导员，无需民主测评`);
  checkExpiresOn(expiresOn, today);
  return assigned;
}

export interface IssuedLink {
  token: string;
  path: string;
}

export async function issueBallots(
  tx: Tx,
  actor: Actor,
  req: { period: string; enterpriseId: number; appraiser: Appraiser; count: number; expiresOn: string },
  today: string,
): Promise<{ enterpriseName: string; links: IssuedLink[] }> {
  const enterprise = await ballotEnterprise(tx, actor, req, today);
  const limit = ballotLimit(enterprise, req.appraiser);
  const { issued } = await linkCounts(tx, enterprise.id, req.period, req.appraiser);
  const kind = APPRAISER_LABELS[req.appraiser];
  if (limit === 0) {
    invalid(
      'appraiser',
      req.appraiser === 'secretary'
        ? `${enterprise.name}没有党组织，无书记测评票`
        : `${enterprise.name}台账中没有党员，无党员测评票`,
    );
  }
  if (issued + req.count > limit) {
    invalid(
      'count',
      `每位${kind}每期只有一张测评票：${enterprise.name}的${kind}票最多 ${limit} 张，已发放 ${issued} 张；遗失的链接请用“重新生成未使用的链接”`,
    );
  }
  const links: IssuedLink[] = [];
  for (let k = 0; k < req.count; k++) {
    const token = newLinkToken();
    await tx.insert(oneTimeLinks).values({
      purpose: 'ballot',
      tokenHash: tokenHash(token),
      enterpriseId: enterprise.id,
      period: req.period,
      appraiser: req.appraiser,
      expiresAt: expiryOf(req.expiresOn),
      actorId: actor.actorId,
    });
    links.push({ token, path: linkPath('ballot', token) });
  }
  await auditChange(tx, actor, {
    action: 'ballot.issue',
    entity: 'enterprise',
    entityId: enterprise.id,
    diff: {
      period: req.period,
      appraiser: req.appraiser,
      count: req.count,
      expiresOn: req.expiresOn,
    },
  });
  return { enterpriseName: enterprise.name, links };
}

/** New tokens for the unused ballots of an enterprise and kind: the old links stop working (lost or leaked ones). */
export async function reissueBallots(
  tx: Tx,
  actor: Actor,
  req: { period: string; enterpriseId: number; appraiser: Appraiser; expiresOn: string },
  today: string,
): Promise<{ enterpriseName: string; links: IssuedLink[] }> {
  const enterprise = await ballotEnterprise(tx, actor, req, today);
  const unused = await queryRows<{ id: number }>(
    tx,
    sql`select id from one_time_links
        where purpose = 'ballot' and enterprise_id = ${enterprise.id} and period = ${req.period}
          and appraiser = ${req.appraiser} and used_at is null
        order by id for update`,
  );
  if (unused.length === 0)
    invalid('appraiser', `${enterprise.name}没有未使用的${APPRAISER_LABELS[req.appraiser]}测评票`);
  const links: IssuedLink[] = [];
  for (const { id } of unused) {
    const token = newLinkToken();
    await tx.execute(
      sql`update one_time_links set token_hash = ${tokenHash(token)}, expires_at = ${expiryOf(req.expiresOn).toISOString()}::timestamptz
          where id = ${id}`,
    );
    links.push({ token, path: linkPath('ballot', token) });
  }
  await auditChange(tx, actor, {
    action: 'ballot.reissue',
    entity: 'enterprise',
    entityId: enterprise.id,
    diff: {
      period: req.period,
      appraiser: req.appraiser,
      count: links.length,
      expiresOn: req.expiresOn,
    },
  });
  return { enterpriseName: enterprise.name, links };
}

/** Per enterprise with an instructor in the period: its instructors, and ballots issued and used by kind. */
export async function ballotOverview(tx: Tx, actor: Actor, period: string) {
  const enterprises = await assignedEnterprises(tx, actor.scopePrefix, periodRange(period));
  const counts = await queryRows<{ enterpriseId: number; appraiser: Appraiser; issued: number; used: number }>(
    tx,
    sql`select enterprise_id as "enterpriseId", appraiser, count(*)::int as issued, count(used_at)::int as used
        from one_time_links
        where purpose = 'ballot' and period = ${period}
          and enterprise_id in (select id from enterprises where region_code like ${`${actor.scopePrefix}%`})
        group by enterprise_id, appraiser`,
  );
  return enterprises.map((e) => ({
    enterpriseId: e.id,
    name: e.name,
    instructors: e.instructors,
    ballots: APPRAISERS.map((appraiser) => {
      const c = counts.find((x) => x.enterpriseId === e.id && x.appraiser === appraiser);
      return { appraiser, limit: ballotLimit(e, appraiser), issued: c?.issued ?? 0, used: c?.used ?? 0 };
    }),
  }));
}

/** The instructors a ballot lists: those assigned to its enterprise at some time in its period. */
async function ballotInstructors(tx: Tx, link: LinkRow) {
  const range = periodRange(link.period as string);
  return queryRows<{ id: number; name: string; department: string }>(
    tx,
    sql`select distinct i.id, i.name, d.name as department
        from assignments a join instructors i on i.id = a.instructor_id join departments d on d.id = i.source_department_id
        where a.enterprise_id = ${link.enterpriseId} and a.start_on <= ${range.to}::date
          and (a.end_on is null or a.end_on > ${range.from}::date)
        order by i.name, i.id`,
  );
}

/** What the holder of a ballot link sees: the enterprise, period and the instructors to score. */
export async function openBallot(tx: Tx, token: string) {
  const link = await usableLink(tx, token, 'ballot');
  return {
    enterpriseName: link.enterpriseName,
    period: link.period as string,
    appraiser: link.appraiser as Appraiser,
    instructors: await ballotInstructors(tx, link),
  };
}

/**
 * Casts a ballot: one score for each instructor the ballot lists, no more and no fewer. The
 * scores are stored with the period, enterprise and appraiser's kind but not the link.
 */
export async function castBallot(
  tx: Tx,
  token: string,
  scores: { instructorId: number; score: number }[],
  today: string,
): Promise<{ scored: number }> {
  const link = await claimLink(tx, token, 'ballot', today);
  const listed = await ballotInstructors(tx, link);
  const ids = new Set(listed.map((i) => i.id));
  const seen = new Set<number>();
  scores.forEach((s, k) => {
    if (!ids.has(s.instructorId)) {
      invalid(
        `scores.${k}.instructorId`,
        `第 ${k + 1} 项：编号 ${s.instructorId} 不是本票所列的指导员（本票只能评价${link.enterpriseName}在${periodLabel(link.period as string)}的指导员）`,
      );
    }
    if (seen.has(s.instructorId)) invalid(`scores.${k}.instructorId`, `第 ${k + 1} 项：同一指导员只能评分一次`);
    if (!isScore(s.score)) invalid(`scores.${k}.score`, `第 ${k + 1} 项：分数须为 0–100，最多两位小数`);
    seen.add(s.instructorId);
  });
  const missing = listed.filter((i) => !seen.has(i.id));
  if (missing.length) invalid('scores', `请为每位指导员评分：还缺 ${missing.map((i) => i.name).join('、')}`);
  if (scores.length) {
    await tx.insert(appraisalScores).values(
      scores.map((s) => ({
        period: link.period as string,
        instructorId: s.instructorId,
        enterpriseId: link.enterpriseId,
        appraiser: link.appraiser as Appraiser,
        score: s.score,
        submittedOn: today,
      })),
    );
  }
  await auditLinkSubmission(tx, 'ballot.submit', link.enterpriseId, { period: link.period, appraiser: link.appraiser });
  return { scored: scores.length };
}
