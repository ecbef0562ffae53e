// Datasets: versions (name + digest), their stored profiles, and the runs that used them.
import { and, asc, eq, sql } from 'drizzle-orm';
import { datasetColumns, datasets, experiments, runInputs, runs } from '../schema';
import { queryRows } from '../rows';
import type { Db } from '../types';

export type DatasetRow = typeof datasets.$inferSelect;
export type DatasetColumnRow = typeof datasetColumns.$inferSelect;
export type DatasetColumnInsert = Omit<typeof datasetColumns.$inferInsert, 'datasetId'>;

export interface DatasetSummary extends DatasetRow {
  columnCount: number;
  rowCount: number | null;
  runCount: number;
}

export async function datasetList(db: Db): Promise<DatasetSummary[]> {
  return queryRows<DatasetSummary>(
    db,
    sql`select d.id, d.name, d.digest, d.source, d.source_type as "sourceType", d.schema, d.profiled_at::float8 as "profiledAt",
        d.created_at::float8 as "createdAt",
        (select count(*)::int from dataset_columns c where c.dataset_id = d.id) as "columnCount",
        (select max(c.row_count) from dataset_columns c where c.dataset_id = d.id) as "rowCount",
        (select count(distinct i.run_id)::int from run_inputs i where i.dataset_id = d.id) as "runCount"
      from datasets d order by d.name, d.created_at desc`,
  );
}

export async function datasetFind(db: Db, id: number): Promise<DatasetRow | undefined> {
  const [row] = await db.select().from(datasets).where(eq(datasets.id, id));
  return row;
}

export async function datasetFindByDigest(db: Db, name: string, digest: string): Promise<DatasetRow | undefined> {
  const [row] = await db.select().from(datasets).where(and(eq(datasets.name, name), eq(datasets.digest, digest)));
  return row;
}

/** Finds or creates the dataset version (name, digest). */
export async function datasetEnsure(
  db: Db,
  values: { name: string; digest: string; source: string; sourceType: string; schema?: { columns: { name: string; type: string }[] } | undefined; now: number },
): Promise<DatasetRow> {
  // Look first: an insert that conflicts still consumes an identity value.
  const existing = await datasetFindByDigest(db, values.name, values.digest);
  if (existing) return existing;
  await db
    .insert(datasets)
    .values({ name: values.name, digest: values.digest, source: values.source, sourceType: values.sourceType, schema: values.schema ?? null, createdAt: values.now })
    .onConflictDoNothing();
  return (await datasetFindByDigest(db, values.name, values.digest))!;
}

/** Stores a profile for a dataset that has none yet. */
export async function datasetProfileInsert(db: Db, datasetId: number, columns: readonly DatasetColumnInsert[], now: number): Promise<void> {
  if (columns.length === 0) return;
  await db.insert(datasetColumns).values(columns.map((c) => ({ ...c, datasetId })));
  await db.update(datasets).set({ profiledAt: now }).where(eq(datasets.id, datasetId));
}

/** Column profiles in upload order; samples included only when asked for. */
export async function datasetColumnsOf(db: Db, datasetId: number, withSamples: boolean): Promise<DatasetColumnRow[]> {
  if (withSamples) return db.select().from(datasetColumns).where(eq(datasetColumns.datasetId, datasetId)).orderBy(asc(datasetColumns.position));
  const rows = await db
    .select({
      datasetId: datasetColumns.datasetId,
      position: datasetColumns.position,
      name: datasetColumns.name,
      kind: datasetColumns.kind,
      rowCount: datasetColumns.rowCount,
      missingCount: datasetColumns.missingCount,
      stats: datasetColumns.stats,
    })
    .from(datasetColumns)
    .where(eq(datasetColumns.datasetId, datasetId))
    .orderBy(asc(datasetColumns.position));
  return rows.map((r) => ({ ...r, numbers: null, categories: null }));
}

/** Runs that logged this dataset as an input, newest first. */
export async function datasetUsages(db: Db, datasetId: number) {
  return db
    .select({
      runId: runs.id,
      runName: runs.name,
      status: runs.status,
      startTime: runs.startTime,
      context: runInputs.context,
      experimentId: experiments.id,
      experimentName: experiments.name,
    })
    .from(runInputs)
    .innerJoin(runs, eq(runs.id, runInputs.runId))
    .innerJoin(experiments, eq(experiments.id, runs.experimentId))
    .where(eq(runInputs.datasetId, datasetId))
    .orderBy(sql`${runs.startTime} desc`)
    .limit(500);
}
