// Bucket summaries of a metric series: first, last, min and max point per bucket of
// steps. Shared by the ingest rollups (stored per bucket) and chart downsampling
// (merged per wider bucket), so both keep every spike the same way.

/** One logged point of a series. */
export interface SeriesPoint {
  step: number;
  timestamp: number;
  value: number;
}

/** Summary of the points that fall in one bucket of steps. */
export interface BucketSummary {
  bucket: number;
  count: number;
  first: SeriesPoint;
  last: SeriesPoint;
  /** Smallest non-NaN value; null when every point is NaN. */
  min: SeriesPoint | null;
  /** Largest non-NaN value; null when every point is NaN. */
  max: SeriesPoint | null;
}

/** Orders points by step, then by time: "first" and "last" follow this order. */
export function seriesPointBefore(a: SeriesPoint, b: SeriesPoint): boolean {
  return a.step < b.step || (a.step === b.step && a.timestamp < b.timestamp);
}

/** Summary of a single point. */
export function bucketSummaryOf(bucket: number, p: SeriesPoint): BucketSummary {
  const extreme = Number.isNaN(p.value) ? null : p;
  return { bucket, count: 1, first: p, last: p, min: extreme, max: extreme };
}

/** Folds summary b into a (same bucket), returning a new summary. Ties keep the earlier point. */
export function bucketSummaryMerge(a: BucketSummary, b: BucketSummary): BucketSummary {
  return {
    bucket: a.bucket,
    count: a.count + b.count,
    first: seriesPointBefore(b.first, a.first) ? b.first : a.first,
    last: seriesPointBefore(a.last, b.last) || samePoint(a.last, b.last) ? b.last : a.last,
    min: pickExtreme(a.min, b.min, (x, y) => x < y),
    max: pickExtreme(a.max, b.max, (x, y) => x > y),
  };
}

function samePoint(a: SeriesPoint, b: SeriesPoint): boolean {
  return a.step === b.step && a.timestamp === b.timestamp;
}

function pickExtreme(
  a: SeriesPoint | null,
  b: SeriesPoint | null,
  better: (x: number, y: number) => boolean,
): SeriesPoint | null {
  if (!a) return b;
  if (!b) return a;
  if (better(b.value, a.value)) return b;
  if (b.value === a.value && seriesPointBefore(b, a)) return b;
  return a;
}

/** Summarises points into buckets of `width` steps (bucket = floor(step / width)), in bucket order. */
export function seriesSummarise(points: readonly SeriesPoint[], width: number): BucketSummary[] {
  const byBucket = new Map<number, BucketSummary>();
  for (const p of points) {
    const bucket = Math.floor(p.step / width);
    const one = bucketSummaryOf(bucket, p);
    const seen = byBucket.get(bucket);
    byBucket.set(bucket, seen ? bucketSummaryMerge(seen, one) : one);
  }
  return [...byBucket.values()].sort((a, b) => a.bucket - b.bucket);
}

/**
 * The points a chart draws for a list of bucket summaries: first, min, max and last of
 * each bucket in step order, each point once. At most four points per bucket.
 */
export function seriesPointsOfSummaries(summaries: readonly BucketSummary[]): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  for (const s of summaries) {
    const candidates = [s.first, s.min, s.max, s.last].filter((p): p is SeriesPoint => p !== null);
    candidates.sort((a, b) => a.step - b.step || a.timestamp - b.timestamp);
    for (const p of candidates) {
      const prev = out[out.length - 1];
      if (prev && prev.step === p.step && prev.timestamp === p.timestamp && Object.is(prev.value, p.value)) continue;
      out.push(p);
    }
  }
  return out;
}
