import { lazy, Suspense } from 'react';
import { Admin, CustomRoutes, Loading, Resource } from 'react-admin';
import { BrowserRouter, Route } from 'react-router-dom';
import { AccessDeniedPage } from './auth/AccessDeniedPage';
import { RequirePageAccess } from './auth/RequirePageAccess';
import { authProvider } from './auth/authProvider';
import { absenceLabel, activityLabel, assignmentLabel, officerLabel } from './choices';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { Layout } from './Layout';
import { LoginPage } from './LoginPage';
import { darkTheme, lightTheme } from './theme';
import { lazyPage, lazyResource } from './common/lazyPages';

// Every page after sign-in is loaded on first use: the login page carries only react-admin and the sign-in form
// (react-admin's layout shows a loader meanwhile). GraphiQL, its editor and the chart library come last of all.
const schools = lazyResource(() => import('./schools'), ['list', 'create', 'edit', 'show']);
const assignments = lazyResource(() => import('./assignments'), ['list', 'create', 'edit', 'show']);
const officers = lazyResource(() => import('./officers'), ['list', 'create', 'edit', 'show']);
const officerAbsences = lazyResource(() => import('./officerAbsences'), ['list', 'create', 'edit', 'show']);
const agencies = lazyResource(() => import('./agencies'), ['list', 'create', 'edit', 'show']);
const activities = lazyResource(() => import('./activities'), ['list', 'create', 'edit', 'show']);
const users = lazyResource(() => import('./users'), ['list', 'create', 'edit']);
const auditEvents = lazyResource(() => import('./auditEvents'), ['list']);
const tips = lazyResource(() => import('./tips'), ['list', 'create', 'edit', 'show']);
const mous = lazyResource(() => import('./mous'), ['list']);
const apiTokens = lazyResource(() => import('./apiTokens'), ['list', 'create']);
const safetyAudits = lazyResource(() => import('./safetyAudits'), ['list', 'show']);
const correctiveActions = lazyResource(() => import('./correctiveActions'), ['list']);
const SafetyAuditReportPage = lazyPage(() =>
  import('./safetyAudits/SafetyAuditReportPage').then((page) => ({ default: page.SafetyAuditReportPage })),
);
const AuditWalk = lazyPage(() => import('./safetyAudits/AuditWalk').then((page) => ({ default: page.AuditWalk })));
const Dashboard = lazyPage(() => import('./dashboard/Dashboard').then((page) => ({ default: page.Dashboard })));
const QuickLog = lazyPage(() => import('./activities/QuickLog').then((page) => ({ default: page.QuickLog })));
const CoveragePage = lazyPage(() => import('./coverage/CoveragePage').then((page) => ({ default: page.CoveragePage })));
const ExplorerPage = lazy(() => import('./explorer/ExplorerPage'));
const ChangePasswordPage = lazyPage(() => import('./auth/ChangePasswordPage').then((page) => ({ default: page.ChangePasswordPage })));
const TipReportPage = lazyPage(() => import('./tips/TipReportPage').then((page) => ({ default: page.TipReportPage })));
const ReportsPage = lazyPage(() => import('./reports/ReportsPage').then((reports) => ({ default: reports.ReportsPage })));

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
        <Resource name="officerAbsences" {...officerAbsences} options={{ label: 'Absences' }} recordRepresentation={absenceLabel} />
        <Resource name="mous" {...mous} options={{ label: 'Agreements' }} recordRepresentation="title" />
        <Resource name="agencies" {...agencies} recordRepresentation="name" />
        <Resource name="activities" {...activities} recordRepresentation={activityLabel} />
        <Resource name="tips" {...tips} recordRepresentation="referenceNumber" />
        <Resource name="users" {...users} recordRepresentation="email" />
        <Resource name="auditEvents" {...auditEvents} options={{ label: 'Audit log' }} />
        <Resource name="apiTokens" {...apiTokens} options={{ label: 'My API tokens' }} recordRepresentation="name" />
        <Resource name="safetyAudits" {...safetyAudits} options={{ label: 'Safety audits' }} />
        <Resource name="correctiveActions" {...correctiveActions} options={{ label: 'Corrective actions' }} />
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
          <Route
            path="/tip-report"
            element={
              <RequirePageAccess page="tipReport">
                <TipReportPage />
              </RequirePageAccess>
            }
          />
          <Route path="/quick-log" element={<QuickLog />} />
          <Route path="/safety-audit-walk" element={<AuditWalk />} />
          <Route path="/safety-audit-report" element={<SafetyAuditReportPage />} />
          <Route path="/safety-audit-walk/:id" element={<AuditWalk />} />
          <Route path="/change-password" element={<ChangePasswordPage />} />
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
