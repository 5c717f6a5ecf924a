// The owner satisfaction survey (满意度测评): one questionnaire per region and period, one
// one-time link and one response per enterprise with an instructor in that period.
import { and, eq, sql } from 'drizzle-orm';
import { answerProblems, type OwnerSurveyAnswers, tallyOwnerSurvey } from '../../domain/assessment/ownerSurvey.ts';
import { periodLabel, periodRange } from '../../domain/assessment/period.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { oneTimeLinks, ownerSurveyResponses, ownerSurveys, regions } from '../db/schema.ts';
import { HttpError, notFound } from '../errors.ts';
import { invalid } from '../orgs/invalid.ts';
import { codeInScope, inRegionScope, scopePrefixOf } from '../regions/scope.ts';
import {
  auditLinkSubmission,
  checkExpiresOn,
  claimLink,
  expiryOf,
  linkPath,
  linkRefusals,
  newLinkToken,
  tokenHash,
  usableLink,
} from './links.ts';
import { assignedEnterprises } from './scope.ts';

export async function createOwnerSurvey(
  tx: Tx,
  actor: Actor,
  req: { regionCode: string; period: string; title: string },
) {
  const [region] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, req.regionCode));
  if (!region || !codeInScope(req.regionCode, actor)) {
    throw new HttpError(403, 'forbidden', '只能为本级及下级行政区划发起问卷', [
      { field: 'regionCode', message: '只能为本级及下级行政区划发起问卷' },
    ]);
  }
  const [existing] = await tx
    .select({ id: ownerSurveys.id })
    .from(ownerSurveys)
    .where(and(eq(ownerSurveys.regionCode, req.regionCode), eq(ownerSurveys.period, req.period)));
  if (existing) {
    const message = `该区划${periodLabel(req.period)}已有满意度问卷（编号 ${existing.id}），每个区划每期一份`;
    throw new HttpError(409, 'duplicate', message, [{ field: 'period', message }]);
  }
  const [row] = await tx.insert(ownerSurveys).values(req).returning({ id: ownerSurveys.id });
  await auditChange(tx, actor, { action: 'owner_survey.create', entity: 'owner_survey', entityId: row.id, diff: req });
  return row;
}

export async function loadOwnerSurvey(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select()
    .from(ownerSurveys)
    .where(and(eq(ownerSurveys.id, id), inRegionScope(ownerSurveys.regionCode, actor)));
  if (!row) throw notFound('问卷');
  return row;
}

export async function listOwnerSurveys(tx: Tx, actor: Actor) {
  return queryRows<{
    id: number;
    title: string;
    period: string;
    regionCode: string;
    regionName: string;
    closed: boolean;
    issued: number;
    responses: number;
  }>(
    tx,
    sql`select s.id, s.title, s.period, s.region_code as "regionCode", r.name as "regionName",
               s.closed_at is not null as closed,
               (select count(*)::int from one_time_links l where l.owner_survey_id = s.id) as issued,
               (select count(*)::int from owner_survey_responses x where x.owner_survey_id = s.id) as responses
        from owner_surveys s join regions r on r.code = s.region_code
        where s.region_code like ${`${actor.scopePrefix}%`}
        order by s.period desc, s.id desc`,
  );
}

type LinkStatus = 'none' | 'issued' | 'expired' | 'answered';

/** The owner survey, its results, and each enterprise it is for with the state of its link (not its answers). */
export async function ownerSurveyDetail(tx: Tx, actor: Actor, id: number) {
  const ownerSurvey = await loadOwnerSurvey(tx, actor, id);
  const targets = await assignedEnterprises(tx, scopePrefixOf(ownerSurvey.regionCode), periodRange(ownerSurvey.period));
  const links = await queryRows<{ enterpriseId: number; used: boolean; expired: boolean }>(
    tx,
    sql`select enterprise_id as "enterpriseId", used_at is not null as used, expires_at <= now() as expired
        from one_time_links where purpose = 'owner_survey' and owner_survey_id = ${id}`,
  );
  const answers = await tx
    .select({ answers: ownerSurveyResponses.answers })
    .from(ownerSurveyResponses)
    .where(eq(ownerSurveyResponses.ownerSurveyId, id));
  const status = (enterpriseId: number): LinkStatus => {
    const l = links.find((x) => x.enterpriseId === enterpriseId);
    return !l ? 'none' : l.used ? 'answered' : l.expired ? 'expired' : 'issued';
  };
  return {
    id: ownerSurvey.id,
    title: ownerSurvey.title,
    period: ownerSurvey.period,
    regionCode: ownerSurvey.regionCode,
    closed: ownerSurvey.closedAt !== null,
    enterprises: targets.map((e) => ({ id: e.id, name: e.name, status: status(e.id) })),
    results: tallyOwnerSurvey(
      links.length,
      answers.map((a) => a.answers as OwnerSurveyAnswers),
    ),
  };
}

/**
 * Links for the enterprises asked (all of the owner survey's when none are named). An enterprise
 * that answered is skipped; one whose link is unused gets a new token (the old link stops
 * working: it was lost or leaked), so each enterprise never holds more than one live link.
 */
