// The assessments pages inside the signed-in layout, and the pages a one-time link opens (App takes them in).
import { lazy } from 'react';
import { Route } from 'react-router';
import { sectionRoutes } from '../../components/pageRoutes.tsx';

const BallotPage = lazy(() => import('./BallotPage.tsx'));
const OwnerSurveyFormPage = lazy(() => import('./OwnerSurveyFormPage.tsx'));

export const assessmentRoutes = sectionRoutes('assessments', 'assessment.read', [
  ['', () => import('./AssessmentsPage.tsx')],
  ['owner-surveys', () => import('./OwnerSurveysPage.tsx')],
  ['owner-surveys/:id', () => import('./OwnerSurveyPage.tsx')],
]);

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
