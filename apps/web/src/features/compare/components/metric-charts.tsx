// The "Metrics" section: shared controls and a grid of chart cards, one per metric.
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import { ErrorBox, Skeleton } from '../../../components/states';
import { useTRPC } from '../../../lib/trpc';
import type { CompareActions } from '../hooks/use-compare-view';
import { LIVE_REFETCH_MS, type CompareRun } from '../hooks/use-compare-runs';
import type { CompareView } from '../utils/url-state';
import { MetricChartCard } from './metric-chart-card';
import { MetricControls } from './metric-controls';

/** Charts shown before anyone picks: enough to see the picture, few enough to load fast. */
const DEFAULT_CHARTS = 8;

export function MetricCharts({ runs, view, actions, live }: { runs: readonly CompareRun[]; view: CompareView; actions: CompareActions; live: boolean }) {
  const trpc = useTRPC();
  const runIds = useMemo(() => runs.map((r) => r.id), [runs]);
  const keysQuery = useQuery({
    ...trpc.metrics.keys.queryOptions({ runIds }),
    enabled: runIds.length > 0,
    refetchInterval: live ? LIVE_REFETCH_MS : false,
  });
  const allKeys = useMemo(() => keysQuery.data ?? [], [keysQuery.data]);
  const selected = view.keys ?? allKeys.slice(0, DEFAULT_CHARTS);
  // Smoothing recomputes every curve; deferring it keeps the slider itself smooth.
  const smoothing = useDeferredValue(view.smoothing);
  const logKeys = new Set(view.logKeys);

  return (
    <section className="compare-section" aria-labelledby="compare-metrics">
      <div className="compare-section-head">
        <h2 id="compare-metrics">Metrics</h2>
        <MetricControls
          xMode={view.xMode}
          smoothing={view.smoothing}
          keys={allKeys}
          selectedKeys={selected}
          onXMode={actions.setXMode}
          onSmoothing={actions.setSmoothing}
          onKeys={actions.setKeys}
        />
      </div>
      {keysQuery.error ? (
        <ErrorBox error={keysQuery.error} onRetry={() => void keysQuery.refetch()} />
      ) : keysQuery.isPending ? (
        <div className="cmp-chart-grid">
          {[0, 1, 2, 3].map((i) => (
            <div className="card cmp-chart-card" key={i}>
              <Skeleton height={286} />
            </div>
          ))}
        </div>
      ) : selected.length === 0 ? (
        <div className="card empty small">
          {allKeys.length === 0 ? 'These runs have not logged any metrics yet.' : 'No metrics chosen. Pick some with the Metrics menu above.'}
        </div>
      ) : (
        <div className="cmp-chart-grid">
          {selected.map((key) => {
            const zoom = view.zooms.get(key);
            return (
              <MetricChartCard
                key={key}
                metricKey={key}
                runs={runs}
                xMode={view.xMode}
                smoothing={smoothing}
                log={logKeys.has(key)}
                fromStep={zoom?.fromStep}
                toStep={zoom?.toStep}
                live={live}
                onToggleLog={actions.toggleLog}
                onZoom={actions.setZoom}
              />
            );
          })}
        </div>
      )}
    </section>
  );
}
