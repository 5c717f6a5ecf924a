// The owner satisfaction survey (满意度测评): one questionnaire per region and period, one
// one-time link and one response per enterprise with an instructor in that period.
import { and, eq, sql } from 'drizzle-orm';
import { periodLabel, periodRange } from '../../domain/assessment/period.ts';
import { answerProblems, type SurveyAnswers, tallySurvey } from '../../domain/assessment/survey.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { oneTimeLinks, regions, surveyResponses, surveys } from '../db/schema.ts';
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

export async function createSurvey(tx: Tx, actor: Actor, req: { regionCode: string; period: string; title: string }) {
  const [region] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, req.regionCode));
  if (!region || !codeInScope(req.regionCode, actor)) {
    throw new HttpError(403, 'forbidden', '只能为本级及下级行政区划发起问卷', [
      { field: 'regionCode', message: '只能为本级及下级行政区划发起问卷' },
    ]);
  }
  const [existing] = await tx
    .select({ id: surveys.id })
    .from(surveys)
    .where(and(eq(surveys.regionCode, req.regionCode), eq(surveys.period, req.period)));
  if (existing) {
    const message = `该区划${periodLabel(req.period)}已有满意度问卷（编号 ${existing.id}），每个区划每期一份`;
    throw new HttpError(409, 'duplicate', message, [{ field: 'period', message }]);
  }
  const [row] = await tx.insert(surveys).values(req).returning({ id: surveys.id });
  await auditChange(tx, actor, { action: 'survey.create', entity: 'survey', entityId: row.id, diff: req });
  return row;
}

export async function loadSurvey(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select()
    .from(surveys)
    .where(and(eq(surveys.id, id), inRegionScope(surveys.regionCode, actor)));
  if (!row) throw notFound('问卷');
  return row;
}

export async function listSurveys(tx: Tx, actor: Actor) {
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
               (select count(*)::int from one_time_links l where l.survey_id = s.id) as issued,
               (select count(*)::int from survey_responses x where x.survey_id = s.id) as responses
        from surveys s join regions r on r.code = s.region_code
        where s.region_code like ${`${actor.scopePrefix}%`}
        order by s.period desc, s.id desc`,
  );
}

type LinkStatus = 'none' | 'issued' | 'expired' | 'answered';

/** The survey, its results, and each enterprise it is for with the state of its link (not its answers). */
export async function surveyDetail(tx: Tx, actor: Actor, id: number) {
  const survey = await loadSurvey(tx, actor, id);
  const targets = await assignedEnterprises(tx, scopePrefixOf(survey.regionCode), periodRange(survey.period));
  const links = await queryRows<{ enterpriseId: number; used: boolean; expired: boolean }>(
    tx,
    sql`select enterprise_id as "enterpriseId", used_at is not null as used, expires_at <= now() as expired
        from one_time_links where purpose = 'survey' and survey_id = ${id}`,
  );
  const answers = await tx
    .select({ answers: surveyResponses.answers })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, id));
  const status = (enterpriseId: number): LinkStatus => {
    const l = links.find((x) => x.enterpriseId === enterpriseId);
    return !l ? 'none' : l.used ? 'answered' : l.expired ? 'expired' : 'issued';
  };
  return {
    id: survey.id,
    title: survey.title,
    period: survey.period,
    regionCode: survey.regionCode,
    closed: survey.closedAt !== null,
    enterprises: targets.map((e) => ({ id: e.id, name: e.name, status: status(e.id) })),
    results: tallySurvey(
      links.length,
      answers.map((a) => a.answers as SurveyAnswers),
    ),
  };
}

/**
 * Links for the enterprises asked (all of the survey's when none are named). An enterprise
 * that answered is skipped; one whose link is unused gets a new token (the old link stops
 * working: it was lost or leaked), so each enterprise never holds more than one live link.
 */
export async function issueSurveyLinks(
  tx: Tx,
  actor: Actor,
  id: number,
  req: { enterpriseIds: number[] | null; expiresOn: string },
) {
  const survey = await loadSurvey(tx, actor, id);
  if (survey.closedAt) throw new HttpError(409, 'survey_closed', '问卷已结束，不能再发放链接');
  checkExpiresOn(req.expiresOn);
  const targets = await assignedEnterprises(tx, scopePrefixOf(survey.regionCode), periodRange(survey.period));
  const chosen = [...new Set(req.enterpriseIds ?? targets.map((e) => e.id))];
  const links: { enterpriseId: number; enterpriseName: string; token: string; path: string; reissued: boolean }[] = [];
  let answered = 0;
  for (const [k, enterpriseId] of chosen.entries()) {
    const target = targets.find((e) => e.id === enterpriseId);
    if (!target) {
      invalid(
        `enterpriseIds.${k}`,
        `企业编号 ${enterpriseId} 不在本问卷范围内（须为本区划在${periodLabel(survey.period)}选派了指导员的企业）`,
      );
    }
    const [existing] = await tx
      .select({ id: oneTimeLinks.id, usedAt: oneTimeLinks.usedAt })
      .from(oneTimeLinks)
      .where(
        and(
          eq(oneTimeLinks.purpose, 'survey'),
          eq(oneTimeLinks.surveyId, id),
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
    else await tx.insert(oneTimeLinks).values({ ...values, purpose: 'survey', surveyId: id, enterpriseId });
    links.push({
      enterpriseId,
      enterpriseName: target.name,
      token,
      path: linkPath('survey', token),
      reissued: !!existing,
    });
  }
  await auditChange(tx, actor, {
    action: 'survey.issue_links',
    entity: 'survey',
    entityId: id,
    diff: {
      enterpriseIds: links.map((l) => l.enterpriseId),
      reissued: links.filter((l) => l.reissued).map((l) => l.enterpriseId),
      expiresOn: req.expiresOn,
    },
  });
  return { links, answered };
}

export async function closeSurvey(tx: Tx, actor: Actor, id: number) {
  const survey = await loadSurvey(tx, actor, id);
  if (survey.closedAt) throw new HttpError(409, 'survey_closed', '问卷已经结束');
  await tx.update(surveys).set({ closedAt: new Date(), updatedAt: new Date() }).where(eq(surveys.id, id));
  await auditChange(tx, actor, { action: 'survey.close', entity: 'survey', entityId: id, diff: {} });
}

async function openSurveyOf(tx: Tx, surveyId: number) {
  const [survey] = await tx
    .select({ title: surveys.title, period: surveys.period, closedAt: surveys.closedAt })
    .from(surveys)
    .where(eq(surveys.id, surveyId));
  if (!survey) throw linkRefusals.unknown();
  if (survey.closedAt) throw linkRefusals.closed();
  return survey;
}

/** What the holder of a survey link sees. */
export async function openSurvey(tx: Tx, token: string) {
  const link = await usableLink(tx, token, 'survey');
  const survey = await openSurveyOf(tx, link.surveyId as number);
  return { title: survey.title, period: survey.period, enterpriseName: link.enterpriseName };
}

/** The owner's answers: the link is used and the enterprise's one response stored, or nothing at all. */
export async function answerSurvey(tx: Tx, token: string, answers: SurveyAnswers, today: string) {
  const link = await claimLink(tx, token, 'survey', today);
  await openSurveyOf(tx, link.surveyId as number);
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
    .insert(surveyResponses)
    .values({ surveyId: link.surveyId as number, enterpriseId: link.enterpriseId, answers: clean });
  await auditLinkSubmission(tx, 'survey.submit', link.enterpriseId, { surveyId: link.surveyId });
}
