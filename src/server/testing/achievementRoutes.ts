// The requests the authorization matrix makes to the achievement routes. The matrix's fixture
// holds no org, enterprise or achievement, so each request names one the actor cannot see
// (404 as if absent, a denied audit row, nothing changed); records of another region and
// another org are refused in src/server/achievements/achievements.test.ts.
import type { RouteSpec } from './routes.ts';

const ABSENT = 987_654;

const absent = (path: string, body?: unknown): RouteSpec => ({
  outside: () => [{ path, body, status: 404 as const }],
});

export const ACHIEVEMENT_ROUTE_CALLS: Record<string, RouteSpec> = {
  'POST /api/achievements': absent('/api/achievements', {
    orgId: ABSENT,
    enterpriseId: ABSENT,
    kind: 'contribution',
    form: 'donation',
    onDate: '2026-01-05',
    content: '捐款',
    amount: 1,
  }),
  'PATCH /api/achievements/{id}': absent(`/api/achievements/${ABSENT}`, { note: '越权' }),
  'DELETE /api/achievements/{id}': absent(`/api/achievements/${ABSENT}`),
  'GET /api/orgs/{id}/achievements': absent(`/api/orgs/${ABSENT}/achievements`),
  'GET /api/enterprises/{id}/achievements': absent(`/api/enterprises/${ABSENT}/achievements`),
};
