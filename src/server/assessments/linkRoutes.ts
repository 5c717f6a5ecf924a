// The routes a one-time link's holder calls, without an account. They are public in app.ts's
// sense (no session) but not open: each needs a live token, which only its issuer handed out.
// The CSRF check stays on (the page fetches the double-submit token from GET /api/session like
// the login page does): it costs the page one request and keeps every POST under one rule.
import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonResponse, newRouter } from '../http.ts';
import { rateLimit } from '../rateLimit.ts';
import { idParam } from '../schemas.ts';
import { today } from '../today.ts';
import { castBallot, openBallot } from './ballots.ts';
import { asLinkHolder } from './links.ts';
import { linkToken, score } from './schemas.ts';
import { answerSurvey, openSurvey } from './surveys.ts';

const tags = ['一次性链接'];
const Token = z.object({ token: linkToken });

/** The routes above, for app.ts's list of routes answered without a session. */
export const LINK_ROUTES = [
  'POST /api/links/ballot/open',
  'POST /api/links/ballot',
  'POST /api/links/survey/open',
  'POST /api/links/survey',
] as const;

// Per address, across all four routes: guessing a 256-bit token is hopeless anyway; this
// keeps a script from hammering the database while trying. Generous enough for a branch's
// members voting together behind one Wi-Fi address (two requests each).
const limit = rateLimit({ windowMs: 60_000, max: 120 });

export const linkRoutes = newRouter();

linkRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/links/ballot/open',
    tags,
    middleware: [limit],
    summary: '打开民主测评票：企业、考核期与应评价的指导员（无需登录；已用、过期的链接被拒绝）',
    request: jsonBody(Token),
    responses: jsonResponse(
      z.object({
        enterpriseName: z.string(),
        period: z.string(),
        appraiser: z.enum(['owner', 'secretary', 'member']),
        instructors: z.array(z.object({ id: z.number(), name: z.string(), department: z.string() })),
      }),
      '测评票',
    ),
  }),
  async (c) => {
    const { token } = c.req.valid('json');
    return c.json(await asLinkHolder(c.get('deps').database.db, token, (tx) => openBallot(tx, token)), 200);
  },
);

linkRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/links/ballot',
    tags,
    middleware: [limit],
    summary: '提交民主测评票：为所列每位指导员评分（0–100），每个链接只能提交一次；评分不与链接关联',
    request: jsonBody(
      Token.extend({
        scores: z
          .array(z.object({ instructorId: idParam, score }), { error: '请为指导员评分' })
          .max(100, '一张票最多评价 100 位指导员'),
      }),
    ),
    responses: jsonResponse(z.object({ scored: z.number() }), '已提交'),
  }),
  async (c) => {
    const { token, scores } = c.req.valid('json');
    return c.json(
      await asLinkHolder(c.get('deps').database.db, token, (tx) => castBallot(tx, token, scores, today())),
      200,
    );
  },
);

linkRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/links/survey/open',
    tags,
    middleware: [limit],
    summary: '打开满意度问卷（无需登录；已用、过期或问卷已结束的链接被拒绝）',
    request: jsonBody(Token),
    responses: jsonResponse(z.object({ title: z.string(), period: z.string(), enterpriseName: z.string() }), '问卷'),
  }),
  async (c) => {
    const { token } = c.req.valid('json');
    return c.json(await asLinkHolder(c.get('deps').database.db, token, (tx) => openSurvey(tx, token)), 200);
  },
);

linkRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/links/survey',
    tags,
    middleware: [limit],
    summary: '提交满意度问卷：每个企业一份，每个链接只能提交一次',
    request: jsonBody(
      Token.extend({
        answers: z.record(z.string(), z.string().max(2000, '答案过长'), { error: '请填写答卷' }),
      }),
    ),
    responses: jsonResponse(z.object({ ok: z.literal(true) }), '已提交'),
  }),
  async (c) => {
    const { token, answers } = c.req.valid('json');
    await asLinkHolder(c.get('deps').database.db, token, (tx) => answerSurvey(tx, token, answers, today()));
    return c.json({ ok: true as const }, 200);
  },
);
