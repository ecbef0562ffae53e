// The alias at a glance: what serves it, how fresh its data is, and the latest of each signal.
import { alertValueText } from '@quorum/domain';
import { formatAgo, formatDateTime, formatMetric } from '../../../lib/format';
import type { MonitorWindowRow } from '../api/types';
import { heatColumnsOf } from '../utils/heat-map';
import { qualityTask, qualityValues, windowLength } from '../utils/window-series';

export function AliasSummary({ windows, serving, openAlerts, now }: { windows: MonitorWindowRow[]; serving: number | null; openAlerts: number; now: number }) {
  const sorted = [...windows].sort((a, b) => a.windowStart - b.windowStart);
  const last = sorted.at(-1);
  const length = windowLength(sorted);
  // Quiet for more than two windows past the last one: the feed may have stopped.
  const stale = last !== undefined && length > 0 && now - last.windowEnd > 2 * length;
  const task = qualityTask(sorted);
  const labelled = task ? sorted.filter((w) => w.evaluation !== null).at(-1) : undefined;
  const qualityKey = task === 'regression' ? 'mae' : 'accuracy';
  const quality = labelled && task ? qualityValues(labelled, task)[qualityKey] : null;
  const drift = last ? [...heatColumnsOf(last).values()] : [];
  const drifted = drift.filter((c) => c.drifted).length;

  return (
    <dl className="mon-facts">
      <div>
        <dt>Serving</dt>
        <dd>{serving !== null ? `v${serving}` : last?.version != null ? `v${last.version}` : '—'}</dd>
      </div>
      <div>
        <dt>Last window</dt>
        <dd className={stale ? 'mon-text-warn' : undefined} title={last ? `${formatDateTime(last.windowStart)} – ${formatDateTime(last.windowEnd)}` : undefined}>
          {last ? `${last.windowEnd > now ? 'ends' : 'ended'} ${formatAgo(last.windowEnd, now)}` : 'none'}
          {stale && <span className="small"> · no window since: is the feed running?</span>}
        </dd>
      </div>
      <div>
        <dt>Predictions</dt>
        <dd>{last ? `${last.predictionCount.toLocaleString('en')} in the last window` : '—'}</dd>
      </div>
      <div>
        <dt>{qualityKey === 'mae' ? 'MAE' : 'Accuracy'}</dt>
        <dd title={labelled ? `Newest labelled window: ${formatDateTime(labelled.windowStart)}` : undefined}>
          {quality !== null ? (
            <>
              {formatMetric(quality)} <span className="small muted">({formatAgo(labelled!.windowEnd, now)})</span>
            </>
          ) : (
            <span className="muted">no labels yet</span>
          )}
        </dd>
      </div>
      <div>
        <dt>p95 latency</dt>
        <dd>{last?.latencyP95 != null ? alertValueText('latency_p95', Number(last.latencyP95.toPrecision(3))) : '—'}</dd>
      </div>
      <div>
        <dt>Drift, last window</dt>
        <dd className={drifted > 0 ? 'mon-text-bad' : undefined}>{drift.length === 0 ? '—' : `${drifted} of ${drift.length} features`}</dd>
      </div>
      <div>
        <dt>Open alerts</dt>
        <dd className={openAlerts > 0 ? 'mon-text-bad' : undefined}>{openAlerts}</dd>
      </div>
    </dl>
  );
}
