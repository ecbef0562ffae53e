// Turns the API's parallel arrays into chart points: x by the chosen axis, values
// recharts can draw (null where a line must break), and lookups for hover and zoom.
import { smoothingEma } from './smoothing';

export type XMode = 'step' | 'time' | 'relative';

export interface SeriesInput {
  steps: readonly number[];
  timestamps: readonly number[];
  values: readonly number[];
}

export interface ChartPoint {
  x: number;
  step: number;
  /** As logged, NaN and ±Infinity included, for the tooltip. */
  value: number;
  smoothed: number;
  /** What the lines draw: null breaks the line (non-finite, or ≤ 0 on a log axis). */
  raw: number | null;
  smooth: number | null;
}

function seriesPlottable(v: number, log: boolean): number | null {
  if (!Number.isFinite(v)) return null;
  if (log && v <= 0) return null;
  return v;
}

/** Chart points of one run's series; `startTime` is the run's start, for relative time. */
export function seriesChartPoints(
  series: SeriesInput,
  opts: { xMode: XMode; startTime: number; smoothing: number; log: boolean },
): ChartPoint[] {
  const smoothed = smoothingEma(series.values, opts.smoothing);
  const points = series.steps.map((step, i): ChartPoint => {
    const ts = series.timestamps[i] ?? 0;
    const value = series.values[i] ?? Number.NaN;
    const s = smoothed[i] ?? Number.NaN;
    const x = opts.xMode === 'step' ? step : opts.xMode === 'time' ? ts : ts - opts.startTime;
    return { x, step, value, smoothed: s, raw: seriesPlottable(value, opts.log), smooth: seriesPlottable(s, opts.log) };
  });
  // Series come in step order; a clock that stepped back would leave the time axis
  // unsorted, which breaks the nearest-point search and draws the line backwards.
  if (points.some((p, i) => i > 0 && p.x < points[i - 1]!.x)) points.sort((a, b) => a.x - b.x || a.step - b.step);
  return points;
}

/**
 * The point nearest to `x` (points sorted by x), or undefined when `x` lies more
 * than `tolerance` outside the series: a run that stopped early has no value later on.
 */
export function seriesNearestPoint(points: readonly ChartPoint[], x: number, tolerance: number): ChartPoint | undefined {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || x < first.x - tolerance || x > last.x + tolerance) return undefined;
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.x < x) lo = mid + 1;
    else hi = mid;
  }
  const after = points[lo]!;
  const before = points[lo - 1];
  return before && x - before.x <= after.x - x ? before : after;
}

/**
 * The step range that an x range selected on the chart covers, across runs; null
 * when no point falls inside it. On the step axis the range is the selection itself.
 */
export function seriesStepRange(
  runs: readonly (readonly ChartPoint[])[],
  x0: number,
  x1: number,
  xMode: XMode,
): { fromStep: number; toStep: number } | null {
  const lo = Math.min(x0, x1);
  const hi = Math.max(x0, x1);
  if (xMode === 'step') {
    const fromStep = Math.ceil(lo);
    const toStep = Math.floor(hi);
    return fromStep <= toStep ? { fromStep, toStep } : null;
  }
  let fromStep = Number.POSITIVE_INFINITY;
  let toStep = Number.NEGATIVE_INFINITY;
  for (const points of runs) {
    for (const p of points) {
      if (p.x < lo || p.x > hi) continue;
      fromStep = Math.min(fromStep, p.step);
      toStep = Math.max(toStep, p.step);
    }
  }
  return Number.isFinite(fromStep) ? { fromStep, toStep } : null;
}

/** Smallest and largest drawn value over all runs, or null when nothing is drawable. */
export function seriesValueExtent(runs: readonly (readonly ChartPoint[])[], field: 'raw' | 'smooth'): [number, number] | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const points of runs) {
    for (const p of points) {
      const v = p[field];
      if (v === null) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? [min, max] : null;
}

/**
 * The share of the overall x range that some run covers: small on a wall-clock axis
 * when runs ran hours apart, each squeezed into a sliver.
 */
export function seriesCoverage(runs: readonly (readonly ChartPoint[])[]): number {
  const spans = runs
    .filter((p) => p.length > 0)
    .map((p) => [p[0]!.x, p[p.length - 1]!.x] as const)
    .sort((a, b) => a[0] - b[0]);
  if (spans.length === 0) return 1;
  const total = Math.max(...spans.map((s) => s[1])) - spans[0]![0];
  if (total <= 0) return 1;
  let covered = 0;
  let [lo, hi] = spans[0]!;
  for (const [a, b] of spans.slice(1)) {
    if (a > hi) {
      covered += hi - lo;
      [lo, hi] = [a, b];
    } else hi = Math.max(hi, b);
  }
  return (covered + hi - lo) / total;
}
