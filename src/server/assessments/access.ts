import type { Permission } from '../../domain/roles.ts';
import type { RouteSpec } from '../testing/routes.ts';
import { LINK_ROUTES } from './linkRoutes.ts';

const needs = (permission: Permission, action: string): RouteSpec => ({
  access: { kind: 'permission', permission, action },
});

/**
 * Who may call each assessment and survey route (the authorization matrix reads this). The
 * one-time-link routes are public: the token is their credential. Scope (another region's
 * instructor, enterprise or survey) is proved in assessments.test.ts and surveys.test.ts.
 */
export const ASSESSMENT_ROUTE_ACCESS: Record<string, RouteSpec> = {
  'GET /api/assessments/settings': needs('assessment.read', 'assessment.settings.read'),
  'PUT /api/assessments/settings': needs('assessment.write', 'assessment.settings'),
  'GET /api/assessments/results': needs('assessment.read', 'assessment.results'),
  'GET /api/assessments/results/export': needs('assessment.read', 'assessment.export'),
  'GET /api/assessments/daily': needs('assessment.read', 'assessment.daily_list'),
  'POST /api/assessments/daily': needs('assessment.write', 'assessment.daily_add'),
  'DELETE /api/assessments/daily/{id}': needs('assessment.write', 'assessment.daily_remove'),
  'GET /api/assessments/periodic': needs('assessment.read', 'assessment.periodic_list'),
  'PUT /api/assessments/periodic': needs('assessment.write', 'assessment.periodic'),
  'GET /api/assessments/ballots': needs('assessment.read', 'ballot.list'),
  'POST /api/assessments/ballots': needs('assessment.write', 'ballot.issue'),
  'POST /api/assessments/ballots/reissue': needs('assessment.write', 'ballot.reissue'),
  'GET /api/surveys': needs('assessment.read', 'survey.list'),
  'POST /api/surveys': needs('assessment.write', 'survey.create'),
  'GET /api/surveys/{id}': needs('assessment.read', 'survey.read'),
  'POST /api/surveys/{id}/links': needs('assessment.write', 'survey.issue_links'),
  'POST /api/surveys/{id}/close': needs('assessment.write', 'survey.close'),
  ...Object.fromEntries(LINK_ROUTES.map((key) => [key, { access: { kind: 'public' } } satisfies RouteSpec])),
};
