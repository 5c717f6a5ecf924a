import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError, setAuthErrorListener } from './api.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { HomeRedirect, LoginStep, RequirePermission, RequireSession } from './components/guards.tsx';
import { pageRoutes, sectionRoutes } from './components/pageRoutes.tsx';
import { I18nProvider } from './i18n/index.tsx';
import { assessmentRoutes, publicRoutes } from './pages/assessments/routes.tsx';
import { caseworkRoutes } from './pages/casework/routes.tsx';
import { dashboardRoutes } from './pages/dashboard/routes.tsx';
import { developmentRoutes } from './pages/developments/routes.tsx';
import { instructorRoutes } from './pages/instructors/routes.tsx';
import { memberRoutes } from './pages/members/routes.tsx';
import { orglifeRoutes } from './pages/orglife/routes.tsx';
import { reportRoutes } from './pages/reports/routes.tsx';
import { recognitionRoutes } from './pages/secretaryPool/routes.tsx';
import { snapshotRoutes } from './pages/snapshots/routes.tsx';
import { isSignedOut, SESSION_KEY } from './session.ts';

const LoginPage = lazy(() => import('./pages/login/LoginPage.tsx'));
const TotpPage = lazy(() => import('./pages/login/TotpPage.tsx'));
const ForcedPasswordPage = lazy(() => import('./pages/login/ForcedPasswordPage.tsx'));
const ForcedEnrolPage = lazy(() => import('./pages/login/ForcedEnrolPage.tsx'));
const ChooseRegionPage = lazy(() => import('./pages/login/ChooseRegionPage.tsx'));
const HomePage = lazy(() => import('./pages/home/HomePage.tsx'));
const AccountPage = lazy(() => import('./pages/account/AccountPage.tsx'));
const BatchPage = lazy(() => import('./pages/imports/BatchPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));
const TodoPage = lazy(() => import('./pages/todo/TodoPage.tsx'));

// The pages of signing in, in the order a first login meets them (session.ts: nextStep).
const LOGIN_STEPS = [
  { path: '/login', page: <LoginPage /> },
  { path: '/login/totp', page: <TotpPage /> },
  { path: '/login/password', page: <ForcedPasswordPage /> },
  { path: '/login/enrol', page: <ForcedEnrolPage /> },
  { path: '/login/region', page: <ChooseRegionPage /> },
];

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change on retry; a dropped connection might.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

// The server ended the session (timeout, password reset, roles changed) or wants a login
// step first: reload the session, and the guards take the user to the right page.
// (A late answer to a request of a session the user just logged out of changes nothing.)
setAuthErrorListener(() => {
  if (!isSignedOut(queryClient.getQueryData(SESSION_KEY)))
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
});

// The pages of the signed-in layout that have no routes.tsx of their own, built once: each row
// makes its lazy page when the table is built, so it must not be rebuilt on a render.
const workPages = [
  pageRoutes([
    ['dashboard', () => import('./pages/dashboard/DashboardPage.tsx'), 'dashboard.read'],
    ['users', () => import('./pages/users/UsersPage.tsx'), 'user.read'],
    ['security', () => import('./pages/settings/SecurityPolicyPage.tsx'), 'policy.write'],
    ['settings/coverage', () => import('./pages/settings/CoverageSettingsPage.tsx'), 'settings.write'],
    ['settings/deployments', () => import('./pages/settings/DeploymentKeysPage.tsx'), 'settings.write'],
    ['settings/org-rules', () => import('./pages/settings/OrgRulesPage.tsx'), 'org.manage'],
    ['settings/appraisal-rules', () => import('./pages/settings/AppraisalRulesPage.tsx'), 'appraisal.manage'],
    ['audit', () => import('./pages/audit/AuditPage.tsx'), 'audit.read'],
    ['prompts', () => import('./pages/prompts/PromptsPage.tsx'), 'prompt.read'],
  ]),
  sectionRoutes('ledger', 'ledger.read', [
    ['', () => import('./pages/ledger/LedgerListPage.tsx')],
    ['import', () => import('./pages/imports/ImportPage.tsx'), 'ledger.import'],
    ['import/:id', () => import('./pages/imports/BatchPage.tsx')],
    ['batches', () => import('./pages/imports/BatchesPage.tsx')],
    [':id', () => import('./pages/ledger/EnterprisePage.tsx')],
  ]),
  sectionRoutes('orgs', 'org.read', [
    ['', () => import('./pages/orgs/OrgListPage.tsx')],
    [':id', () => import('./pages/orgs/OrgPage.tsx')],
  ]),
];

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AntApp>
          <BrowserRouter>
            <Routes>
              {publicRoutes}
              {LOGIN_STEPS.map(({ path, page }) => (
                <Route key={path} path={path} element={<LoginStep path={path} page={page} />} />
              ))}
              <Route
                element={
                  <RequireSession>
                    <AppLayout />
                  </RequireSession>
                }
              >
                <Route index element={<HomeRedirect />} />
                <Route path="home" element={<HomePage />} />
                {workPages}
                {/* The org and member import batches (their form is /ledger/import?kind=orgs|members). */}
                <Route
                  path="ledger/import/orgs/:id"
                  element={<RequirePermission permission="org.import" page={<BatchPage kind="orgs" />} />}
                />
                <Route
                  path="ledger/import/members/:id"
                  element={<RequirePermission permission="member.import" page={<BatchPage kind="members" />} />}
                />
                <Route
                  path="ledger/import/meetings/:id"
                  element={<RequirePermission permission="orglife.write" page={<BatchPage kind="meetings" />} />}
                />
                <Route
                  path="ledger/import/achievements/:id"
                  element={<RequirePermission permission="orglife.write" page={<BatchPage kind="achievements" />} />}
                />
                {/* Party members, their card and transfers; member development. */}
                {memberRoutes}
                {developmentRoutes}
                {instructorRoutes}
                {recognitionRoutes}
                {orglifeRoutes}
                {caseworkRoutes}
                {assessmentRoutes}
                {reportRoutes}
                {dashboardRoutes}
                {snapshotRoutes}
                <Route path="todo" element={<TodoPage />} />
                <Route path="account" element={<AccountPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </AntApp>
      </I18nProvider>
    </QueryClientProvider>
  );
}
