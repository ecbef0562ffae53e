// Experiments: create, list with run counts and last activity, get, rename, archive, tags.
import { and, eq, ilike, isNull, sql } from 'drizzle-orm';
import { experiments } from '../schema';
import type { Db } from '../types';

export type ExperimentRow = typeof experiments.$inferSelect;
export interface ExperimentSummary extends ExperimentRow {
  runCount: number;
  activeRunCount: number;
  lastActivity: number;
}

const summaryColumns = {
  id: experiments.id,
  name: experiments.name,
  description: experiments.description,
  createdAt: experiments.createdAt,
  updatedAt: experiments.updatedAt,
  archivedAt: experiments.archivedAt,
  tags: experiments.tags,
  // Written out in SQL: drizzle drops table qualifiers on columns inside a select list,
  // which would make "id" in these subqueries mean runs.id.
  runCount: sql<number>`(select count(*)::int from runs r where r.experiment_id = experiments.id and r.deleted_at is null)`,
  activeRunCount: sql<number>`(select count(*)::int from runs r where r.experiment_id = experiments.id and r.deleted_at is null and r.status = 'RUNNING')`,
  lastActivity: sql<number>`greatest(experiments.updated_at, coalesce((select max(r.updated_at) from runs r where r.experiment_id = experiments.id), 0))::float8`,
};

export async function experimentInsert(
  db: Db,
  values: { name: string; description?: string; tags?: Record<string, string>; now: number },
): Promise<ExperimentRow> {
  const [row] = await db
    .insert(experiments)
    .values({ name: values.name, description: values.description ?? '', tags: values.tags ?? {}, createdAt: values.now, updatedAt: values.now })
    .returning();
  return row!;
}

export async function experimentList(db: Db, options: { includeArchived: boolean; query?: string | undefined }): Promise<ExperimentSummary[]> {
  const where = and(
    options.includeArchived ? undefined : isNull(experiments.archivedAt),
    options.query ? ilike(experiments.name, `%${options.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  const rows = await db.select(summaryColumns).from(experiments).where(where);
  return rows.sort((a, b) => b.lastActivity - a.lastActivity);
}

export async function experimentFind(db: Db, id: number): Promise<ExperimentSummary | undefined> {
  const [row] = await db.select(summaryColumns).from(experiments).where(eq(experiments.id, id));
  return row;
}

export async function experimentFindByName(db: Db, name: string): Promise<ExperimentRow | undefined> {
  const [row] = await db.select().from(experiments).where(eq(experiments.name, name));
  return row;
}

export async function experimentUpdate(
  db: Db,
  id: number,
  values: Partial<Pick<ExperimentRow, 'name' | 'description' | 'archivedAt'>> & { now: number },
): Promise<ExperimentRow | undefined> {
  const { now, ...rest } = values;
  const [row] = await db
    .update(experiments)
    .set({ ...rest, updatedAt: now })
    .where(eq(experiments.id, id))
    .returning();
  return row;
}

/** The experiment's row, locked until the transaction ends: state checks and the write that follows cannot interleave. */
export async function experimentLock(db: Db, id: number): Promise<ExperimentRow | undefined> {
  const [row] = await db.select().from(experiments).where(eq(experiments.id, id)).for('update');
  return row;
}

/** Removes, then sets, tags in one statement (jsonb operators: no read-modify-write). */
export async function experimentTagsApply(db: Db, id: number, change: { set: Record<string, string>; remove: readonly string[]; now: number }): Promise<void> {
  await db
    .update(experiments)
    .set({
      tags: sql`(${experiments.tags} - ${sql.param([...change.remove])}::text[]) || ${JSON.stringify(change.set)}::jsonb`,
      updatedAt: change.now,
    })
    .where(eq(experiments.id, id));
}
