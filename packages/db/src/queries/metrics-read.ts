// Reads of metric history for charts: extents, raw points, and step buckets merged
// from the stored rollups (plus raw points at the range's ragged edges).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { latestMetrics, runs } from '../schema';
import { queryRows } from '../rows';
import type { Db } from '../types';

export interface SeriesId {
  runId: string;
  key: string;
}

export interface SeriesExtent extends SeriesId {
  minStep: number;
  maxStep: number;
  /** Points in the widest rollup buckets overlapping the range: never fewer than the range holds. */
  countUpperBound: number;
}

export interface RawSeries extends SeriesId {
  steps: number[];
  timestamps: number[];
  values: number[];
}

export interface StoredPoint {
  step: number;
  timestamp: number;
  value: number;
}

export interface BucketRow {
  bucket: number;
  count: number;
  first: StoredPoint;
  last: StoredPoint;
  min: StoredPoint | null;
  max: StoredPoint | null;
}

const p = sql.param;

/** Step extent and an upper bound on the point count of each series, from the widest rollup. */
export async function metricSeriesExtents(
  db: Db,
  runIds: readonly string[],
  keys: readonly string[],
  widestWidth: number,
  range: { from?: number | undefined; to?: number | undefined },
): Promise<SeriesExtent[]> {
  const fromBucket = range.from === undefined ? null : Math.floor(range.from / widestWidth);
  const toBucket = range.to === undefined ? null : Math.floor(range.to / widestWidth);
  return queryRows<SeriesExtent>(
    db,
    sql`select run_id as "runId", key, min(first_step)::float8 as "minStep", max(last_step)::float8 as "maxStep",
        sum(count)::float8 as "countUpperBound"
      from metric_rollups
      where run_id = any(${p([...runIds])}::text[]) and key = any(${p([...keys])}::text[]) and width = ${widestWidth}
        and (${fromBucket}::bigint is null or bucket >= ${fromBucket}::bigint)
        and (${toBucket}::bigint is null or bucket <= ${toBucket}::bigint)
      group by run_id, key`,
  );
}

/** Every point of the given series in [from, to], in (step, time) order. */
export async function metricSeriesRaw(
  db: Db,
  series: readonly SeriesId[],
  from: number,
  to: number,
): Promise<RawSeries[]> {
  if (series.length === 0) return [];
  return queryRows<RawSeries>(
    db,
    sql`select m.run_id as "runId", m.key,
        array_agg(m.step::float8 order by m.step, m.timestamp) as steps,
        array_agg(m.timestamp::float8 order by m.step, m.timestamp) as timestamps,
        array_agg(m.value order by m.step, m.timestamp) as values
      from metrics m
      join unnest(${p(series.map((s) => s.runId))}::text[], ${p(series.map((s) => s.key))}::text[]) as s(run_id, key)
        on m.run_id = s.run_id and m.key = s.key
      where m.step between ${from} and ${to}
      group by m.run_id, m.key`,
  );
}

export interface BucketQuery {
  from: number;
  to: number;
  /** Chart bucket width in steps; a multiple of source. */
  width: number;
  /** Stored rollup width to read; 1 reads raw points only. */
  source: number;
}

/**
 * Bucket summaries of each series over [from, to]: whole rollup buckets inside the range
 * are read from metric_rollups, the ragged ends from raw points, and both are merged per
 * chart bucket with the same first/last/min/max rules as the rollups themselves.
 */
