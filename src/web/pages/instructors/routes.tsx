// The instructors pages inside the signed-in layout (App takes them in).
import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '../../components/guards.tsx';

const InstructorListPage = lazy(() => import('./InstructorListPage.tsx'));
const InstructorPage = lazy(() => import('./InstructorPage.tsx'));
const DepartmentsPage = lazy(() => import('./DepartmentsPage.tsx'));
const InstructorRulesPage = lazy(() => import('./InstructorRulesPage.tsx'));

export const instructorRoutes = (
  <Route path="instructors">
    <Route index element={<RequirePermission permission="instructor.read" page={<InstructorListPage />} />} />
    <Route path="departments" element={<RequirePermission permission="instructor.read" page={<DepartmentsPage />} />} />
    <Route path="rules" element={<RequirePermission permission="instructor.manage" page={<InstructorRulesPage />} />} />
    <Route path=":id" element={<RequirePermission permission="instructor.read" page={<InstructorPage />} />} />
  </Route>
);
