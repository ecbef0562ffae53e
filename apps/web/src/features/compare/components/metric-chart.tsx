// One metric, all runs: an overlaid recharts LineChart with the raw curve faint behind
// the smoothed one, and an overlay of our own for the hover tooltip and drag-zoom.
import { memo, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { chartDurationTicks, chartTickDuration, chartTickNumber, chartTickTime } from '../../../components/chart-ticks';
import { linearDomain, linearTicksWithin, logDomain } from '../utils/axis-domain';
import type { XMode } from '../utils/series-points';
import { seriesValueExtent } from '../utils/series-points';
import { MetricChartOverlay, type ChartLine } from './metric-chart-overlay';

const AXIS_TICK = { fontSize: 11, fill: 'var(--text-3)' };

function xExtent(lines: readonly ChartLine[]): [number, number] | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const l of lines) {
    const first = l.points[0];
    const last = l.points[l.points.length - 1];
    if (first && first.x < min) min = first.x;
    if (last && last.x > max) max = last.x;
  }
  return min <= max ? [min, max] : null;
}

/** Formats an x value for the axis ticks. */
function xTickFormatter(xMode: XMode, span: number): (x: number) => string {
  if (xMode === 'time') return (x) => chartTickTime(x, span);
  if (xMode === 'relative') return chartTickDuration;
  return chartTickNumber;
}

/** Formats an x value for the tooltip, which has room for the exact step or time. */
function xTooltipFormatter(xMode: XMode): (x: number) => string {
  if (xMode === 'time') return formatDateTimeSeconds;
  if (xMode === 'relative') return chartTickDuration;
  return (x) => x.toLocaleString('en');
}

function formatDateTimeSeconds(ms: number): string {
  return new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

export const MetricChart = memo(function MetricChart({
  metricKey,
  lines,
  xMode,
  smoothed,
  log,
  stepDomain,
  onZoom,
  onResetZoom,
}: {
  metricKey: string;
  lines: ChartLine[];
  xMode: XMode;
  smoothed: boolean;
  log: boolean;
  /** The zoomed step range, which the x axis shows in full even where runs have no points. */
  stepDomain: [number, number] | null;
  onZoom: (x0: number, x1: number) => void;
  onResetZoom: () => void;
}) {
  const [tooltipHost, setTooltipHost] = useState<HTMLDivElement | null>(null);
  const extent = xExtent(lines);
  // Steps widen to round numbers unless zoomed, where the chosen range is the axis.
  // Time axes keep the data's range, relative time from the start unless zoomed, and
  // put ticks at round durations.
  const timeFrom = extent && xMode === 'relative' && !stepDomain ? Math.min(0, extent[0]) : extent?.[0];
  const xAxis = !extent
    ? null
    : xMode !== 'step'
      ? { domain: [timeFrom!, extent[1]] as [number, number], ticks: chartDurationTicks(timeFrom!, extent[1], 5) }
      : stepDomain
        ? { domain: stepDomain, ticks: linearTicksWithin(stepDomain[0], stepDomain[1], 6) }
        : linearDomain(extent[0], extent[1], 6);
  const span = xAxis ? xAxis.domain[1] - xAxis.domain[0] : 0;
  const formatX = xTickFormatter(xMode, span);

  const allPoints = lines.map((l) => l.points);
  const rawExtent = seriesValueExtent(allPoints, 'raw');
  const smoothExtent = smoothed ? seriesValueExtent(allPoints, 'smooth') : null;
  // The faint raw curves stay on screen with the smoothed ones, so the axis spans both.
  const yExtent =
    rawExtent && smoothExtent ? ([Math.min(rawExtent[0], smoothExtent[0]), Math.max(rawExtent[1], smoothExtent[1])] as const) : (rawExtent ?? smoothExtent);
  const yAxis = !yExtent ? null : log ? logDomain(yExtent[0], yExtent[1]) : linearDomain(yExtent[0], yExtent[1], 5);

  // The lines only change with the data; hovering re-renders the overlay alone.
  const lineElements = useMemo(
    () =>
      lines.flatMap((l) => {
        const raw = (
          <Line
            key={`${l.runId}-raw`}
            data={l.points}
            dataKey="raw"
            stroke={l.colour}
            strokeOpacity={smoothed ? 0.22 : 1}
            strokeWidth={smoothed ? 1 : 1.5}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        );
        if (!smoothed) return [raw];
        return [
          raw,
          <Line
            key={`${l.runId}-smooth`}
            data={l.points}
            dataKey="smooth"
            stroke={l.colour}
            strokeWidth={1.75}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
            connectNulls={false}
          />,
        ];
      }),
    [lines, smoothed],
  );

  if (!xAxis || !yAxis) {
    return (
      <div className="cmp-chart-empty muted small">
        {log ? 'No positive values to draw on a log scale.' : 'No finite values to draw in this range.'}
      </div>
    );
  }

  return (
    <div className="cmp-metric-chart" ref={setTooltipHost}>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            type="number"
            dataKey="x"
            domain={xAxis.domain}
            allowDataOverflow
            ticks={xAxis.ticks}
            tickFormatter={formatX}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={{ stroke: 'var(--border-strong)' }}
            minTickGap={24}
            allowDecimals={false}
            height={24}
          />
          <YAxis
            type="number"
            scale={log ? 'log' : 'linear'}
            domain={yAxis.domain}
            ticks={yAxis.ticks}
            allowDataOverflow
            tickFormatter={chartTickNumber}
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            width={48}
          />
          {lineElements}
          <MetricChartOverlay
            metricKey={metricKey}
            lines={lines}
            smoothed={smoothed}
            formatX={xTooltipFormatter(xMode)}
            xLabel={xMode === 'step' ? 'Step' : xMode === 'time' ? 'Time' : 'Since start'}
            tooltipHost={tooltipHost}
            onZoom={onZoom}
            onResetZoom={onResetZoom}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