export async function metricSeriesBuckets(
  db: Db,
  series: readonly SeriesId[],
  q: BucketQuery,
): Promise<(SeriesId & { buckets: BucketRow[] })[]> {
  if (series.length === 0) return [];
  const runIds = p(series.map((s) => s.runId));
  const keys = p(series.map((s) => s.key));
  // Rollup buckets wholly inside [from, to]: [rFrom, rTo]; raw points cover the rest.
  const rFrom = q.source > 1 ? Math.ceil(q.from / q.source) : 1;
  const rTo = q.source > 1 ? Math.floor((q.to + 1) / q.source) - 1 : 0;
  const rollupPart =
    rFrom <= rTo
      ? sql`select r.run_id, r.key, floor(r.bucket * ${q.source}::bigint / ${q.width}::bigint)::bigint as b, r.count,
            r.first_step, r.first_ts, r.first_value, r.last_step, r.last_ts, r.last_value,
            r.min_step, r.min_ts, r.min_value, r.max_step, r.max_ts, r.max_value
          from metric_rollups r
          join s on r.run_id = s.run_id and r.key = s.key
          where r.width = ${q.source} and r.bucket between ${rFrom} and ${rTo}
          union all `
      : sql``;
  const rawEdges =
    rFrom <= rTo ? sql`and (m.step < ${rFrom * q.source} or m.step > ${(rTo + 1) * q.source - 1})` : sql``;
  const rows = await queryRows<{
    runId: string;
    key: string;
    b: number[];
    c: number[];
    fs: number[]; ft: number[]; fv: number[];
    ls: number[]; lt: number[]; lv: number[];
    mins: (number | null)[]; mint: (number | null)[]; minv: (number | null)[];
    maxs: (number | null)[]; maxt: (number | null)[]; maxv: (number | null)[];
  }>(
    db,
    sql`with s as (select * from unnest(${runIds}::text[], ${keys}::text[]) as s(run_id, key)),
    src as (
      ${rollupPart}
      select m.run_id, m.key, floor(m.step / ${q.width}::bigint)::bigint as b, 1 as count,
        m.step as first_step, m.timestamp as first_ts, m.value as first_value,
        m.step as last_step, m.timestamp as last_ts, m.value as last_value,
        case when m.value <> 'NaN' then m.step end as min_step, case when m.value <> 'NaN' then m.timestamp end as min_ts,
        nullif(m.value, 'NaN') as min_value,
        case when m.value <> 'NaN' then m.step end as max_step, case when m.value <> 'NaN' then m.timestamp end as max_ts,
        nullif(m.value, 'NaN') as max_value
      from metrics m
      join s on m.run_id = s.run_id and m.key = s.key
      where m.step between ${q.from} and ${q.to} ${rawEdges}
    ),
    agg as (
      -- Lexicographic min/max over (step, time, value) arrays pick the first, last and
      -- extreme points without a sort per bucket. Steps and times fit float8 exactly.
      select run_id, key, b, sum(count)::int as c,
        min(array[first_step::float8, first_ts::float8, first_value]) as f,
        max(array[last_step::float8, last_ts::float8, last_value]) as l,
        min(array[min_value, min_step::float8, min_ts::float8]) filter (where min_value is not null) as mn,
        -- Largest value, ties to the earliest point: negate step and time inside the max.
        max(array[max_value, -max_step::float8, -max_ts::float8]) filter (where max_value is not null) as mx
      from src group by run_id, key, b
    )
    select run_id as "runId", key, array_agg(b::float8 order by b) as b, array_agg(c order by b) as c,
      array_agg(f[1] order by b) as fs, array_agg(f[2] order by b) as ft, array_agg(f[3] order by b) as fv,
      array_agg(l[1] order by b) as ls, array_agg(l[2] order by b) as lt, array_agg(l[3] order by b) as lv,
      array_agg(mn[2] order by b) as mins, array_agg(mn[3] order by b) as mint, array_agg(mn[1] order by b) as minv,
      array_agg(-mx[2] order by b) as maxs, array_agg(-mx[3] order by b) as maxt, array_agg(mx[1] order by b) as maxv
    from agg group by run_id, key`,
  );
  return rows.map((r) => ({
    runId: r.runId,
    key: r.key,
    buckets: r.b.map((bucket, i) => ({
      bucket,
      count: r.c[i]!,
      first: { step: r.fs[i]!, timestamp: r.ft[i]!, value: r.fv[i]! },
      last: { step: r.ls[i]!, timestamp: r.lt[i]!, value: r.lv[i]! },
      min: r.minv[i] === null ? null : { step: r.mins[i]!, timestamp: r.mint[i]!, value: r.minv[i]! },
      max: r.maxv[i] === null ? null : { step: r.maxs[i]!, timestamp: r.maxt[i]!, value: r.maxv[i]! },
    })),
  }));
}

/** Distinct metric keys logged by any of the given runs or experiments. */
export async function metricKeysOf(
  db: Db,
  scope: { runIds?: readonly string[] | undefined; experimentIds?: readonly number[] | undefined },
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ key: latestMetrics.key })
    .from(latestMetrics)
    .innerJoin(runs, eq(runs.id, latestMetrics.runId))
    .where(
      and(
        scope.runIds ? inArray(latestMetrics.runId, [...scope.runIds]) : undefined,
        scope.experimentIds ? inArray(runs.experimentId, [...scope.experimentIds]) : undefined,
      ),
    )
    .orderBy(latestMetrics.key);
  return rows.map((r) => r.key);
}

/**
 * The distinct steps logged for `key` by any of the runs within [from, to], ascending (one
 * array, not a row per step), and each run's first and last step over its whole history.
 */
export async function metricStepsOfRuns(
  db: Db,
  runIds: readonly string[],
  key: string,
  range: { from: number; to: number },
): Promise<{ steps: number[]; extremes: { runId: string; min: number; max: number }[] }> {
  const ids = p([...runIds]);
  const [union] = await queryRows<{ steps: number[] | null }>(
    db,
    sql`select array_agg(s.step order by s.step) as steps from (
        select distinct m.step::float8 as step from metrics m
        where m.run_id = any(${ids}::text[]) and m.key = ${key} and m.step between ${range.from} and ${range.to}
      ) s`,
  );
  const extremes = await queryRows<{ runId: string; min: number; max: number }>(
    db,
    sql`select m.run_id as "runId", min(m.step)::float8 as min, max(m.step)::float8 as max
      from metrics m where m.run_id = any(${ids}::text[]) and m.key = ${key} group by m.run_id`,
  );
  return { steps: union?.steps ?? [], extremes };
}

/** Each run's points of `key` at the given steps in (step, time) order, at most `perRun` of them. */
export async function metricPointsAtSteps(
  db: Db,
  runIds: readonly string[],
  key: string,
  steps: readonly number[],
  perRun: number,
): Promise<RawSeries[]> {
  if (runIds.length === 0 || steps.length === 0) return [];
  return queryRows<RawSeries>(
    db,
    sql`select r.id as "runId", ${key}::text as key,
        array_agg(x.step::float8 order by x.step, x.timestamp) as steps,
        array_agg(x.timestamp::float8 order by x.step, x.timestamp) as timestamps,
        array_agg(x.value order by x.step, x.timestamp) as values
      from unnest(${p([...runIds])}::text[]) as r(id)
      cross join lateral (
        select m.step, m.timestamp, m.value from metrics m
        where m.run_id = r.id and m.key = ${key} and m.step = any(${p([...steps])}::bigint[])
        order by m.step, m.timestamp limit ${perRun}
      ) x
      group by r.id`,
  );
}
