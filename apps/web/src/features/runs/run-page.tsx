// /runs/:runId — one run: its facts, notes, metric charts, params, latest metrics, tags
// and datasets. Refreshes every 5 s while the run is RUNNING. A finished run can be
// registered as a model version.
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorBox, Skeleton } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { readableError } from './api/types';
import { useRun } from './api/use-run';
import { KeyValueTable } from './components/key-value-table';
import { MetricCharts } from './components/metric-charts';
import { RegisterVersionButton } from './components/register-version-button';
import { RunDatasets } from './components/run-datasets';
import { RunMetricsTable } from './components/run-metrics-table';
import { RunNotes } from './components/run-notes';
import { RunOverview } from './components/run-overview';

export function RunPage() {
  const { runId = '' } = useParams();
  const query = useRun(runId);
  const run = query.data;

  if (!run) {
    const code = query.error?.data?.code;
    if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') {
      return (
        <div className="page">
          <EmptyState title={code === 'NOT_FOUND' ? 'Run not found' : 'Not a run id'}>
            <p>{query.error?.message}</p>
            <Link to="/experiments">Back to experiments</Link>
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="page">
        {query.error ? (
          <ErrorBox error={readableError(query.error)} onRetry={() => void query.refetch()} />
        ) : (
          <div className="stack" aria-busy="true" aria-label="Loading run">
            <Skeleton height={14} width={240} />
            <Skeleton height={26} width={360} />
            <Skeleton height={120} />
            <Skeleton height={240} />
          </div>
        )}
      </div>
    );
  }

  const live = run.status === 'RUNNING';
  return (
    <div className="page">
      <PageHeader
        crumbs={
          <>
            <Link to="/experiments">Experiments</Link> <span aria-hidden>/</span>{' '}
            <Link to={`/experiments/${run.experimentId}`}>{run.experimentName || `#${run.experimentId}`}</Link> <span aria-hidden>/</span> {run.name}
          </>
        }
        title={
          <span className="row">
            {run.name}
            <StatusBadge status={run.status} />
            {live && (
              <span className="live-indicator" title="The run is in progress: this page refreshes every 5 seconds">
                Live
              </span>
            )}
          </span>
        }
        actions={
          <>
            <Link className="btn" to={`/experiments/${run.experimentId}`}>
              Compare with…
            </Link>
            <RegisterVersionButton run={run} />
          </>
        }
      />
      {/* A failed background refresh keeps the last data on screen and says so. */}
      {query.error && <ErrorBox error={readableError(query.error)} onRetry={() => void query.refetch()} />}

      <div className="stack">
        <div className="run-top">
          <section className="card" aria-label="Overview">
            <div className="card-body">
              <RunOverview run={run} now={query.dataUpdatedAt} />
            </div>
          </section>
          <RunNotes runId={run.id} notes={run.notes} />
        </div>

        <section className="card" aria-labelledby="run-charts-title">
          <div className="card-header">
            <h2 id="run-charts-title">Metric history</h2>
          </div>
          <MetricCharts run={run} />
        </section>

        <div className="grid-2">
          <KeyValueTable title="Parameters" entries={run.params} empty="No parameters logged." />
          <RunMetricsTable metrics={run.metrics} />
          <KeyValueTable title="Tags" entries={run.tags} empty="No tags." />
          <RunDatasets inputs={run.inputs} />
        </div>
      </div>
    </div>
  );
}
