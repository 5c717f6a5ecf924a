import type { Permission } from '../../domain/roles.ts';
import type { RouteSpec } from '../testing/routes.ts';

const needs = (permission: Permission, action: string): RouteSpec => ({
  access: { kind: 'permission', permission, action },
});

/** Who may call each casework and summary route (the authorization matrix reads this). */
export const CASEWORK_ROUTE_ACCESS: Record<string, RouteSpec> = {
  'GET /api/casework/assignments': needs('instructor.read', 'casework.assignments'),
  'GET /api/casework/contacts': needs('instructor.read', 'contact.list'),
  'POST /api/casework/contacts': needs('instructor.record', 'contact.create'),
  'PATCH /api/casework/contacts/{id}': needs('instructor.record', 'contact.update'),
  'DELETE /api/casework/contacts/{id}': needs('instructor.record', 'contact.delete'),
  'GET /api/casework/requests': needs('instructor.read', 'request.list'),
  'POST /api/casework/requests': needs('instructor.record', 'request.create'),
  'GET /api/casework/requests/{id}': needs('instructor.read', 'request.read'),
  'POST /api/casework/requests/{id}/updates': needs('instructor.record', 'request.update'),
  'GET /api/casework/outcomes': needs('instructor.read', 'outcome.list'),
  'POST /api/casework/outcomes': needs('instructor.record', 'outcome.create'),
  'DELETE /api/casework/outcomes/{id}': needs('instructor.record', 'outcome.delete'),
  'GET /api/settings/instructor': needs('instructor.manage', 'settings.instructor.read'),
  'PUT /api/settings/instructor': {
    access: { kind: 'permission', permission: 'instructor.manage', action: 'settings.instructor' },
    call: () => ({ path: '/api/settings/instructor', body: { contactsPerWeek: 1, requestSilentDays: 30 } }),
  },
  'GET /api/reports/instructors': {
    access: { kind: 'permission', permission: 'report.read', action: 'report.instructors' },
    call: () => ({ path: '/api/reports/instructors?region=420500&from=2026-01-01&to=2026-06-30' }),
    outside: () =>
      ['110101', '420100', '420000'].map((region) => ({
        path: `/api/reports/instructors?region=${region}&from=2026-01-01&to=2026-06-30`,
        status: 403 as const,
      })),
  },
  'GET /api/reports/instructors/export': {
    access: { kind: 'permission', permission: 'report.read', action: 'report.instructors_export' },
    outside: () =>
      ['110101', '420100', '420000'].map((region) => ({
        path: `/api/reports/instructors/export?region=${region}&from=2026-01-01&to=2026-06-30`,
        status: 403 as const,
      })),
  },
};
