// Registered models, versions, aliases and their history, gate evidence and results.
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { aliasHistory, gateEvidence, gateResults, modelAliases, modelVersions, registeredModels, runs } from '../schema';
import type { Db } from '../types';

export type ModelRow = typeof registeredModels.$inferSelect;
export type VersionRow = typeof modelVersions.$inferSelect;
export type AliasHistoryRow = typeof aliasHistory.$inferSelect;
export type GateResultRow = typeof gateResults.$inferSelect;

export async function modelInsert(db: Db, values: typeof registeredModels.$inferInsert): Promise<ModelRow> {
  const [row] = await db.insert(registeredModels).values(values).returning();
  return row!;
}

export async function modelFind(db: Db, id: number): Promise<ModelRow | undefined> {
  const [row] = await db.select().from(registeredModels).where(eq(registeredModels.id, id));
  return row;
}

export async function modelFindByName(db: Db, name: string): Promise<ModelRow | undefined> {
  const [row] = await db.select().from(registeredModels).where(eq(registeredModels.name, name));
  return row;
}

export async function modelsByIds(db: Db, ids: readonly number[]): Promise<ModelRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(registeredModels).where(inArray(registeredModels.id, [...ids])).orderBy(asc(registeredModels.name));
}

export async function modelList(db: Db): Promise<ModelRow[]> {
  return db.select().from(registeredModels).orderBy(asc(registeredModels.name));
}

export async function modelUpdate(db: Db, id: number, values: Partial<Omit<ModelRow, 'id' | 'createdAt' | 'createdBy'>>): Promise<ModelRow | undefined> {
  const [row] = await db.update(registeredModels).set(values).where(eq(registeredModels.id, id)).returning();
  return row;
}

/** Removes a model that has no versions (nothing else refers to it then). */
export async function modelRemove(db: Db, id: number): Promise<void> {
  await db.delete(registeredModels).where(eq(registeredModels.id, id));
}

/** Inserts the next version number of the model (the unique index settles races). */
export async function versionInsert(db: Db, values: Omit<typeof modelVersions.$inferInsert, 'version'>): Promise<VersionRow> {
  const [next] = await db
    .select({ n: sql<number>`coalesce(max(${modelVersions.version}), 0)::int + 1` })
    .from(modelVersions)
    .where(eq(modelVersions.modelId, values.modelId));
  const [row] = await db.insert(modelVersions).values({ ...values, version: next!.n }).returning();
  return row!;
}

export async function versionFind(db: Db, id: number): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(modelVersions).where(eq(modelVersions.id, id));
  return row;
}

export async function versionFindByNumber(db: Db, modelId: number, version: number): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(modelVersions).where(and(eq(modelVersions.modelId, modelId), eq(modelVersions.version, version)));
  return row;
}

export async function versionsOf(db: Db, modelId: number): Promise<VersionRow[]> {
  return db.select().from(modelVersions).where(eq(modelVersions.modelId, modelId)).orderBy(desc(modelVersions.version));
}

/** Every version of the given models, newest first per model. */
export async function versionsOfModels(db: Db, modelIds: readonly number[]): Promise<VersionRow[]> {
  if (modelIds.length === 0) return [];
  return db.select().from(modelVersions).where(inArray(modelVersions.modelId, [...modelIds])).orderBy(asc(modelVersions.modelId), desc(modelVersions.version));
}

/** Changes fields that are not evidence (description, tags, run link, archived, deleted). */
export async function versionUpdate(
  db: Db,
  id: number,
  values: Partial<Pick<VersionRow, 'description' | 'tags' | 'runLink' | 'archivedAt' | 'deletedAt' | 'updatedAt'>>,
): Promise<VersionRow | undefined> {
  const [row] = await db.update(modelVersions).set(values).where(eq(modelVersions.id, id)).returning();
  return row;
}

export async function versionsByIds(db: Db, ids: readonly number[]): Promise<VersionRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(modelVersions).where(inArray(modelVersions.id, [...ids]));
}

export async function versionsOfRuns(db: Db, runIds: readonly string[]): Promise<VersionRow[]> {
  if (runIds.length === 0) return [];
  return db.select().from(modelVersions).where(inArray(modelVersions.sourceRunId, [...runIds]));
}

/** Changes evidence fields and bumps the evidence revision, in one update. */
export async function versionEvidenceChange(
  db: Db,
  id: number,
  values: Partial<Pick<VersionRow, 'cardMarkdown' | 'artifactUri' | 'artifactSha256' | 'artifactSize' | 'featureImportances' | 'signature'>>,
): Promise<VersionRow | undefined> {
  const [row] = await db
    .update(modelVersions)
    .set({ ...values, evidenceRevision: sql`${modelVersions.evidenceRevision} + 1` })
    .where(eq(modelVersions.id, id))
    .returning();
  return row;
}

/** Who trained the version: the creator of its source run. */
export async function versionRunCreator(db: Db, version: VersionRow): Promise<number | null> {
  if (!version.sourceRunId) return null;
  const [row] = await db.select({ createdBy: runs.createdBy }).from(runs).where(eq(runs.id, version.sourceRunId));
  return row?.createdBy ?? null;
}

// Aliases

