// /models — the MLOps engineer's registry: every model, what its aliases serve and
// whether those versions pass their gates, with open promotion requests.
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { idReadableError } from '../../components/id-readable-error';
import { EmptyState, ErrorBox, LoadingRows } from '../../components/states';
import type { ModelDetail } from './api/types';
import { useModelDetails, useModels } from './api/use-registry';
import { ModelsTable } from './components/models-table';

export function ModelsPage() {
  const models = useModels();
  const list = models.data ?? [];
  const detailQueries = useModelDetails(list.map((m) => m.id));
  const details = new Map(detailQueries.flatMap((q) => (q.data ? [[q.data.id, q.data] as [number, ModelDetail]] : [])));
  const openTotal = list.reduce((n, m) => n + m.openRequests, 0);

  return (
    <div className="page">
      <PageHeader
        title="Models"
        description="Every registered model, the versions its aliases serve, and whether those versions pass their gates."
        actions={
          openTotal > 0 && (
            <Link className="btn" to="/approvals">
              {openTotal} open request{openTotal === 1 ? '' : 's'} →
            </Link>
          )
        }
      />
      <section className="card">
        {models.isPending ? (
          <LoadingRows rows={4} />
        ) : models.error ? (
          <div className="card-body">
            <ErrorBox error={idReadableError(models.error)} onRetry={() => void models.refetch()} />
          </div>
        ) : list.length === 0 ? (
          <EmptyState title="No models registered yet">
            <p className="reg-empty-text">Open a finished run and choose “Register as model version”: its model becomes version 1 of a new registered model.</p>
            <Link to="/experiments">Go to experiments</Link>
          </EmptyState>
        ) : (
          <ModelsTable models={list} details={details} now={models.dataUpdatedAt} />
        )}
      </section>
    </div>
  );
}
