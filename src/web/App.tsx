import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError, setAuthErrorListener } from './api.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { HomeRedirect, LoginStep, RequirePermission, RequireSession } from './components/guards.tsx';
import { I18nProvider } from './i18n/index.tsx';
import { assessmentRoutes, publicRoutes } from './pages/assessments/routes.tsx';
import { caseworkRoutes } from './pages/casework/routes.tsx';
import { dashboardRoutes } from './pages/dashboard/routes.tsx';
import { instructorRoutes } from './pages/instructors/routes.tsx';
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
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage.tsx'));
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx'));
const SecurityPolicyPage = lazy(() => import('./pages/settings/SecurityPolicyPage.tsx'));
const CoverageSettingsPage = lazy(() => import('./pages/settings/CoverageSettingsPage.tsx'));
const OrgRulesPage = lazy(() => import('./pages/settings/OrgRulesPage.tsx'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx'));
const AccountPage = lazy(() => import('./pages/account/AccountPage.tsx'));
const LedgerListPage = lazy(() => import('./pages/ledger/LedgerListPage.tsx'));
const EnterprisePage = lazy(() => import('./pages/ledger/EnterprisePage.tsx'));
const ImportPage = lazy(() => import('./pages/imports/ImportPage.tsx'));
const BatchPage = lazy(() => import('./pages/imports/BatchPage.tsx'));
const BatchesPage = lazy(() => import('./pages/imports/BatchesPage.tsx'));
const OrgListPage = lazy(() => import('./pages/orgs/OrgListPage.tsx'));
const OrgPage = lazy(() => import('./pages/orgs/OrgPage.tsx'));
const PromptsPage = lazy(() => import('./pages/prompts/PromptsPage.tsx'));
const MemberListPage = lazy(() => import('./pages/members/MemberListPage.tsx'));
const MemberPage = lazy(() => import('./pages/members/MemberPage.tsx'));
const MemberCardPage = lazy(() => import('./pages/members/MemberCardPage.tsx'));
const TransfersPage = lazy(() => import('./pages/members/TransfersPage.tsx'));
const DevelopmentsPage = lazy(() => import('./pages/developments/DevelopmentsPage.tsx'));
const DevelopmentBoardPage = lazy(() => import('./pages/developments/DevelopmentBoardPage.tsx'));
const DevelopmentPage = lazy(() => import('./pages/developments/DevelopmentPage.tsx'));
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
                <Route
                  path="dashboard"
                  element={<RequirePermission permission="dashboard.read" page={<DashboardPage />} />}
                />
                <Route path="users" element={<RequirePermission permission="user.read" page={<UsersPage />} />} />
                <Route
                  path="security"
                  element={<RequirePermission permission="policy.write" page={<SecurityPolicyPage />} />}
                />
                <Route
                  path="settings/coverage"
                  element={<RequirePermission permission="settings.write" page={<CoverageSettingsPage />} />}
                />
                <Route
                  path="settings/org-rules"
                  element={<RequirePermission permission="org.manage" page={<OrgRulesPage />} />}
                />
                <Route path="audit" element={<RequirePermission permission="audit.read" page={<AuditPage />} />} />
                <Route path="ledger">
                  <Route index element={<RequirePermission permission="ledger.read" page={<LedgerListPage />} />} />
                  <Route
                    path="import"
                    element={<RequirePermission permission="ledger.import" page={<ImportPage />} />}
                  />
                  <Route
                    path="import/:id"
                    element={<RequirePermission permission="ledger.read" page={<BatchPage />} />}
                  />
                  <Route
                    path="batches"
                    element={<RequirePermission permission="ledger.read" page={<BatchesPage />} />}
                  />
                  <Route
                    path=":id"
                    element={<RequirePermission permission="ledger.read" page={<EnterprisePage />} />}
                  />
                </Route>
                <Route path="orgs">
                  <Route index element={<RequirePermission permission="org.read" page={<OrgListPage />} />} />
                  <Route path=":id" element={<RequirePermission permission="org.read" page={<OrgPage />} />} />
                </Route>
                {/* Work prompts; the org and member import batches (their form is /ledger/import?kind=orgs|members). */}
                <Route path="prompts" element={<RequirePermission permission="prompt.read" page={<PromptsPage />} />} />
                <Route
                  path="ledger/import/orgs/:id"
                  element={<RequirePermission permission="org.import" page={<BatchPage kind="orgs" />} />}
                />
                <Route
                  path="ledger/import/members/:id"
                  element={<RequirePermission permission="member.import" page={<BatchPage kind="members" />} />}
                />
                {/* Party members, their card and transfers; member development. */}
                <Route path="members">
                  <Route index element={<RequirePermission permission="member.read" page={<MemberListPage />} />} />
                  <Route
                    path="transfers"
                    element={<RequirePermission permission="member.read" page={<TransfersPage />} />}
                  />
                  <Route path=":id" element={<RequirePermission permission="member.read" page={<MemberPage />} />} />
                  <Route
                    path=":id/card"
                    element={<RequirePermission permission="member.read" page={<MemberCardPage />} />}
                  />
                </Route>
                <Route path="developments">
                  <Route index element={<RequirePermission permission="member.read" page={<DevelopmentsPage />} />} />
                  <Route
                    path="orgs/:orgId"
                    element={<RequirePermission permission="member.read" page={<DevelopmentBoardPage />} />}
                  />
                  <Route
                    path=":id"
                    element={<RequirePermission permission="member.read" page={<DevelopmentPage />} />}
                  />
                </Route>
                {instructorRoutes}
                {recognitionRoutes}
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
