// One metric's history as a small line chart; values that are not finite are skipped.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMetric } from '../../../lib/format';
import type { MetricSeries } from '../api/types';
import { seriesPoints } from '../utils/series-points';

const AXIS_TICK = { fontSize: 11, fill: 'var(--text-3)' };

export function MetricChart({ metricKey, series, latest }: { metricKey: string; series: MetricSeries | undefined; latest: number | undefined }) {
  const { points, skipped } = series ? seriesPoints(series) : { points: [], skipped: 0 };
  return (
    <figure className="metric-chart">
      <figcaption>
        <span className="mono metric-chart-key" title={metricKey}>
          {metricKey}
        </span>
        <span className="spacer" />
        <span className="num metric-chart-latest" title="Latest value">
          {formatMetric(latest)}
        </span>
      </figcaption>
      {points.length === 0 ? (
        <div className="metric-chart-empty muted small">{series ? 'No finite values to draw' : 'No history'}</div>
      ) : (
        <ResponsiveContainer width="100%" height={150}>
          <LineChart data={points} margin={{ top: 6, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: 'var(--border)' }} />
            <YAxis
              dataKey="value"
              type="number"
              domain={['auto', 'auto']}
              width={52}
              tick={AXIS_TICK}
              tickLine={false}
              axisLine={false}
              tickFormatter={(v: number) => formatMetric(v)}
            />
            <Tooltip
              formatter={(v) => [formatMetric(Number(v)), metricKey]}
              labelFormatter={(step) => `step ${String(step)}`}
              contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: 'var(--border)' }}
            />
            <Line type="linear" dataKey="value" stroke="var(--accent)" strokeWidth={1.6} dot={points.length === 1} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      )}
      {(skipped > 0 || series?.sampled) && (
        <div className="metric-chart-note muted small">
          {skipped > 0 && `${skipped} non-finite value${skipped === 1 ? '' : 's'} (NaN/∞) not drawn`}
          {skipped > 0 && series?.sampled && ' · '}
          {series?.sampled && 'downsampled'}
        </div>
      )}
    </figure>
  );
}
