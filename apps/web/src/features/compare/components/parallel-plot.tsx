// The parallel coordinates drawing. Plain SVG rather than recharts: every axis has its own
// scale (numeric, log or categorical) with its own labels, which recharts' single shared
// y axis cannot express without faking each axis with custom ticks.
import { useState, type PointerEvent } from 'react';
import { chartTickNumber } from '../../../components/chart-ticks';
import { formatMetric } from '../../../lib/format';
import type { CompareRun } from '../hooks/use-compare-runs';
import { colourSequential } from '../utils/colour-scale';
import { parallelAxisTicks, parallelPosition, type ParallelAxis } from '../utils/parallel-axes';

const HEIGHT = 320;
const M = { top: 36, right: 96, bottom: 16, left: 12 };
const NO_VALUE = '#b8bfcc';
/** Approximate tooltip geometry, to keep it inside the plot. */
const TOOLTIP_HEAD_PX = 40;
const TOOLTIP_ROW_PX = 20;
/** Roughly the width of one 11px character, for truncating labels to the room between axes. */
const CHAR_PX = 6.4;

function truncate(text: string, px: number): string {
  const max = Math.max(3, Math.floor(px / CHAR_PX));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Labels closer than this would overlap; the lower one is dropped. */
const MIN_LABEL_GAP = 14;

/** The ticks whose labels fit, top and bottom always kept, from the top down. */
function spacedTicks<T extends { position: number }>(ticks: readonly T[], posY: (p: number) => number): T[] {
  const sorted = [...ticks].sort((a, b) => b.position - a.position);
  const kept: T[] = [];
  for (const [i, t] of sorted.entries()) {
    const last = kept[kept.length - 1];
    if (last && posY(t.position) - posY(last.position) < MIN_LABEL_GAP) {
      // The bottom label marks the axis minimum; it displaces its neighbour instead.
      if (i === sorted.length - 1 && kept.length > 1) kept[kept.length - 1] = t;
      continue;
    }
    kept.push(t);
  }
  return kept;
}

function axisValueLabel(axis: ParallelAxis, run: CompareRun): string {
  if (axis.kind === 'categorical' || axis.source === 'param') return run.params[axis.key] ?? '—';
  return formatMetric(run.metrics[axis.key]?.value);
}

export function ParallelPlot({ runs, axes, width }: { runs: readonly CompareRun[]; axes: readonly ParallelAxis[]; width: number }) {
  const [hover, setHover] = useState<{ runId: string; x: number; y: number } | null>(null);
  const plotW = Math.max(width - M.left - M.right, 10);
  const plotH = HEIGHT - M.top - M.bottom;
  const gap = axes.length > 1 ? plotW / (axes.length - 1) : plotW;
  const axisX = (i: number) => M.left + (axes.length > 1 ? i * gap : plotW / 2);
  const posY = (p: number) => M.top + (1 - p) * plotH;
  const labelRoom = (i: number) => (i === axes.length - 1 ? M.right : gap) - 10;
  const metricAxis = axes.at(-1)?.kind === 'numeric' && axes.at(-1)?.source === 'metric' ? axes.at(-1) : undefined;

  const lines = runs.map((run) => {
    let d = '';
    let pen = false;
    const points: [number, number][] = [];
    axes.forEach((axis, i) => {
      const p = parallelPosition(axis, run);
      if (p === null) {
        pen = false;
        return;
      }
      const x = axisX(i);
      const y = posY(p);
      points.push([x, y]);
      d += `${pen ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
      pen = true;
    });
    const m = metricAxis ? parallelPosition(metricAxis, run) : null;
    return { run, d, points, colour: m === null ? NO_VALUE : colourSequential(m), hasValue: m !== null };
  });
  // Runs without a value go underneath, the hovered run on top.
  lines.sort((a, b) => Number(a.hasValue) - Number(b.hasValue) || Number(a.run.id === hover?.runId) - Number(b.run.id === hover?.runId));
  const hovered = lines.find((l) => l.run.id === hover?.runId);

  const onMove = (runId: string) => (e: PointerEvent<SVGPathElement>) => {
    const box = e.currentTarget.ownerSVGElement?.getBoundingClientRect();
    setHover({ runId, x: e.clientX - (box?.left ?? 0), y: e.clientY - (box?.top ?? 0) });
  };

  return (
    <div className="cmp-parallel-plot">
      <svg width={width} height={HEIGHT} onPointerLeave={() => setHover(null)}>
        {axes.map((axis, i) => (
          <line key={axis.key} x1={axisX(i)} x2={axisX(i)} y1={M.top} y2={M.top + plotH} stroke="var(--border-strong)" />
        ))}
        <g fill="none">
          {lines.map(({ run, d, colour }) => (
            <path
              key={run.id}
              d={d}
              stroke={colour}
              strokeWidth={run.id === hover?.runId ? 3 : 1.5}
              strokeOpacity={hover && run.id !== hover.runId ? 0.15 : 0.85}
              strokeLinejoin="round"
            />
          ))}
        </g>
        {/* Labels go over the lines, with a halo, so that no line crosses them out. */}
        {axes.map((axis, i) => (
          <g key={axis.key} transform={`translate(${axisX(i)},0)`}>
            <text y={M.top - 16} className="cmp-parallel-axis-title">
              <title>{`${axis.key}${axis.kind === 'numeric' && axis.log ? ' (log scale)' : ''}`}</title>
              {truncate(axis.key, labelRoom(i))}
              {axis.kind === 'numeric' && axis.log && <tspan className="cmp-parallel-axis-note"> log</tspan>}
            </text>
            {spacedTicks(parallelAxisTicks(axis), posY).map((t) => {
              const label = typeof t.value === 'number' ? chartTickNumber(t.value) : t.value;
              return (
                <g key={t.position} transform={`translate(0,${posY(t.position)})`}>
                  <line x2={4} stroke="var(--border-strong)" />
                  <text x={7} dy="0.32em" className="cmp-parallel-tick">
                    {truncate(label, labelRoom(i) - 8)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
        {hovered && (
          <g pointerEvents="none">
            {hovered.points.map(([x, y]) => (
              <circle key={`${x}`} cx={x} cy={y} r={3.5} fill={hovered.colour} stroke="#fff" strokeWidth={1.5} />
            ))}
          </g>
        )}
        <g fill="none" stroke="transparent" strokeWidth={10}>
          {lines.map(({ run, d }) => (
            <path key={run.id} d={d} pointerEvents="stroke" onPointerMove={onMove(run.id)} />
          ))}
        </g>
      </svg>
      {hovered && hover && (
        <div
          className="cmp-chart-tooltip"
          style={{
            left: hover.x + (hover.x > width * 0.6 ? -14 : 14),
            // Kept inside the plot: the scrolling container would clip it, or grow a scrollbar.
            top: Math.max(0, Math.min(hover.y - 20, HEIGHT - TOOLTIP_HEAD_PX - axes.length * TOOLTIP_ROW_PX)),
            transform: hover.x > width * 0.6 ? 'translateX(-100%)' : undefined,
          }}
        >
          <div className="cmp-chart-tooltip-head">
            <span className="cmp-swatch" style={{ background: hovered.run.colour }} /> {hovered.run.name}
          </div>
          {axes.map((axis) => (
            <div className="cmp-chart-tooltip-row" key={axis.key}>
              <span className="cmp-chart-tooltip-name muted">{axis.key}</span>
              <span className="num">{axisValueLabel(axis, hovered.run)}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
