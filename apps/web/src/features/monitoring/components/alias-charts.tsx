// One alias's production traffic on one time axis: quality once labels arrive, latency,
// prediction volume and feature drift, each marked with the alias's moves and alerts.
import { alertRuleValidate, alertValueText } from '@quorum/domain';
import { useMemo } from 'react';
import { CHART_PALETTE } from '../../../components/chart-palette';
import { chartTickNumber } from '../../../components/chart-ticks';
import { formatMetric } from '../../../lib/format';
import type { MonitorPage, MonitorWindowRow } from '../api/types';
import { alertPanel, monitorAlertSpans, monitorMoveMarkers, monitorTimeDomain, monitorTimeTicks } from '../utils/time-axis';
import { useElementWidth } from '../../../lib/use-element-width';
import { labelledText, labelsAwaited, QUALITY_KEYS, qualityTask, qualityValues, windowSeries, type QualityKey } from '../utils/window-series';
import { DriftHeatMap } from './drift-heat-map';
import { LabelsHint } from './monitoring-hints';
import { PANEL_GUTTER, PANEL_RIGHT, PANEL_Y_AXIS, TimePanel, type PanelAxis, type PanelSeries } from './time-chart';

const QUALITY_LABELS: Record<QualityKey, string> = { accuracy: 'accuracy', precision: 'precision', recall: 'recall', f1: 'F1', mae: 'MAE', rmse: 'RMSE' };
const ms = (v: number) => alertValueText('latency_p50', Number(v.toPrecision(3)));
const share = (v: number) => formatMetric(v);
const count = (v: number) => Math.round(v).toLocaleString('en');

export function AliasCharts({ page, alias, windows, now }: { page: MonitorPage; alias: string; windows: MonitorWindowRow[]; now: number }) {
  const [ref, width] = useElementWidth(1000);
  // Marker labels are stacked for the plot's width, which every panel shares.
  const plotWidth = Math.max(200, width - PANEL_GUTTER - PANEL_Y_AXIS - PANEL_RIGHT);
  const axis = useMemo<PanelAxis>(() => {
    const moves = page.moves.filter((m) => m.alias === alias);
    const domain = monitorTimeDomain(windows, moves.map((m) => m.movedAt), page.from, now);
    const markers = monitorMoveMarkers(moves, alias, domain, plotWidth);
    return {
      domain,
      ticks: monitorTimeTicks(domain),
      markers,
      spans: monitorAlertSpans(page.alerts, windows, alias, domain).map((span) => {
        const rule = page.rules.find((r) => r.id === span.ruleId);
        const checked = rule ? alertRuleValidate(rule.rule) : null;
        return { ...span, panel: checked?.ok ? alertPanel(checked.rule.metric) : null, title: rule ? `${rule.name}${rule.name === rule.description ? '' : ` (${rule.description})`}` : span.label };
      }),
      lanes: markers.length === 0 ? 0 : Math.max(...markers.map((m) => m.lane)) + 1,
      syncId: `monitor-${page.model.id}-${alias}`,
    };
  }, [page, alias, windows, now, plotWidth]);

  const task = qualityTask(windows);
  const qualityKeys = task ? QUALITY_KEYS[task] : [];
  const quality = useMemo(() => (task ? windowSeries(windows, QUALITY_KEYS[task], (w) => qualityValues(w, task)) : []), [windows, task]);
  const latency = useMemo(() => windowSeries(windows, ['p50', 'p95', 'p99'], (w) => ({ p50: w.latencyP50, p95: w.latencyP95, p99: w.latencyP99 })), [windows]);
  const volume = useMemo(() => windowSeries(windows, ['predictions'], (w) => ({ predictions: w.predictionCount })), [windows]);
  const awaited = labelsAwaited(windows);
  const byStart = useMemo(() => new Map(windows.map((w) => [w.windowStart, w])), [windows]);
  const hasLatency = latency.some((r) => r.p50 !== null);

  const qualitySeries: PanelSeries<QualityKey>[] = qualityKeys.map((key, i) => ({ key, label: QUALITY_LABELS[key], colour: CHART_PALETTE[i]!, dashed: i > 0 }));

  return (
    <div className="mon-charts" ref={ref}>
      {task ? (
        <TimePanel
          panel="quality"
          title={task === 'classification' ? 'Quality' : 'Error'}
          rows={quality}
          series={qualitySeries}
          axis={axis}
          format={task === 'classification' ? share : formatMetric}
          tickFormat={task === 'classification' ? share : chartTickNumber}
          awaited={awaited}
          note={
            awaited
              ? `Labels trail predictions: the last ${awaited.count} window${awaited.count === 1 ? ' has' : 's have'} none yet, so ${awaited.count === 1 ? 'it is' : 'they are'} left blank.`
              : 'Every window in range has labels.'
          }
          tooltipExtra={(row) => {
            const w = byStart.get(row.start);
            return w ? <div className="muted small">{labelledText(w)}</div> : null;
          }}
        />
      ) : (
        <section className="mon-panel mon-panel-empty" aria-label="Quality">
          <div className="mon-panel-legend" style={{ width: PANEL_GUTTER }}>
            <h3>Quality</h3>
          </div>
          <div className="mon-panel-chart mon-empty-note">
            <p>No ground truth has arrived for these windows yet, so accuracy is unknown (not zero). Send predictions with ids, then the labels when they are known:</p>
            <LabelsHint model={page.model.name} />
          </div>
        </section>
      )}
      {hasLatency ? (
        <TimePanel
          panel="latency"
          title="Latency (ms)"
          rows={latency}
          series={[
            { key: 'p50', label: 'p50', colour: CHART_PALETTE[0] },
            { key: 'p95', label: 'p95', colour: CHART_PALETTE[1] },
            { key: 'p99', label: 'p99', colour: CHART_PALETTE[4], dashed: true },
          ]}
          axis={axis}
          format={ms}
          tickFormat={chartTickNumber}
          yDomain={[0, 'auto']}
        />
      ) : (
        <section className="mon-panel mon-panel-empty" aria-label="Latency">
          <div className="mon-panel-legend" style={{ width: PANEL_GUTTER }}>
            <h3>Latency</h3>
          </div>
          <div className="mon-panel-chart mon-empty-note">
            <p>
              No window reported latency. Pass <code>latencyMs</code> to <code>monitor.record()</code>, or send <code>latency: {'{ samplesMs }'}</code> or Prometheus{' '}
              <code>{'{ buckets }'}</code> with each window.
            </p>
          </div>
        </section>
      )}
      <TimePanel
        panel="volume"
        title="Prediction volume"
        rows={volume}
        series={[{ key: 'predictions', label: 'per window', colour: CHART_PALETTE[5], kind: 'area' }]}
        axis={axis}
        format={count}
        tickFormat={chartTickNumber}
        yDomain={[0, 'auto']}
        height={130}
      />
      <DriftHeatMap windows={windows} axis={axis} />
    </div>
  );
}
