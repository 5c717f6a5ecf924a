// The assessments pages inside the signed-in layout, and the pages a one-time link opens (App takes them in).
import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '../../components/guards.tsx';

const AssessmentsPage = lazy(() => import('./AssessmentsPage.tsx'));
const OwnerSurveysPage = lazy(() => import('./OwnerSurveysPage.tsx'));
const OwnerSurveyPage = lazy(() => import('./OwnerSurveyPage.tsx'));
const BallotPage = lazy(() => import('./BallotPage.tsx'));
const OwnerSurveyFormPage = lazy(() => import('./OwnerSurveyFormPage.tsx'));

export const assessmentRoutes = (
  <Route path="assessments">
    <Route index element={<RequirePermission permission="assessment.read" page={<AssessmentsPage />} />} />
    <Route
      path="owner-surveys"
      element={<RequirePermission permission="assessment.read" page={<OwnerSurveysPage />} />}
    />
    <Route
      path="owner-surveys/:id"
      element={<RequirePermission permission="assessment.read" page={<OwnerSurveyPage />} />}
    />
  </Route>
);

// Pages opened from a one-time link, without an account (App takes them in outside the layout).
// The token is in the URL's fragment (/ballot#…), which the browser never sends to a server.
export const publicRoutes = (
  <>
    <Route path="ballot" element={<BallotPage />} />
    <Route path="owner-survey" element={<OwnerSurveyFormPage />} />
    {/* Links handed out before the owner survey took its name open here: they are valid for up to 180 days. */}
    <Route path="survey" element={<OwnerSurveyFormPage />} />
  </>
);
