// Runs and what hangs off them: params, tags, dataset inputs, idempotency keys.
import { and, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { batchKeys, datasets, params, runInputs, runs, tags } from '../schema';
import { queryRows } from '../rows';
import type { Db } from '../types';

export type RunRow = typeof runs.$inferSelect;

export interface LatestMetric {
  value: number;
  step: number;
  timestamp: number;
}

/** A run with its params, tags and latest metric values. */
export interface RunWithData extends RunRow {
  params: Record<string, string>;
  tags: Record<string, string>;
  metrics: Record<string, LatestMetric>;
}

export async function runInsert(db: Db, values: typeof runs.$inferInsert): Promise<RunRow> {
  const [row] = await db.insert(runs).values(values).returning();
  return row!;
}

export async function runFind(db: Db, runId: string): Promise<RunRow | undefined> {
  const [row] = await db.select().from(runs).where(eq(runs.id, runId));
  return row;
}

/** The subset of the given ids that name existing runs: undeleted ones unless `includeDeleted`. */
export async function runIdsExisting(db: Db, runIds: readonly string[], options: { includeDeleted?: boolean } = {}): Promise<string[]> {
  if (runIds.length === 0) return [];
  const rows = await db
    .select({ id: runs.id })
    .from(runs)
    .where(and(inArray(runs.id, [...runIds]), options.includeDeleted ? undefined : isNull(runs.deletedAt)));
  return rows.map((r) => r.id);
}

export async function runUpdate(
  db: Db,
  runId: string,
  values: Partial<Pick<RunRow, 'status' | 'endTime' | 'name' | 'notes' | 'updatedAt'>>,
): Promise<RunRow | undefined> {
  const [row] = await db.update(runs).set(values).where(eq(runs.id, runId)).returning();
  return row;
}

export async function runTouch(db: Db, runId: string, now: number): Promise<void> {
  await db.update(runs).set({ updatedAt: sql`greatest(${runs.updatedAt}, ${now})` }).where(eq(runs.id, runId));
}

/**
 * Params, tags and latest metrics for many runs in one round trip, one row per run:
 * PGlite decodes rows in JS, so aggregating per run is several times faster than
 * returning a row per value.
 */
export async function runsWithData(db: Db, runIds: readonly string[]): Promise<RunWithData[]> {
  if (runIds.length === 0) return [];
  const base = await db.select().from(runs).where(inArray(runs.id, [...runIds]));
  const extras = await queryRows<{
    id: string;
    params: Record<string, string> | null;
    tags: Record<string, string> | null;
    mkeys: string[] | null;
    mvalues: number[] | null;
    msteps: number[] | null;
    mtimes: number[] | null;
  }>(
    db,
    sql`select r.id,
      (select json_object_agg(p.key, p.value) from params p where p.run_id = r.id) as params,
      (select json_object_agg(t.key, t.value) from tags t where t.run_id = r.id) as tags,
      m.keys as mkeys, m.vals as mvalues, m.steps as msteps, m.times as mtimes
    from runs r
    left join lateral (
      select array_agg(l.key order by l.key) as keys, array_agg(l.value order by l.key) as vals,
             array_agg(l.step::float8 order by l.key) as steps, array_agg(l.timestamp::float8 order by l.key) as times
      from latest_metrics l where l.run_id = r.id
    ) m on true
    where r.id = any(${sql.param([...runIds])}::text[])`,
  );
  const byId = new Map(extras.map((e) => [e.id, e]));
  const order = new Map(runIds.map((id, i) => [id, i]));
  return base
    .map((run) => {
      const e = byId.get(run.id);
      const metrics: Record<string, LatestMetric> = {};
      e?.mkeys?.forEach((k, i) => {
        metrics[k] = { value: e.mvalues![i]!, step: e.msteps![i]!, timestamp: e.mtimes![i]! };
      });
      return { ...run, params: e?.params ?? {}, tags: e?.tags ?? {}, metrics };
    })
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** Inserts params; returns the keys whose stored value differs from the one given. */
export async function paramsInsert(db: Db, runId: string, items: readonly { key: string; value: string }[]): Promise<{ key: string; stored: string; given: string }[]> {
  if (items.length === 0) return [];
  await db
    .insert(params)
    .values(items.map((i) => ({ runId, key: i.key, value: i.value })))
    .onConflictDoNothing();
  const stored = await db
    .select({ key: params.key, value: params.value })
    .from(params)
    .where(and(eq(params.runId, runId), inArray(params.key, items.map((i) => i.key))));
  const byKey = new Map(stored.map((s) => [s.key, s.value]));
  return items
    .filter((i) => byKey.get(i.key) !== i.value)
    .map((i) => ({ key: i.key, stored: byKey.get(i.key) ?? '', given: i.value }));
}

export async function tagsUpsert(db: Db, runId: string, items: readonly { key: string; value: string }[]): Promise<void> {
  if (items.length === 0) return;
  await db
    .insert(tags)
    .values(items.map((i) => ({ runId, key: i.key, value: i.value })))
    .onConflictDoUpdate({ target: [tags.runId, tags.key], set: { value: sql`excluded.value` } });
}

/** Links a dataset version to the run under a context (train, eval…). */
export async function runInputAdd(db: Db, runId: string, datasetId: number, context: string): Promise<void> {
  await db.insert(runInputs).values({ runId, datasetId, context }).onConflictDoNothing();
}

export async function runInputsList(db: Db, runId: string) {
  return db
    .select({
      context: runInputs.context,
      datasetId: datasets.id,
      name: datasets.name,
      digest: datasets.digest,
      source: datasets.source,
      sourceType: datasets.sourceType,
      schema: datasets.schema,
      profiledAt: datasets.profiledAt,
    })
    .from(runInputs)
    .innerJoin(datasets, eq(datasets.id, runInputs.datasetId))
    .where(eq(runInputs.runId, runId))
    .orderBy(runInputs.context, datasets.name);
}

export type RunInputRow = Awaited<ReturnType<typeof runInputsList>>[number];

/** The dataset inputs of many runs in one query (a page of search results), by run id. */
export async function runInputsByRun(db: Db, runIds: readonly string[]): Promise<Map<string, RunInputRow[]>> {
  const byRun = new Map<string, RunInputRow[]>();
  if (runIds.length === 0) return byRun;
  const rows = await db
    .select({
      runId: runInputs.runId,
      context: runInputs.context,
      datasetId: datasets.id,
      name: datasets.name,
      digest: datasets.digest,
      source: datasets.source,
      sourceType: datasets.sourceType,
      schema: datasets.schema,
      profiledAt: datasets.profiledAt,
    })
    .from(runInputs)
    .innerJoin(datasets, eq(datasets.id, runInputs.datasetId))
    // One array parameter, however many runs: an IN list would bind a parameter per id.
    .where(sql`${runInputs.runId} = any(${sql.param([...runIds])}::text[])`)
    .orderBy(runInputs.runId, runInputs.context, datasets.name);
  for (const { runId, ...input } of rows) {
    const list = byRun.get(runId);
    if (list) list.push(input);
    else byRun.set(runId, [input]);
  }
  return byRun;
}

/** Records an idempotency key; false when the run already has it (the batch was applied). */
export async function batchKeyClaim(db: Db, runId: string, key: string): Promise<boolean> {
  const claimed = await db.insert(batchKeys).values({ runId, key }).onConflictDoNothing().returning({ key: batchKeys.key });
  return claimed.length > 0;
}

/** The param, metric and tag keys used by runs of the given experiments: the columns a runs table can show. */
export async function runColumnKeys(db: Db, experimentIds: readonly number[]): Promise<{ params: string[]; metrics: string[]; tags: string[] }> {
  const ids = sql.param([...experimentIds]);
  const keysOf = (table: string) =>
    queryRows<{ key: string }>(
      db,
      sql`select distinct x.key from ${sql.raw(table)} x join runs r on r.id = x.run_id
        where r.experiment_id = any(${ids}::int[]) and r.deleted_at is null order by x.key`,
    ).then((rows) => rows.map((r) => r.key));
  const [paramKeys, metricKeys, tagKeys] = await Promise.all([keysOf('params'), keysOf('latest_metrics'), keysOf('tags')]);
  return { params: paramKeys, metrics: metricKeys, tags: tagKeys };
}

/** Soft-deletes (a time) or restores (null) a run. */
export async function runSetDeletedAt(db: Db, runId: string, deletedAt: number | null, now: number): Promise<RunRow | undefined> {
  const [row] = await db.update(runs).set({ deletedAt, updatedAt: now }).where(eq(runs.id, runId)).returning();
  return row;
}

/** Soft-deletes every undeleted run of an experiment at time `at`; returns their ids. */
export async function runsDeleteOfExperiment(db: Db, experimentId: number, at: number): Promise<string[]> {
  const rows = await db
    .update(runs)
    .set({ deletedAt: at, updatedAt: at })
    .where(and(eq(runs.experimentId, experimentId), isNull(runs.deletedAt)))
    .returning({ id: runs.id });
  return rows.map((r) => r.id);
}

/** Restores the experiment's runs deleted at or after `since`; returns their ids. */
export async function runsRestoreOfExperiment(db: Db, experimentId: number, since: number, now: number): Promise<string[]> {
  const rows = await db
    .update(runs)
    .set({ deletedAt: null, updatedAt: now })
    .where(and(eq(runs.experimentId, experimentId), gte(runs.deletedAt, since)))
    .returning({ id: runs.id });
  return rows.map((r) => r.id);
}

/** Removes one tag of a run; false when the run had no such tag. */
export async function tagDelete(db: Db, runId: string, key: string): Promise<boolean> {
  const removed = await db.delete(tags).where(and(eq(tags.runId, runId), eq(tags.key, key))).returning({ key: tags.key });
  return removed.length > 0;
}
