// Routes compose feature pages; features never import each other.
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { EmptyState } from '../components/states';
import { ComparePage } from '../features/compare/compare-page';
import { ExperimentsPage } from '../features/experiments/experiments-page';
import { RunPage } from '../features/runs/run-page';
import { RunsPage } from '../features/runs/runs-page';
import { Layout } from './layout';

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<Navigate to="/experiments" replace />} />
          <Route path="experiments" element={<ExperimentsPage />} />
          <Route path="experiments/:experimentId" element={<RunsPage />} />
          <Route path="runs/:runId" element={<RunPage />} />
          <Route path="compare" element={<ComparePage />} />
          <Route
            path="*"
            element={
              <div className="page">
                <EmptyState title="Page not found">
                  <a href="/experiments">Go to experiments</a>
                </EmptyState>
              </div>
            }
          />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
