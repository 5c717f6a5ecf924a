// The assessments pages inside the signed-in layout, and the pages a one-time link opens (App takes them in).
import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '../../components/guards.tsx';

const AssessmentsPage = lazy(() => import('./AssessmentsPage.tsx'));
const SurveysPage = lazy(() => import('./SurveysPage.tsx'));
const SurveyPage = lazy(() => import('./SurveyPage.tsx'));
const BallotPage = lazy(() => import('./BallotPage.tsx'));
const SurveyFormPage = lazy(() => import('./SurveyFormPage.tsx'));

export const assessmentRoutes = (
  <Route path="assessments">
    <Route index element={<RequirePermission permission="assessment.read" page={<AssessmentsPage />} />} />
    <Route path="surveys" element={<RequirePermission permission="assessment.read" page={<SurveysPage />} />} />
    <Route path="surveys/:id" element={<RequirePermission permission="assessment.read" page={<SurveyPage />} />} />
  </Route>
);

// Pages opened from a one-time link, without an account (App takes them in outside the layout).
// The token is in the URL's fragment (/ballot#…), which the browser never sends to a server.
export const publicRoutes = (
  <>
    <Route path="ballot" element={<BallotPage />} />
    <Route path="survey" element={<SurveyFormPage />} />
  </>
);
