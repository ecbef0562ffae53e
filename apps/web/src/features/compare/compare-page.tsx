// /compare?runs=…: the selected runs side by side — curves, params against results, differences.
// All view state lives in the URL (see utils/url-state.ts), so a link shares the exact view.
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { ErrorBox, LoadingRows } from '../../components/states';
import { CompareEmpty } from './components/compare-empty';
import { DifferencesTable } from './components/differences-table';
import { MetricCharts } from './components/metric-charts';
import { ParallelCoordinates } from './components/parallel-coordinates';
import { RunLegend } from './components/run-legend';
import { ScatterCard } from './components/scatter-card';
import { MAX_COMPARED_RUNS, useCompareRuns } from './hooks/use-compare-runs';
import { useCompareView } from './hooks/use-compare-view';
import { urlValueRefFormat } from './utils/url-state';

function CompareCrumbs({ experiments }: { experiments: { id: number; name: string }[] }) {
  const only = experiments.length === 1 ? experiments[0] : undefined;
  return (
    <>
      <Link to="/experiments">Experiments</Link>
      {only && (
        <>
          {' / '}
          <Link to={`/experiments/${only.id}`}>{only.name}</Link>
        </>
      )}
      {' / Compare'}
    </>
  );
}

export function ComparePage() {
  const { view, actions } = useCompareView();
  const { runs, failures, isPending, isLive, truncated } = useCompareRuns(view.runIds);

  if (view.runIds.length < 2) {
    return (
      <div className="page compare-page">
        <PageHeader title="Compare runs" crumbs={<CompareCrumbs experiments={[]} />} />
        <CompareEmpty />
      </div>
    );
  }

  const experiments = [...new Map(runs.map((r) => [r.experimentId, { id: r.experimentId, name: r.experimentName }])).values()];
  // Until the runs load, count what was asked for; then what exists.
  const count = isPending ? Math.min(view.runIds.length, MAX_COMPARED_RUNS) : runs.length;
  return (
    <div className="page compare-page">
      <PageHeader
        title={`Compare ${count} runs`}
        crumbs={<CompareCrumbs experiments={experiments} />}
        description={
          experiments.length > 1 ? `From ${experiments.length} experiments: ${experiments.map((e) => e.name).join(', ')}` : undefined
        }
        actions={
          isLive && (
            <span className="cmp-live-hint small" title="A compared run is still running: runs and charts refresh every 5 seconds">
              <span className="pulse" aria-hidden /> Live, refreshing every 5 s
            </span>
          )
        }
      />
      {failures.length > 0 && (
        <div className="stack compare-failures">
          <ErrorBox error={{ message: failures.map((f) => f.message).join(' · ') }} />
          <div className="row">
            <button type="button" className="btn btn-sm" onClick={() => actions.removeRuns(failures.map((f) => f.runId))}>
              Remove {failures.length === 1 ? 'it' : `these ${failures.length}`} from the comparison
            </button>
            <Link to="/experiments" className="small">
              Back to experiments
            </Link>
          </div>
        </div>
      )}
      {truncated && (
        <div className="alert alert-info small">Only the first {MAX_COMPARED_RUNS} runs of the link are compared.</div>
      )}
      {isPending && runs.length === 0 ? (
        <div className="card">
          <LoadingRows rows={3} />
        </div>
      ) : (
        <RunLegend runs={runs} onRemove={actions.removeRuns} />
      )}
      {/* Sections wait for every run, so charts ask for all series once rather than per arriving run. */}
      {isPending ? null : runs.length < 2 ? (
        <CompareEmpty title={runs.length === 1 ? 'Only one of these runs exists' : 'None of these runs exist'} />
      ) : (
        <>
          <MetricCharts runs={runs} view={view} actions={actions} live={isLive} />
          <ParallelCoordinates runs={runs} metric={view.parallelMetric} onMetric={actions.setParallelMetric} />
          <ScatterCard
            runs={runs}
            xRef={view.scatterX && urlValueRefFormat(view.scatterX)}
            yRef={view.scatterY && urlValueRefFormat(view.scatterY)}
            logX={view.scatterLogX}
            logY={view.scatterLogY}
            actions={actions}
          />
          <DifferencesTable runs={runs} onlyDifferences={view.onlyDifferences} onOnlyDifferences={actions.setOnlyDifferences} />
        </>
      )}
    </div>
  );
}
