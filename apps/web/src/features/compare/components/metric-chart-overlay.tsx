// Hover and drag on a metric chart: a crosshair with each run's value in a tooltip, and
// a dragged range that zooms in. Its state stays here so the lines never re-render on hover.
import { useState, type PointerEvent } from 'react';
import { createPortal } from 'react-dom';
import { ReferenceArea, usePlotArea, useXAxisInverseScale, useXAxisScale, useYAxisScale } from 'recharts';
import { formatMetric } from '../../../lib/format';
import { metricGoal } from '../utils/best-run';
import { seriesNearestPoint, type ChartPoint } from '../utils/series-points';

export interface ChartLine {
  runId: string;
  name: string;
  colour: string;
  points: ChartPoint[];
}

/** Drags shorter than this are clicks, not zooms. */
const MIN_DRAG_PX = 6;
/** How far past a run's ends the tooltip still shows its value, as a share of the axis. */
const HOVER_TOLERANCE = 0.02;
const TOOLTIP_ROWS = 12;

function svgX(e: PointerEvent<SVGRectElement>): number {
  const svg = e.currentTarget.ownerSVGElement;
  return e.clientX - (svg?.getBoundingClientRect().left ?? 0);
}

export function MetricChartOverlay({
  metricKey,
  lines,
  smoothed,
  formatX,
  xLabel,
  tooltipHost,
  onZoom,
  onResetZoom,
}: {
  metricKey: string;
  lines: readonly ChartLine[];
  smoothed: boolean;
  formatX: (x: number) => string;
  xLabel: string;
  tooltipHost: HTMLElement | null;
  onZoom: (x0: number, x1: number) => void;
  onResetZoom: () => void;
}) {
  const plot = usePlotArea();
  const xScale = useXAxisScale();
  const xInverse = useXAxisInverseScale();
  const yScale = useYAxisScale();
  const [hoverPx, setHoverPx] = useState<number | null>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  if (!plot || !xScale || !xInverse || !yScale) return null;

  const clampPx = (px: number) => Math.min(Math.max(px, plot.x), plot.x + plot.width);
  const toX = (px: number) => Number(xInverse(clampPx(px)));
  const tolerance = Math.abs(toX(plot.x + plot.width) - toX(plot.x)) * HOVER_TOLERANCE;

  const hoverX = hoverPx === null ? null : toX(hoverPx);
  const hits =
    hoverX === null
      ? []
      : lines.flatMap((l) => {
          const p = seriesNearestPoint(l.points, hoverX, tolerance);
          return p ? [{ line: l, point: p, shown: smoothed ? p.smoothed : p.value, drawn: smoothed ? p.smooth : p.raw }] : [];
        });
  // Best first, so the tooltip reads as a ranking at that step; NaN and ±∞ last.
  const sign = metricGoal(metricKey) === 'min' ? 1 : -1;
  const rank = (v: number) => (Number.isFinite(v) ? sign * v : Number.POSITIVE_INFINITY);
  hits.sort((a, b) => rank(a.shown) - rank(b.shown) || 0);

  const onPointerDown = (e: PointerEvent<SVGRectElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const px = clampPx(svgX(e));
    setDrag({ from: px, to: px });
  };
  const onPointerMove = (e: PointerEvent<SVGRectElement>) => {
    const px = clampPx(svgX(e));
    setHoverPx(px);
    if (drag) setDrag({ from: drag.from, to: px });
  };
  const onPointerUp = () => {
    if (drag && Math.abs(drag.to - drag.from) >= MIN_DRAG_PX) onZoom(toX(drag.from), toX(drag.to));
    setDrag(null);
  };

  // Runs log at different steps; head the tooltip with the logged x nearest the pointer.
  const headX = hits.reduce<number | null>((best, h) => (best === null || Math.abs(h.point.x - hoverX!) < Math.abs(best - hoverX!) ? h.point.x : best), null);
  const tooltipLeft = hoverPx !== null && hoverPx > plot.x + plot.width * 0.6;
  return (
    <g className="cmp-chart-overlay">
      {drag && Math.abs(drag.to - drag.from) >= MIN_DRAG_PX && (
        <ReferenceArea x1={toX(drag.from)} x2={toX(drag.to)} fill="var(--accent)" fillOpacity={0.1} stroke="var(--accent)" strokeOpacity={0.5} />
      )}
      {hoverPx !== null && !drag && (
        <g pointerEvents="none">
          <line x1={hoverPx} x2={hoverPx} y1={plot.y} y2={plot.y + plot.height} stroke="var(--text-3)" strokeDasharray="3 3" />
          {hits.map(({ line, point, drawn }) =>
            drawn === null ? null : (
              <circle key={line.runId} cx={Number(xScale(point.x))} cy={Number(yScale(drawn))} r={3.5} fill={line.colour} stroke="#fff" strokeWidth={1.5} />
            ),
          )}
        </g>
      )}
      <rect
        x={plot.x}
        y={plot.y}
        width={Math.max(plot.width, 0)}
        height={Math.max(plot.height, 0)}
        fill="transparent"
        style={{ cursor: 'crosshair', touchAction: 'none' }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
        onPointerLeave={() => !drag && setHoverPx(null)}
        onDoubleClick={onResetZoom}
      />
      {tooltipHost &&
        hoverX !== null &&
        !drag &&
        hits.length > 0 &&
        createPortal(
          <div
            className="cmp-chart-tooltip"
            style={{ left: hoverPx! + (tooltipLeft ? -12 : 12), top: plot.y, transform: tooltipLeft ? 'translateX(-100%)' : undefined }}
          >
            <div className="cmp-chart-tooltip-head">
              {xLabel} {formatX(headX!)}
            </div>
            {hits.slice(0, TOOLTIP_ROWS).map(({ line, shown, point }) => (
              <div className="cmp-chart-tooltip-row" key={line.runId}>
                <span className="cmp-swatch" style={{ background: line.colour }} />
                <span className="cmp-chart-tooltip-name">{line.name}</span>
                <span className="num">{formatMetric(shown)}</span>
                {smoothed && <span className="num muted">{formatMetric(point.value)}</span>}
              </div>
            ))}
            {hits.length > TOOLTIP_ROWS && <div className="muted small">and {hits.length - TOOLTIP_ROWS} more</div>}
          </div>,
          tooltipHost,
        )}
    </g>
  );
}
