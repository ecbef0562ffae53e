// KPIs: definitions with linked models, daily observations (upserted per day), comments.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { kpiComments, kpiModels, kpiObservations, kpis, promotionRequests, users } from '../schema';
import type { Db } from '../types';

export type KpiRow = typeof kpis.$inferSelect;
export type KpiObservationRow = typeof kpiObservations.$inferSelect;

export async function kpiInsert(db: Db, values: typeof kpis.$inferInsert): Promise<KpiRow> {
  const [row] = await db.insert(kpis).values(values).returning();
  return row!;
}

export async function kpiUpdate(db: Db, id: number, values: Partial<Omit<KpiRow, 'id' | 'createdAt' | 'createdBy'>>): Promise<KpiRow | undefined> {
  const [row] = await db.update(kpis).set(values).where(eq(kpis.id, id)).returning();
  return row;
}

export async function kpiFind(db: Db, id: number): Promise<KpiRow | undefined> {
  const [row] = await db.select().from(kpis).where(eq(kpis.id, id));
  return row;
}

export async function kpiFindByName(db: Db, name: string): Promise<KpiRow | undefined> {
  const [row] = await db.select().from(kpis).where(eq(kpis.name, name));
  return row;
}

export async function kpiList(db: Db): Promise<KpiRow[]> {
  return db.select().from(kpis).orderBy(asc(kpis.name));
}

/** Replaces the set of models linked to a KPI. */
export async function kpiModelsSet(db: Db, kpiId: number, modelIds: readonly number[]): Promise<void> {
  await db.delete(kpiModels).where(eq(kpiModels.kpiId, kpiId));
  if (modelIds.length > 0) await db.insert(kpiModels).values(modelIds.map((modelId) => ({ kpiId, modelId })));
}

export async function kpiModelLinks(db: Db, kpiIds?: readonly number[]) {
  const q = db.select().from(kpiModels);
  return kpiIds ? q.where(inArray(kpiModels.kpiId, [...kpiIds])) : q;
}

/** Inserts or replaces one value per (KPI, day) in one statement. */
export async function kpiObservationsUpsert(db: Db, kpiId: number, rows: readonly { at: number; value: number }[], source: KpiObservationRow['source'], now: number): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(kpiObservations)
    .values(rows.map((r) => ({ kpiId, at: r.at, value: r.value, source, recordedAt: now })))
    .onConflictDoUpdate({
      target: [kpiObservations.kpiId, kpiObservations.at],
      set: { value: sql`excluded.value`, source: sql`excluded.source`, recordedAt: sql`excluded.recorded_at` },
    });
}

/** Observations of the KPIs, oldest first, optionally from a day on. */
export async function kpiObservationsOf(db: Db, kpiIds: readonly number[], from?: number): Promise<KpiObservationRow[]> {
  if (kpiIds.length === 0) return [];
  return db
    .select()
    .from(kpiObservations)
    .where(and(inArray(kpiObservations.kpiId, [...kpiIds]), from === undefined ? undefined : sql`${kpiObservations.at} >= ${from}`))
    .orderBy(asc(kpiObservations.kpiId), asc(kpiObservations.at));
}

export async function kpiCommentInsert(db: Db, values: typeof kpiComments.$inferInsert) {
  const [row] = await db.insert(kpiComments).values(values).returning();
  return row!;
}

const commentColumns = {
  id: kpiComments.id,
  kpiId: kpiComments.kpiId,
  kpiName: kpis.name,
  body: kpiComments.body,
  promotionRequestId: kpiComments.promotionRequestId,
  createdAt: kpiComments.createdAt,
  authorId: kpiComments.authorId,
  authorName: users.name,
};

/** Comments on a KPI, newest first, with their authors' names. */
export async function kpiCommentsOf(db: Db, kpiId: number) {
  return db.select(commentColumns).from(kpiComments).innerJoin(kpis, eq(kpis.id, kpiComments.kpiId)).leftJoin(users, eq(users.id, kpiComments.authorId)).where(eq(kpiComments.kpiId, kpiId)).orderBy(desc(kpiComments.createdAt), desc(kpiComments.id));
}

/** Comments linked to a promotion request: part of the evidence the compliance lead reads. */
export async function kpiCommentsOfRequest(db: Db, requestId: number) {
  return db
    .select(commentColumns)
    .from(kpiComments)
    .innerJoin(kpis, eq(kpis.id, kpiComments.kpiId))
    .leftJoin(users, eq(users.id, kpiComments.authorId))
    .where(eq(kpiComments.promotionRequestId, requestId))
    .orderBy(asc(kpiComments.createdAt));
}

export async function promotionRequestExists(db: Db, id: number): Promise<boolean> {
  const [row] = await db.select({ id: promotionRequests.id }).from(promotionRequests).where(eq(promotionRequests.id, id));
  return row !== undefined;
}
