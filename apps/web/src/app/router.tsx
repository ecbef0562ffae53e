// Routes compose feature pages; features never import each other. Everything past the
// sign-in page needs a session, so the session provider wraps the routes.
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router';
import { EmptyState } from '../components/states';
import { UsersPage } from '../features/admin/users-page';
import { TeamsPage } from '../features/admin/teams-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { ComparePage } from '../features/compare/compare-page';
import { AuditPage } from '../features/compliance/audit-page';
import { DataPage } from '../features/data/data-page';
import { ExperimentsPage } from '../features/experiments/experiments-page';
import { HomePage } from '../features/home/home-page';
import { MonitoringPage } from '../features/monitoring/monitoring-page';
import { KpiPage } from '../features/kpis/kpi-page';
import { KpisPage } from '../features/kpis/kpis-page';
import { ApprovalQueuePage } from '../features/promotions/approval-queue-page';
import { PromotionRequestPage } from '../features/promotions/promotion-request-page';
import { ModelPage } from '../features/registry/model-page';
import { ModelsPage } from '../features/registry/models-page';
import { VersionPage } from '../features/registry/version-page';
import { RunPage } from '../features/runs/run-page';
import { RunsPage } from '../features/runs/runs-page';
import { TokensPage } from '../features/tokens/tokens-page';
import { SessionProvider } from '../lib/session';
import { Layout } from './layout';

export function AppRouter() {
  return (
    <BrowserRouter>
      <SessionProvider signedOut={<SignInPage />}>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<Navigate to="/home" replace />} />
            <Route path="home" element={<HomePage />} />
            <Route path="experiments" element={<ExperimentsPage />} />
            <Route path="experiments/:experimentId" element={<RunsPage />} />
            <Route path="runs/:runId" element={<RunPage />} />
            <Route path="compare" element={<ComparePage />} />
            <Route path="data" element={<DataPage />} />
            <Route path="models" element={<ModelsPage />} />
            <Route path="models/:modelId" element={<ModelPage />} />
            <Route path="models/:modelId/versions/:versionId" element={<VersionPage />} />
            <Route path="monitoring" element={<MonitoringPage />} />
            <Route path="monitoring/:modelId" element={<MonitoringPage />} />
            <Route path="approvals" element={<ApprovalQueuePage />} />
            <Route path="approvals/:requestId" element={<PromotionRequestPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="kpis" element={<KpisPage />} />
            <Route path="kpis/:kpiId" element={<KpiPage />} />
            <Route path="admin" element={<Navigate to="/admin/users" replace />} />
            <Route path="admin/users" element={<UsersPage />} />
            <Route path="admin/teams" element={<TeamsPage />} />
            <Route path="tokens" element={<TokensPage />} />
            <Route
              path="*"
              element={
                <div className="page">
                  <EmptyState title="Page not found">
                    <Link to="/home">Go to your home</Link>
                  </EmptyState>
                </div>
              }
            />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
