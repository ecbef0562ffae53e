// A card per metric: fetches that metric's series for all runs (zoomed range if any)
// and draws it, with per-chart log scale and zoom reset.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { memo, useCallback, useMemo } from 'react';
import { ErrorBox, Skeleton } from '../../../components/states';
import { useTRPC } from '../../../lib/trpc';
import { LIVE_REFETCH_MS, type CompareRun } from '../hooks/use-compare-runs';
import { seriesChartPoints, seriesCoverage, seriesStepRange, type XMode } from '../utils/series-points';
import type { StepRange } from '../utils/url-state';
import { MetricChart } from './metric-chart';
import type { ChartLine } from './metric-chart-overlay';

/** Points per run and chart; the server buckets beyond this and sends more on zoom. */
const MAX_POINTS = 1_000;

export const MetricChartCard = memo(function MetricChartCard({
  metricKey,
  runs,
  xMode,
  smoothing,
  log,
  fromStep,
  toStep,
  live,
  onToggleLog,
  onZoom,
}: {
  metricKey: string;
  runs: readonly CompareRun[];
  xMode: XMode;
  smoothing: number;
  log: boolean;
  fromStep: number | undefined;
  toStep: number | undefined;
  live: boolean;
  onToggleLog: (key: string) => void;
  onZoom: (key: string, range: StepRange | null) => void;
}) {
  const trpc = useTRPC();
  const runIds = useMemo(() => runs.map((r) => r.id), [runs]);
  const zoomed = fromStep !== undefined && toStep !== undefined;
  const query = useQuery({
    ...trpc.metrics.series.queryOptions({
      runIds,
      keys: [metricKey],
      maxPoints: MAX_POINTS,
      ...(zoomed && { fromStep, toStep }),
    }),
    // Keep the old curves on screen while a zoom or a new run loads, instead of a skeleton.
    placeholderData: keepPreviousData,
    refetchInterval: live ? LIVE_REFETCH_MS : false,
  });

  const lines = useMemo((): ChartLine[] => {
    const byId = new Map(runs.map((r) => [r.id, r]));
    return (query.data?.series ?? []).flatMap((s) => {
      const run = byId.get(s.runId);
      if (!run) return [];
      const points = seriesChartPoints(s, { xMode, startTime: run.startTime, smoothing, log });
      return [{ runId: run.id, name: run.name, colour: run.colour, points }];
    });
  }, [query.data, runs, xMode, smoothing, log]);

  const handleZoom = useCallback(
    (x0: number, x1: number) => {
      const range = seriesStepRange(
        lines.map((l) => l.points),
        x0,
        x1,
        xMode,
      );
      if (range) onZoom(metricKey, range);
    },
    [lines, xMode, metricKey, onZoom],
  );
  const resetZoom = useCallback(() => onZoom(metricKey, null), [metricKey, onZoom]);
  const stepDomain = useMemo((): [number, number] | null => (zoomed ? [fromStep, toStep] : null), [zoomed, fromStep, toStep]);

  const data = query.data;
  const sampled = data !== undefined && data.bucketWidth > 1 && data.series.some((s) => s.sampled);
  const missing = data ? runs.length - new Set(data.series.map((s) => s.runId)).size : 0;
  const apart = xMode === 'time' && lines.length > 1 && seriesCoverage(lines.map((l) => l.points)) < 0.3;

  return (
    <section className="card cmp-chart-card" aria-label={`Chart of ${metricKey}`} aria-busy={query.isFetching && query.isPlaceholderData}>
      <header className="cmp-chart-card-header">
        <h3 title={metricKey}>
          {metricKey}
        </h3>
        <span className="spacer" />
        {zoomed && (
          <button type="button" className="btn btn-sm" onClick={resetZoom}>
            Reset zoom
          </button>
        )}
        <button type="button" className="btn btn-sm cmp-btn-toggle" aria-pressed={log} onClick={() => onToggleLog(metricKey)} title="Logarithmic y axis">
          Log
        </button>
      </header>
      <div className="cmp-chart-card-meta small muted">
        {zoomed && (
          <span>
            Steps {fromStep.toLocaleString('en')}–{toStep.toLocaleString('en')}
          </span>
        )}
        {sampled && (
          <span className="cmp-chart-hint" title="Too many points to draw them all: each bucket keeps its first, lowest, highest and last value. Drag across the chart to zoom in for full resolution.">
            showing min/max per {data.bucketWidth.toLocaleString('en')} steps
          </span>
        )}
        {data && data.series.length > 0 && missing > 0 && <span>{missing === 1 ? '1 run has' : `${missing} runs have`} no values here</span>}
        {apart && <span>These runs ran at different times; relative time lines them up</span>}
        {!zoomed && !sampled && !apart && data && missing === 0 && <span>Drag across the chart to zoom</span>}
      </div>
      <div className="cmp-chart-card-body">
        {query.isPending ? (
          <Skeleton height={240} />
        ) : query.error ? (
          <ErrorBox error={query.error} onRetry={() => void query.refetch()} />
        ) : data && data.series.length === 0 ? (
          <div className="cmp-chart-empty muted small">{zoomed ? `No run logged ${metricKey} in these steps.` : `None of these runs logged ${metricKey}.`}</div>
        ) : (
          <MetricChart
            metricKey={metricKey}
            lines={lines}
            xMode={xMode}
            smoothed={smoothing > 0}
            log={log}
            stepDomain={stepDomain}
            onZoom={handleZoom}
            onResetZoom={resetZoom}
          />
        )}
      </div>
    </section>
  );
});
