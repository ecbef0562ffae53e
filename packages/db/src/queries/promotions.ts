// Promotion requests, their approvals, and review items for the compliance lead.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { approvals, modelVersions, promotionRequests, registeredModels, reviewItems } from '../schema';
import type { Db } from '../types';

export type PromotionRow = typeof promotionRequests.$inferSelect;
export type ApprovalRow = typeof approvals.$inferSelect;
export type ReviewRow = typeof reviewItems.$inferSelect;

export async function promotionInsert(db: Db, values: typeof promotionRequests.$inferInsert): Promise<PromotionRow> {
  const [row] = await db.insert(promotionRequests).values(values).returning();
  return row!;
}

export async function promotionFind(db: Db, id: number): Promise<PromotionRow | undefined> {
  const [row] = await db.select().from(promotionRequests).where(eq(promotionRequests.id, id));
  return row;
}

export async function promotionUpdate(db: Db, id: number, values: Partial<Omit<PromotionRow, 'id'>>): Promise<PromotionRow | undefined> {
  const [row] = await db.update(promotionRequests).set(values).where(eq(promotionRequests.id, id)).returning();
  return row;
}

/** Requests with their model name and version number, newest first. */
export async function promotionList(db: Db, filter: { states?: readonly PromotionRow['state'][]; modelId?: number; versionId?: number }) {
  return db
    .select({ request: promotionRequests, modelName: registeredModels.name, version: modelVersions.version })
    .from(promotionRequests)
    .innerJoin(registeredModels, eq(registeredModels.id, promotionRequests.modelId))
    .innerJoin(modelVersions, eq(modelVersions.id, promotionRequests.versionId))
    .where(
      and(
        filter.states ? inArray(promotionRequests.state, [...filter.states]) : undefined,
        filter.modelId ? eq(promotionRequests.modelId, filter.modelId) : undefined,
        filter.versionId ? eq(promotionRequests.versionId, filter.versionId) : undefined,
      ),
    )
    .orderBy(desc(promotionRequests.requestedAt), desc(promotionRequests.id))
    .limit(500);
}

/** Open (pending or approved) requests that are past their expiry. */
export async function promotionsExpired(db: Db, now: number): Promise<PromotionRow[]> {
  return db
    .select()
    .from(promotionRequests)
    .where(and(inArray(promotionRequests.state, ['pending', 'approved']), sql`${promotionRequests.expiresAt} <= ${now}`));
}

export async function approvalInsert(db: Db, values: typeof approvals.$inferInsert): Promise<ApprovalRow> {
  const [row] = await db.insert(approvals).values(values).returning();
  return row!;
}

/** Approvals and rejections still in force (not reset by changed evidence). */
export async function approvalsActive(db: Db, requestId: number): Promise<ApprovalRow[]> {
  return db
    .select()
    .from(approvals)
    .where(and(eq(approvals.requestId, requestId), isNull(approvals.resetAt)))
    .orderBy(approvals.createdAt, approvals.id);
}

export async function approvalsAll(db: Db, requestId: number): Promise<ApprovalRow[]> {
  return db.select().from(approvals).where(eq(approvals.requestId, requestId)).orderBy(approvals.createdAt, approvals.id);
}

export async function approvalsReset(db: Db, requestId: number, now: number): Promise<number> {
  const rows = await db
    .update(approvals)
    .set({ resetAt: now })
    .where(and(eq(approvals.requestId, requestId), isNull(approvals.resetAt)))
    .returning({ id: approvals.id });
  return rows.length;
}

export async function reviewInsert(db: Db, values: typeof reviewItems.$inferInsert): Promise<ReviewRow> {
  const [row] = await db.insert(reviewItems).values(values).returning();
  return row!;
}

export async function reviewList(db: Db, open: boolean) {
  return db
    .select({ review: reviewItems, modelName: registeredModels.name })
    .from(reviewItems)
    .innerJoin(registeredModels, eq(registeredModels.id, reviewItems.modelId))
    .where(open ? isNull(reviewItems.resolvedAt) : undefined)
    .orderBy(desc(reviewItems.createdAt));
}

export async function reviewResolve(db: Db, id: number, values: { resolvedAt: number; resolvedBy: number; resolution: string }): Promise<ReviewRow | undefined> {
  const [row] = await db.update(reviewItems).set(values).where(and(eq(reviewItems.id, id), isNull(reviewItems.resolvedAt))).returning();
  return row;
}
