// How a chart request over a step range is answered: full resolution when it is small
// enough, otherwise buckets of a width that is a multiple of a stored rollup width.

/** Widths (in steps) of the rollups stored at ingest. Ascending. */
export const SERIES_ROLLUP_WIDTHS = [16, 256, 4096] as const;

/** Each bucket draws up to four points (first, min, max, last). */
export const POINTS_PER_BUCKET = 4;

export interface SeriesBucketPlan {
  /** Bucket width in steps for the chart. */
  width: number;
  /** Rollup width the buckets are built from; 1 means raw points. */
  source: number;
  /** Bucket range [fromBucket, toBucket] covered by [from, to]. */
  fromBucket: number;
  toBucket: number;
}

/**
 * Plans buckets for the inclusive step range [from, to] so that at most `maxPoints`
 * points come out: the number of aligned buckets times four never exceeds it.
 */
export function seriesBucketPlan(
  from: number,
  to: number,
  maxPoints: number,
  rollupWidths: readonly number[] = SERIES_ROLLUP_WIDTHS,
): SeriesBucketPlan {
  if (!(to >= from)) throw new RangeError(`empty step range [${from}, ${to}]`);
  const budget = Math.max(1, Math.floor(maxPoints / POINTS_PER_BUCKET));
  const span = to - from + 1;
  let width = Math.max(1, Math.ceil(span / budget));
  let source = 1;
  for (const w of rollupWidths) if (w <= width) source = w;
  width = Math.ceil(width / source) * source;
  // Aligned buckets can straddle both ends; widen until the count fits the budget.
  while (Math.floor(to / width) - Math.floor(from / width) + 1 > budget) width += source;
  return { width, source, fromBucket: Math.floor(from / width), toBucket: Math.floor(to / width) };
}
