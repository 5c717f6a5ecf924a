// The instructors pages inside the signed-in layout (App takes them in).
import { sectionRoutes } from '../../components/pageRoutes.tsx';

export const instructorRoutes = sectionRoutes('instructors', 'instructor.read', [
  ['', () => import('./InstructorListPage.tsx')],
  ['departments', () => import('./DepartmentsPage.tsx')],
  ['rules', () => import('./InstructorRulesPage.tsx'), 'instructor.manage'],
  [':id', () => import('./InstructorPage.tsx')],
]);