export async function aliasesOf(db: Db, modelIds: readonly number[]) {
  if (modelIds.length === 0) return [];
  return db
    .select({ modelId: modelAliases.modelId, alias: modelAliases.alias, versionId: modelAliases.versionId, version: modelVersions.version, updatedAt: modelAliases.updatedAt })
    .from(modelAliases)
    .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
    .where(inArray(modelAliases.modelId, [...modelIds]))
    .orderBy(asc(modelAliases.alias));
}

/** Points the alias at a version (or removes it) and records the move. */
export async function aliasMove(
  db: Db,
  move: { modelId: number; alias: string; versionId: number | null; movedAt: number; movedBy: number | null; reason: AliasHistoryRow['reason']; requestId?: number | null },
): Promise<{ previousVersionId: number | null }> {
  const [current] = await db
    .select({ versionId: modelAliases.versionId })
    .from(modelAliases)
    .where(and(eq(modelAliases.modelId, move.modelId), eq(modelAliases.alias, move.alias)));
  const previousVersionId = current?.versionId ?? null;
  if (move.versionId === null) {
    await db.delete(modelAliases).where(and(eq(modelAliases.modelId, move.modelId), eq(modelAliases.alias, move.alias)));
  } else {
    await db
      .insert(modelAliases)
      .values({ modelId: move.modelId, alias: move.alias, versionId: move.versionId, updatedAt: move.movedAt })
      .onConflictDoUpdate({ target: [modelAliases.modelId, modelAliases.alias], set: { versionId: move.versionId, updatedAt: move.movedAt } });
  }
  await db.insert(aliasHistory).values({
    modelId: move.modelId,
    alias: move.alias,
    versionId: move.versionId,
    previousVersionId,
    movedAt: move.movedAt,
    movedBy: move.movedBy,
    reason: move.reason,
    requestId: move.requestId ?? null,
  });
  return { previousVersionId };
}

/** Alias moves (promotions, rollbacks) of several models, oldest first, for chart annotations. */
export async function aliasMovesOfModels(db: Db, modelIds: readonly number[], from = 0) {
  if (modelIds.length === 0) return [];
  return db
    .select({
      id: aliasHistory.id,
      modelId: aliasHistory.modelId,
      modelName: registeredModels.name,
      alias: aliasHistory.alias,
      versionId: aliasHistory.versionId,
      version: modelVersions.version,
      previousVersionId: aliasHistory.previousVersionId,
      movedAt: aliasHistory.movedAt,
      reason: aliasHistory.reason,
      requestId: aliasHistory.requestId,
    })
    .from(aliasHistory)
    .innerJoin(registeredModels, eq(registeredModels.id, aliasHistory.modelId))
    .leftJoin(modelVersions, eq(modelVersions.id, aliasHistory.versionId))
    .where(and(inArray(aliasHistory.modelId, [...modelIds]), sql`${aliasHistory.movedAt} >= ${from}`))
    .orderBy(asc(aliasHistory.movedAt), asc(aliasHistory.id));
}

export async function aliasHistoryOf(db: Db, modelId: number, alias?: string) {
  return db
    .select({
      id: aliasHistory.id,
      alias: aliasHistory.alias,
      versionId: aliasHistory.versionId,
      version: modelVersions.version,
      previousVersionId: aliasHistory.previousVersionId,
      movedAt: aliasHistory.movedAt,
      movedBy: aliasHistory.movedBy,
      reason: aliasHistory.reason,
      requestId: aliasHistory.requestId,
    })
    .from(aliasHistory)
    .leftJoin(modelVersions, eq(modelVersions.id, aliasHistory.versionId))
    .where(and(eq(aliasHistory.modelId, modelId), alias ? eq(aliasHistory.alias, alias) : undefined))
    .orderBy(desc(aliasHistory.movedAt), desc(aliasHistory.id));
}

/** The version the alias pointed at at time `at` (null when it pointed nowhere). */
export async function aliasAt(db: Db, modelId: number, alias: string, at: number): Promise<AliasHistoryRow | undefined> {
  const [row] = await db
    .select()
    .from(aliasHistory)
    .where(and(eq(aliasHistory.modelId, modelId), eq(aliasHistory.alias, alias), lte(aliasHistory.movedAt, at)))
    .orderBy(desc(aliasHistory.movedAt), desc(aliasHistory.id))
    .limit(1);
  return row;
}

// Evidence and gate results

export async function evidenceInsert(db: Db, values: typeof gateEvidence.$inferInsert): Promise<void> {
  await db.insert(gateEvidence).values(values);
}

/** Every report for the version, oldest first (later reports override earlier keys). */
export async function evidenceOf(db: Db, versionId: number) {
  return db.select().from(gateEvidence).where(eq(gateEvidence.versionId, versionId)).orderBy(asc(gateEvidence.submittedAt), asc(gateEvidence.id));
}

export async function gateResultInsert(db: Db, values: typeof gateResults.$inferInsert): Promise<GateResultRow> {
  const [row] = await db.insert(gateResults).values(values).returning();
  return row!;
}

export async function gateResultLatest(db: Db, versionIds: readonly number[]): Promise<Map<number, GateResultRow>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([gateResults.versionId])
    .from(gateResults)
    .where(inArray(gateResults.versionId, [...versionIds]))
    .orderBy(gateResults.versionId, desc(gateResults.evaluatedAt), desc(gateResults.id));
  return new Map(rows.map((r) => [r.versionId, r]));
}
