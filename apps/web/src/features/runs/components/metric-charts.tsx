// A small chart per metric the run logged.
import { ErrorBox, Skeleton } from '../../../components/states';
import type { RunDetail } from '../api/types';
import { SERIES_MAX_KEYS, useMetricSeries } from '../api/use-metric-series';
import { MetricChart } from './metric-chart';

export function MetricCharts({ run }: { run: RunDetail }) {
  const keys = Object.keys(run.metrics).sort();
  const shown = keys.slice(0, SERIES_MAX_KEYS);
  const series = useMetricSeries(run.id, shown, run.status === 'RUNNING');
  if (keys.length === 0) return <p className="muted card-body">This run has logged no metrics.</p>;
  return (
    <div className="card-body">
      <ErrorBox error={series.error} onRetry={() => void series.refetch()} />
      <div className="metric-charts">
        {shown.map((key) =>
          series.isPending ? (
            <Skeleton key={key} height={182} />
          ) : (
            <MetricChart key={key} metricKey={key} series={series.data?.series.find((s) => s.key === key)} latest={run.metrics[key]?.value} />
          ),
        )}
      </div>
      {keys.length > shown.length && <p className="muted small">Charts show the first {SERIES_MAX_KEYS} of {keys.length} metrics.</p>}
    </div>
  );
}
