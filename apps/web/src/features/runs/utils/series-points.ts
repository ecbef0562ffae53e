// Chart points from a metric series' parallel arrays.

export interface ChartPoint {
  step: number;
  value: number;
  timestamp: number;
}

/**
 * The drawable points of a series: NaN and ±∞ cannot sit on an axis, so they are left
 * out (and counted, so the chart can say so) instead of breaking the line's scale.
 */
export function seriesPoints(series: { steps: readonly number[]; values: readonly number[]; timestamps: readonly number[] }): {
  points: ChartPoint[];
  skipped: number;
} {
  const points: ChartPoint[] = [];
  let skipped = 0;
  const n = Math.min(series.steps.length, series.values.length);
  for (let i = 0; i < n; i++) {
    const value = series.values[i]!;
    const step = series.steps[i]!;
    if (!Number.isFinite(value) || !Number.isFinite(step)) {
      skipped++;
      continue;
    }
    points.push({ step, value, timestamp: series.timestamps[i] ?? 0 });
  }
  return { points, skipped };
}
