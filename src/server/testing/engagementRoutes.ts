// The requests the authorization matrix makes to the withdrawals of appraisals, activities,
// pairings and owner engagement. The matrix's fixture holds none, so each names one the actor
// cannot see (404 as if absent, a denied audit row, nothing changed); records of another
// region and another org are refused in src/server/engagement/withdraw.test.ts.
import type { RouteSpec } from './routes.ts';

const ABSENT = 987_654;

const absent = (path: string, body?: unknown): RouteSpec => ({
  outside: () => [{ path, body, status: 404 as const }],
});

export const ENGAGEMENT_ROUTE_CALLS: Record<string, RouteSpec> = {
  'DELETE /api/member-appraisals/{id}': absent(`/api/member-appraisals/${ABSENT}`),
  'DELETE /api/open-activities/{id}': absent(`/api/open-activities/${ABSENT}`),
  'DELETE /api/pairings/{id}': absent(`/api/pairings/${ABSENT}`),
  'DELETE /api/pairing-activities/{id}': absent(`/api/pairing-activities/${ABSENT}`),
  'DELETE /api/owner-engagements/{id}': absent(`/api/owner-engagements/${ABSENT}`),
};
