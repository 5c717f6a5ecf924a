// The casework pages inside the signed-in layout (App takes them in).
import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '../../components/guards.tsx';

const AssignmentsPage = lazy(() => import('./AssignmentsPage.tsx'));
const AssignmentPage = lazy(() => import('./AssignmentPage.tsx'));
const ContactPage = lazy(() => import('./ContactPage.tsx'));
const RequestsPage = lazy(() => import('./RequestsPage.tsx'));
const RequestPage = lazy(() => import('./RequestPage.tsx'));
const OutcomesPage = lazy(() => import('./OutcomesPage.tsx'));
const SummaryPage = lazy(() => import('./SummaryPage.tsx'));

export const caseworkRoutes = (
  <Route path="casework">
    <Route index element={<RequirePermission permission="instructor.read" page={<AssignmentsPage />} />} />
    <Route
      path="assignments/:id"
      element={<RequirePermission permission="instructor.read" page={<AssignmentPage />} />}
    />
    <Route path="contact" element={<RequirePermission permission="instructor.record" page={<ContactPage />} />} />
    <Route path="requests" element={<RequirePermission permission="instructor.read" page={<RequestsPage />} />} />
    <Route path="requests/:id" element={<RequirePermission permission="instructor.read" page={<RequestPage />} />} />
    <Route path="outcomes" element={<RequirePermission permission="instructor.read" page={<OutcomesPage />} />} />
    <Route path="summary" element={<RequirePermission permission="report.read" page={<SummaryPage />} />} />
  </Route>
);
