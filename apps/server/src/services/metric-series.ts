// metrics.series: chart data for N runs × K keys, at full resolution when the range
// is small and bucketed from rollups (first/min/max/last per bucket) when it is not.
import type { MetricSeriesInput } from '@quorum/contracts';
import { metricSeriesBuckets, metricSeriesExtents, metricSeriesRaw, runIdsExisting } from '@quorum/db';
import { SERIES_ROLLUP_WIDTHS, seriesBucketPlan, seriesPointsOfSummaries } from '@quorum/domain';
import type { ServiceContext } from './context';
import { notFound } from './errors';

export interface MetricSeries {
  runId: string;
  key: string;
  /** Parallel arrays, in step order. */
  steps: number[];
  timestamps: number[];
  values: number[];
  /** True when points were bucketed; zooming in asks again for the narrower range. */
  sampled: boolean;
}

export interface MetricSeriesResult {
  series: MetricSeries[];
  /** Step range the answer covers. */
  fromStep: number | null;
  toStep: number | null;
  /** Bucket width in steps, 1 at full resolution. */
  bucketWidth: number;
}

const WIDEST = SERIES_ROLLUP_WIDTHS[SERIES_ROLLUP_WIDTHS.length - 1]!;

export async function metricSeries(ctx: ServiceContext, input: MetricSeriesInput): Promise<MetricSeriesResult> {
  const known = new Set(await runIdsExisting(ctx.db, input.runIds));
  const missing = input.runIds.filter((id) => !known.has(id));
  if (missing.length > 0) throw notFound(`No run with id ${missing.join(', ')}`);
  const extents = await metricSeriesExtents(ctx.db, input.runIds, input.keys, WIDEST, { from: input.fromStep, to: input.toStep });
  if (extents.length === 0) return { series: [], fromStep: input.fromStep ?? null, toStep: input.toStep ?? null, bucketWidth: 1 };
  const from = input.fromStep ?? Math.min(...extents.map((e) => e.minStep));
  const to = input.toStep ?? Math.max(...extents.map((e) => e.maxStep));

  const small = extents.filter((e) => e.countUpperBound <= input.maxPoints);
  const large = extents.filter((e) => e.countUpperBound > input.maxPoints);
  const plan = seriesBucketPlan(from, to, input.maxPoints);

  const bucketed = await metricSeriesBuckets(ctx.db, large, { from, to, width: plan.width, source: plan.source });
  // The rollup bound over-counts at the range's ends; a series that in fact fits is
  // read again at full resolution.
  const fits = bucketed.filter((b) => b.buckets.reduce((n, x) => n + x.count, 0) <= input.maxPoints);
  const raw = await metricSeriesRaw(ctx.db, [...small, ...fits], from, to);
  const series: MetricSeries[] = raw.map((r) => ({ ...r, sampled: false }));
  for (const b of bucketed) {
    if (fits.includes(b)) continue;
    const points = seriesPointsOfSummaries(b.buckets);
    series.push({
      runId: b.runId,
      key: b.key,
      steps: points.map((p) => p.step),
      timestamps: points.map((p) => p.timestamp),
      values: points.map((p) => p.value),
      sampled: true,
    });
  }
  const order = (s: MetricSeries) => input.runIds.indexOf(s.runId) * input.keys.length + input.keys.indexOf(s.key);
  series.sort((a, b) => order(a) - order(b));
  return { series, fromStep: from, toStep: to, bucketWidth: bucketed.length > fits.length ? plan.width : 1 };
}