export async function issueOwnerSurveyLinks(
  tx: Tx,
  actor: Actor,
  id: number,
  req: { enterpriseIds: number[] | null; expiresOn: string },
) {
  const ownerSurvey = await loadOwnerSurvey(tx, actor, id);
  if (ownerSurvey.closedAt) throw new HttpError(409, 'owner_survey_closed', '问卷已结束，不能再发放链接');
  checkExpiresOn(req.expiresOn);
  const targets = await assignedEnterprises(tx, scopePrefixOf(ownerSurvey.regionCode), periodRange(ownerSurvey.period));
  const chosen = [...new Set(req.enterpriseIds ?? targets.map((e) => e.id))];
  const links: { enterpriseId: number; enterpriseName: string; token: string; path: string; reissued: boolean }[] = [];
  let answered = 0;
  for (const [k, enterpriseId] of chosen.entries()) {
    const target = targets.find((e) => e.id === enterpriseId);
    if (!target) {
      invalid(
        `enterpriseIds.${k}`,
        `企业编号 ${enterpriseId} 不在本问卷范围内（须为本区划在${periodLabel(ownerSurvey.period)}选派了指导员的企业）`,
      );
    }
    const [existing] = await tx
      .select({ id: oneTimeLinks.id, usedAt: oneTimeLinks.usedAt })
      .from(oneTimeLinks)
      .where(
        and(
          eq(oneTimeLinks.purpose, 'owner_survey'),
          eq(oneTimeLinks.ownerSurveyId, id),
          eq(oneTimeLinks.enterpriseId, enterpriseId),
        ),
      )
      .for('update');
    if (existing?.usedAt) {
      answered++;
      continue;
    }
    const token = newLinkToken();
    const values = { tokenHash: tokenHash(token), expiresAt: expiryOf(req.expiresOn), actorId: actor.actorId };
    if (existing) await tx.update(oneTimeLinks).set(values).where(eq(oneTimeLinks.id, existing.id));
    else await tx.insert(oneTimeLinks).values({ ...values, purpose: 'owner_survey', ownerSurveyId: id, enterpriseId });
    links.push({
      enterpriseId,
      enterpriseName: target.name,
      token,
      path: linkPath('owner_survey', token),
      reissued: !!existing,
    });
  }
  await auditChange(tx, actor, {
    action: 'owner_survey.issue_links',
    entity: 'owner_survey',
    entityId: id,
    diff: {
      enterpriseIds: links.map((l) => l.enterpriseId),
      reissued: links.filter((l) => l.reissued).map((l) => l.enterpriseId),
      expiresOn: req.expiresOn,
    },
  });
  return { links, answered };
}

export async function closeOwnerSurvey(tx: Tx, actor: Actor, id: number) {
  const ownerSurvey = await loadOwnerSurvey(tx, actor, id);
  if (ownerSurvey.closedAt) throw new HttpError(409, 'owner_survey_closed', '问卷已经结束');
  await tx.update(ownerSurveys).set({ closedAt: new Date(), updatedAt: new Date() }).where(eq(ownerSurveys.id, id));
  await auditChange(tx, actor, { action: 'owner_survey.close', entity: 'owner_survey', entityId: id, diff: {} });
}

async function openOwnerSurveyOf(tx: Tx, ownerSurveyId: number) {
  const [ownerSurvey] = await tx
    .select({ title: ownerSurveys.title, period: ownerSurveys.period, closedAt: ownerSurveys.closedAt })
    .from(ownerSurveys)
    .where(eq(ownerSurveys.id, ownerSurveyId));
  if (!ownerSurvey) throw linkRefusals.unknown();
  if (ownerSurvey.closedAt) throw linkRefusals.closed();
  return ownerSurvey;
}

/** What the holder of an owner survey link sees. */
export async function openOwnerSurvey(tx: Tx, token: string) {
  const link = await usableLink(tx, token, 'owner_survey');
  const ownerSurvey = await openOwnerSurveyOf(tx, link.ownerSurveyId as number);
  return { title: ownerSurvey.title, period: ownerSurvey.period, enterpriseName: link.enterpriseName };
}

/** The owner's answers: the link is used and the enterprise's one response stored, or nothing at all. */
export async function answerOwnerSurvey(tx: Tx, token: string, answers: OwnerSurveyAnswers, today: string) {
  const link = await claimLink(tx, token, 'owner_survey', today);
  await openOwnerSurveyOf(tx, link.ownerSurveyId as number);
  const problems = answerProblems(answers);
  if (problems.length) {
    throw new HttpError(
      400,
      'validation',
      problems[0][1],
      problems.map(([field, message]) => ({ field: `answers.${field}`, message })),
    );
  }
  const clean = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== ''));
  await tx
    .insert(ownerSurveyResponses)
    .values({ ownerSurveyId: link.ownerSurveyId as number, enterpriseId: link.enterpriseId, answers: clean });
  await auditLinkSubmission(tx, 'owner_survey.submit', link.enterpriseId, { ownerSurveyId: link.ownerSurveyId });
}
