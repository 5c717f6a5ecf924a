// The routes a one-time link's holder calls, without an account. They are public in app.ts's
// sense (no session) but not open: each needs a live token, which only its issuer handed out.
// The CSRF check stays on (the page fetches the double-submit token from GET /api/session like
// the login page does): it costs the page one request and keeps every POST under one rule.
import { z } from '@hono/zod-openapi';
import { rateLimit } from '../rateLimit.ts';
import { areaRouter } from '../route.ts';
import { idParam } from '../schemas.ts';
import { today } from '../today.ts';
import { castBallot, openBallot } from './ballots.ts';
import { asLinkHolder } from './links.ts';
import { answerOwnerSurvey, openOwnerSurvey } from './ownerSurveys.ts';
import { linkToken, score } from './schemas.ts';

const Token = z.object({ token: linkToken });

/** The routes above, which share one limit per address. */
export const LINK_ROUTES = [
  'POST /api/links/ballot/open',
  'POST /api/links/ballot',
  'POST /api/links/owner-survey/open',
  'POST /api/links/owner-survey',
] as const;

// Per address, across all four routes: guessing a 256-bit token is hopeless anyway; this
// keeps a script from hammering the database while trying. Generous enough for a branch's
// members voting together behind one Wi-Fi address (two requests each).
const limit = rateLimit({ windowMs: 60_000, max: 120 });

export const linkRoutes = areaRouter('一次性链接');

// Registered ahead of the routes, so it runs before their input is validated, as a route's own
// middleware would.
for (const route of LINK_ROUTES) {
  const [method, path] = route.split(' ');
  linkRoutes.on(method, path, limit);
}

linkRoutes.defineOpen({
  access: 'public',
  method: 'post',
  path: '/api/links/ballot/open',
  summary: '打开民主测评票：企业、考核期与应评价的指导员（无需登录；已用、过期的链接被拒绝）',
  body: Token,
  response: z.object({
    enterpriseName: z.string(),
    period: z.string(),
    appraiser: z.enum(['owner', 'secretary', 'member']),
    instructors: z.array(z.object({ id: z.number(), name: z.string(), department: z.string() })),
  }),
  describe: '测评票',
  handler: ({ input, deps }) =>
    asLinkHolder(deps.database.db, input.body.token, (tx) => openBallot(tx, input.body.token)),
});

linkRoutes.defineOpen({
  access: 'public',
  method: 'post',
  path: '/api/links/ballot',
  summary: '提交民主测评票：为所列每位指导员评分（0–100），每个链接只能提交一次；评分不与链接关联',
  body: Token.extend({
    scores: z
      .array(z.object({ instructorId: idParam, score }), { error: '请为指导员评分' })
      .max(100, '一张票最多评价 100 位指导员'),
  }),
  response: z.object({ scored: z.number() }),
  describe: '已提交',
  handler: ({ input, deps }) => {
    const { token, scores } = input.body;
    return asLinkHolder(deps.database.db, token, (tx) => castBallot(tx, token, scores, today()));
  },
});

linkRoutes.defineOpen({
  access: 'public',
  method: 'post',
  path: '/api/links/owner-survey/open',
  summary: '打开满意度问卷（无需登录；已用、过期或问卷已结束的链接被拒绝）',
  body: Token,
  response: z.object({ title: z.string(), period: z.string(), enterpriseName: z.string() }),
  describe: '问卷',
  handler: ({ input, deps }) =>
    asLinkHolder(deps.database.db, input.body.token, (tx) => openOwnerSurvey(tx, input.body.token)),
});

linkRoutes.defineOpen({
  access: 'public',
  method: 'post',
  path: '/api/links/owner-survey',
  summary: '提交满意度问卷：每个企业一份，每个链接只能提交一次',
  body: Token.extend({
    answers: z.record(z.string(), z.string().max(2000, '答案过长'), { error: '请填写答卷' }),
  }),
  response: z.object({ ok: z.literal(true) }),
  describe: '已提交',
  handler: async ({ input, deps }) => {
    const { token, answers } = input.body;
    await asLinkHolder(deps.database.db, token, (tx) => answerOwnerSurvey(tx, token, answers, today()));
    return { ok: true as const };
  },
});
