import type { Permission } from '../../domain/roles.ts';
import type { RouteSpec } from '../testing/routes.ts';

const needs = (permission: Permission, action: string): RouteSpec => ({
  access: { kind: 'permission', permission, action },
});

/** Who may call each route of the instructor area (the authorization matrix reads this). */
export const INSTRUCTOR_ROUTE_ACCESS: Record<string, RouteSpec> = {
  'GET /api/departments': needs('instructor.read', 'department.list'),
  'POST /api/departments': needs('instructor.manage', 'department.create'),
  'PATCH /api/departments/{id}': needs('instructor.manage', 'department.update'),
  'DELETE /api/departments/{id}': needs('instructor.manage', 'department.delete'),
  'GET /api/instructors': needs('instructor.read', 'instructor.list'),
  'POST /api/instructors': needs('instructor.manage', 'instructor.create'),
  'GET /api/instructors/{id}': needs('instructor.read', 'instructor.read'),
  'PATCH /api/instructors/{id}': needs('instructor.manage', 'instructor.update'),
  'POST /api/instructors/{id}/reveal': needs('instructor.manage', 'instructor.reveal'),
  'POST /api/instructors/{id}/assignments': needs('instructor.manage', 'instructor.assign'),
  'POST /api/instructors/{id}/assignments/{assignmentId}/end': needs('instructor.manage', 'instructor.assignment_end'),
  'GET /api/enterprises/{id}/instructors': needs('instructor.read', 'enterprise.instructors'),
  'GET /api/enterprises/{id}/instructor-suggestions': needs('instructor.manage', 'enterprise.instructor_suggestions'),
};
