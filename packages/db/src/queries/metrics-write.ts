// The hot path: a batch's metric points, latest values and rollups written by one
// statement of unnest inserts chained as CTEs: one round trip, atomic on its own
// (drizzle's row-object builder manages a third of the rate).
import { sql } from 'drizzle-orm';
import type { AuditContent } from '@quorum/domain';
import { queryRows } from '../rows';
import { auditInsertSql } from './audit';
import type { Db } from '../types';

export interface MetricPointRow {
  key: string;
  step: number;
  timestamp: number;
  value: number;
}

export interface MetricRollupRow {
  key: string;
  width: number;
  bucket: number;
  count: number;
  first: { step: number; timestamp: number; value: number };
  last: { step: number; timestamp: number; value: number };
  min: { step: number; timestamp: number; value: number } | null;
  max: { step: number; timestamp: number; value: number } | null;
}

const p = sql.param;

/**
 * Appends the points, moves latest values forward, merges rollups, touches the run's
 * last activity and appends the audit entry, in one statement. Writes nothing and returns false when the run
 * does not exist (or is deleted): every insert is guarded by the same check.
 */
export async function metricBatchWrite(
  db: Db,
  runId: string,
  batch: { points: readonly MetricPointRow[]; latest: readonly MetricPointRow[]; rollups: readonly MetricRollupRow[]; now: number; audit?: AuditContent },
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with
    live as (select id from runs where id = ${runId} and deleted_at is null),
    points as (${pointsInsert(runId, batch.points)}),
    latest as (${latestUpsert(runId, batch.latest)}),
    rollups as (${rollupsUpsert(runId, batch.rollups)})
    ${batch.audit ? sql`, audit as (${auditInsertSql(batch.audit, sql`exists (select 1 from live)`)})` : sql``}
    update runs set updated_at = greatest(updated_at, ${batch.now}::bigint) where id in (select id from live) returning id`,
  );
  return rows.length > 0;
}

function pointsInsert(runId: string, points: readonly MetricPointRow[]) {
  const n = points.length;
  const keys = new Array<string>(n);
  const steps = new Array<number>(n);
  const times = new Array<number>(n);
  const values = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const pt = points[i]!;
    keys[i] = pt.key;
    steps[i] = pt.step;
    times[i] = pt.timestamp;
    values[i] = pt.value;
  }
  return sql`
    insert into metrics (run_id, key, step, timestamp, value)
    select ${runId}, u.k, u.s, u.t, u.v
    from unnest(${p(keys)}::text[], ${p(steps)}::bigint[], ${p(times)}::bigint[], ${p(values)}::float8[]) as u(k, s, t, v)
    where exists (select 1 from live)`;
}

/** Moves each key's latest value forward when the new point has a higher (step, timestamp). */
function latestUpsert(runId: string, latest: readonly MetricPointRow[]) {
  return sql`
    insert into latest_metrics (run_id, key, step, timestamp, value)
    select ${runId}, u.k, u.s, u.t, u.v
    from unnest(${p(latest.map((l) => l.key))}::text[], ${p(latest.map((l) => l.step))}::bigint[],
                ${p(latest.map((l) => l.timestamp))}::bigint[], ${p(latest.map((l) => l.value))}::float8[]) as u(k, s, t, v)
    where exists (select 1 from live)
    on conflict (run_id, key) do update
      set step = excluded.step, timestamp = excluded.timestamp, value = excluded.value
      where (excluded.step, excluded.timestamp) >= (latest_metrics.step, latest_metrics.timestamp)`;
}

/**
 * Merges bucket summaries into the stored rollups, with the same rules as domain's
 * bucketSummaryMerge: first is the earliest (step, time), last the latest, and min/max
 * the extreme non-NaN value with ties going to the earlier point.
 */
function rollupsUpsert(runId: string, rows: readonly MetricRollupRow[]) {
  const col = <T>(f: (r: MetricRollupRow) => T) => p(rows.map(f));
  return sql`
    insert into metric_rollups as r (run_id, key, width, bucket, count,
      first_step, first_ts, first_value, last_step, last_ts, last_value,
      min_step, min_ts, min_value, max_step, max_ts, max_value)
    select ${runId}, u.*
    from unnest(
      ${col((r) => r.key)}::text[], ${col((r) => r.width)}::int[], ${col((r) => r.bucket)}::bigint[], ${col((r) => r.count)}::int[],
      ${col((r) => r.first.step)}::bigint[], ${col((r) => r.first.timestamp)}::bigint[], ${col((r) => r.first.value)}::float8[],
      ${col((r) => r.last.step)}::bigint[], ${col((r) => r.last.timestamp)}::bigint[], ${col((r) => r.last.value)}::float8[],
      ${col((r) => r.min?.step ?? null)}::bigint[], ${col((r) => r.min?.timestamp ?? null)}::bigint[], ${col((r) => r.min?.value ?? null)}::float8[],
      ${col((r) => r.max?.step ?? null)}::bigint[], ${col((r) => r.max?.timestamp ?? null)}::bigint[], ${col((r) => r.max?.value ?? null)}::float8[]
    ) as u
    where exists (select 1 from live)
    on conflict (run_id, key, width, bucket) do update set
      count = r.count + excluded.count,
      first_step = case when (excluded.first_step, excluded.first_ts) < (r.first_step, r.first_ts) then excluded.first_step else r.first_step end,
      first_ts = case when (excluded.first_step, excluded.first_ts) < (r.first_step, r.first_ts) then excluded.first_ts else r.first_ts end,
      first_value = case when (excluded.first_step, excluded.first_ts) < (r.first_step, r.first_ts) then excluded.first_value else r.first_value end,
      last_step = case when (excluded.last_step, excluded.last_ts) >= (r.last_step, r.last_ts) then excluded.last_step else r.last_step end,
      last_ts = case when (excluded.last_step, excluded.last_ts) >= (r.last_step, r.last_ts) then excluded.last_ts else r.last_ts end,
      last_value = case when (excluded.last_step, excluded.last_ts) >= (r.last_step, r.last_ts) then excluded.last_value else r.last_value end,
      min_step = case when ${newExtreme('min', '<')} then excluded.min_step else r.min_step end,
      min_ts = case when ${newExtreme('min', '<')} then excluded.min_ts else r.min_ts end,
      min_value = case when ${newExtreme('min', '<')} then excluded.min_value else r.min_value end,
      max_step = case when ${newExtreme('max', '>')} then excluded.max_step else r.max_step end,
      max_ts = case when ${newExtreme('max', '>')} then excluded.max_ts else r.max_ts end,
      max_value = case when ${newExtreme('max', '>')} then excluded.max_value else r.max_value end`;
}

function newExtreme(which: 'min' | 'max', better: '<' | '>') {
  const v = sql.raw(`${which}_value`);
  const s = sql.raw(`${which}_step`);
  const t = sql.raw(`${which}_ts`);
  const op = sql.raw(better);
  return sql`(excluded.${v} is not null and (r.${v} is null or excluded.${v} ${op} r.${v}
    or (excluded.${v} = r.${v} and (excluded.${s}, excluded.${t}) < (r.${s}, r.${t}))))`;
}
