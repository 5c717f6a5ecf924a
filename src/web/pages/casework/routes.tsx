// The casework pages inside the signed-in layout (App takes them in).
import { sectionRoutes } from '../../components/pageRoutes.tsx';

export const caseworkRoutes = sectionRoutes('casework', 'instructor.read', [
  ['', () => import('./AssignmentsPage.tsx')],
  ['assignments/:id', () => import('./AssignmentPage.tsx')],
  ['contact', () => import('./ContactPage.tsx'), 'instructor.record'],
  ['requests', () => import('./RequestsPage.tsx')],
  ['requests/:id', () => import('./RequestPage.tsx')],
  ['outcomes', () => import('./OutcomesPage.tsx')],
  ['summary', () => import('./SummaryPage.tsx'), 'report.read'],
]);
