import { lazy, Suspense } from 'react';
import { Admin, CustomRoutes, Loading, Resource } from 'react-admin';
import { BrowserRouter, Route } from 'react-router-dom';
import activities from './activities';
import { AccessDeniedPage } from './auth/AccessDeniedPage';
import { RequirePageAccess } from './auth/RequirePageAccess';
import { QuickLog } from './activities/QuickLog';
import agencies from './agencies';
import apiTokens from './apiTokens';
import assignments from './assignments';
import auditEvents from './auditEvents';
import { authProvider } from './auth/authProvider';
import { activityLabel, assignmentLabel, officerLabel } from './choices';
import { CoveragePage } from './coverage/CoveragePage';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { Layout } from './Layout';
import { LoginPage } from './LoginPage';
import officers from './officers';
import schools from './schools';
import { darkTheme, lightTheme } from './theme';
import users from './users';

// GraphiQL (with its editor) and the chart library are large: load them only when their page is opened, so that
// the login page and the dashboard come without them.
const ExplorerPage = lazy(() => import('./explorer/ExplorerPage'));
const ReportsPage = lazy(() => import('./reports/ReportsPage').then((reports) => ({ default: reports.ReportsPage })));

export function App() {
  // Plain paths (/coverage, /schools/3/show): the server answers every console path with index.html.
  return (
    <BrowserRouter>
      <Admin
        title="SRO Hub"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        dashboard={Dashboard}
        layout={Layout}
        loginPage={LoginPage}
        theme={lightTheme}
        darkTheme={darkTheme}
        requireAuth
        accessDenied={AccessDeniedPage}
        disableTelemetry
      >
        <Resource name="schools" {...schools} recordRepresentation="name" />
        <Resource name="assignments" {...assignments} recordRepresentation={assignmentLabel} />
        <Resource name="officers" {...officers} recordRepresentation={officerLabel} />
        <Resource name="agencies" {...agencies} recordRepresentation="name" />
        <Resource name="activities" {...activities} recordRepresentation={activityLabel} />
        <Resource name="users" {...users} recordRepresentation="email" />
        <Resource name="auditEvents" {...auditEvents} options={{ label: 'Audit log' }} />
        <Resource name="apiTokens" {...apiTokens} options={{ label: 'My API tokens' }} recordRepresentation="name" />
        <CustomRoutes>
          <Route
            path="/coverage"
            element={
              <RequirePageAccess page="coverage">
                <CoveragePage />
              </RequirePageAccess>
            }
          />
          <Route
            path="/reports"
            element={
              <Suspense fallback={<Loading loadingPrimary="Loading the reports" loadingSecondary="" />}>
                <ReportsPage />
              </Suspense>
            }
          />
          <Route path="/quick-log" element={<QuickLog />} />
          <Route
            path="/explorer"
            element={
              <RequirePageAccess page="explorer">
                <Suspense fallback={<Loading loadingPrimary="Loading the API explorer" loadingSecondary="" />}>
                  <ExplorerPage />
                </Suspense>
              </RequirePageAccess>
            }
          />
        </CustomRoutes>
      </Admin>
    </BrowserRouter>
  );
}
