// The reference downsampler over raw points. The database answers the same question
// from rollups; tests hold the two to the same output.
import type { SeriesPoint } from './summary';
import { seriesPointsOfSummaries, seriesSummarise } from './summary';
import { seriesBucketPlan } from './plan';

export interface DownsampleOptions {
  from?: number;
  to?: number;
  maxPoints: number;
}

/** Points of [from, to] at full resolution when they fit in maxPoints, else bucketed. */
export function seriesDownsample(points: readonly SeriesPoint[], options: DownsampleOptions): SeriesPoint[] {
  const inRange = points
    .filter((p) => (options.from === undefined || p.step >= options.from) && (options.to === undefined || p.step <= options.to))
    .sort((a, b) => a.step - b.step || a.timestamp - b.timestamp);
  if (inRange.length <= options.maxPoints) return inRange;
  const from = options.from ?? inRange[0]!.step;
  const to = options.to ?? inRange[inRange.length - 1]!.step;
  const plan = seriesBucketPlan(from, to, options.maxPoints);
  return seriesPointsOfSummaries(seriesSummarise(inRange, plan.width));
}
