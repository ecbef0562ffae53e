// KPI verbs: define a KPI with its target and linked models, record daily observations
// (API or CSV upload), comment (optionally on a promotion request), and read the board:
// every KPI against its target with its trend and the model changes that may have moved it.
import type { z } from 'zod';
import type { kpiCommentInput, kpiCreateInput, kpiRecordInput, kpiUpdateInput } from '@quorum/contracts';
import {
  aliasMovesOfModels,
  kpiCommentInsert,
  kpiCommentsOf,
  kpiFind,
  kpiFindByName,
  kpiInsert,
  kpiList,
  kpiModelLinks,
  kpiModelsSet,
  kpiObservationsOf,
  kpiObservationsUpsert,
  kpiUpdate,
  modelsByIds,
  monitorAlertsOfModels,
  promotionRequestExists,
  userFind,
  userList,
  type Db,
  type KpiObservationRow,
  type KpiRow,
} from '@quorum/db';
import { KPI_DAY_MS, kpiStatus, kpiTrend } from '@quorum/domain';
import { audit } from './audit';
import type { ServiceContext } from './context';
import { badRequest, conflict, notFound } from './errors';

/** How far back the board reads observations and annotations. */
export const KPI_BOARD_DAYS = 90;
/** The trend the board shows: change over the last four weeks. */
export const KPI_TREND_DAYS = 28;

async function kpiGetRow(db: Db, id: number): Promise<KpiRow> {
  const kpi = await kpiFind(db, id);
  if (!kpi) throw notFound(`No KPI with id ${id}`);
  return kpi;
}

async function checkRefs(db: Db, input: { ownerId?: number | null | undefined; modelIds?: number[] | undefined }) {
  if (input.ownerId != null && !(await userFind(db, input.ownerId))) throw badRequest(`No user with id ${input.ownerId} to own the KPI`);
  if (input.modelIds?.length) {
    const found = new Set((await modelsByIds(db, input.modelIds)).map((m) => m.id));
    const missing = input.modelIds.filter((id) => !found.has(id));
    if (missing.length > 0) throw badRequest(`No registered model with id ${missing.join(', ')}`);
  }
}

export async function kpiCreate(ctx: ServiceContext, input: z.output<typeof kpiCreateInput>) {
  if (await kpiFindByName(ctx.db, input.name)) throw conflict(`A KPI named "${input.name}" exists already`);
  await checkRefs(ctx.db, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { modelIds, ...fields } = input;
    const kpi = await kpiInsert(tx, { ...fields, ownerId: input.ownerId ?? ctx.actor?.userId ?? null, createdAt: now, createdBy: ctx.actor?.userId ?? null, updatedAt: now });
    await kpiModelsSet(tx, kpi.id, [...new Set(modelIds)]);
    await audit(ctx, tx, 'kpis.create', { entityType: 'kpi', entityId: kpi.id }, { ...fields, modelIds });
    return kpi;
  });
}

export async function kpiChange(ctx: ServiceContext, input: z.output<typeof kpiUpdateInput>) {
  const before = await kpiGetRow(ctx.db, input.id);
  const { id, modelIds, ...fields } = input;
  if (fields.name !== undefined && fields.name !== before.name && (await kpiFindByName(ctx.db, fields.name))) throw conflict(`A KPI named "${fields.name}" exists already`);
  await checkRefs(ctx.db, input);
  return ctx.db.transaction(async (tx) => {
    const kpi = await kpiUpdate(tx, id, { ...fields, updatedAt: ctx.clock.now() });
    if (modelIds !== undefined) await kpiModelsSet(tx, id, [...new Set(modelIds)]);
    const from = Object.fromEntries(Object.keys(fields).map((k) => [k, before[k as keyof KpiRow]]));
    await audit(ctx, tx, 'kpis.update', { entityType: 'kpi', entityId: id }, { from, to: fields, ...(modelIds !== undefined && { modelIds }) });
    return kpi!;
  });
}

/** Observations as the API takes them; the demo seed records its invented history as source 'demo'. */
export type KpiRecordRequest = Omit<z.output<typeof kpiRecordInput>, 'source'> & { source: KpiObservationRow['source'] };

/** Stores daily values; a day already recorded is replaced (the audit entry says how many). */
export async function kpiRecord(ctx: ServiceContext, input: KpiRecordRequest) {
  const kpi = await kpiGetRow(ctx.db, input.kpiId);
  const days = input.observations.map((o) => o.at);
  const first = Math.min(...days);
  const last = Math.max(...days);
  const existing = new Set((await kpiObservationsOf(ctx.db, [kpi.id], first)).map((o) => o.at));
  const replaced = days.filter((d) => existing.has(d)).length;
  await ctx.db.transaction(async (tx) => {
    await kpiObservationsUpsert(tx, kpi.id, input.observations, input.source, ctx.clock.now());
    await audit(ctx, tx, 'kpis.record', { entityType: 'kpi', entityId: kpi.id }, {
      source: input.source,
      count: days.length,
      replaced,
      from: new Date(first).toISOString().slice(0, 10),
      to: new Date(last).toISOString().slice(0, 10),
    });
  });
  return { recorded: days.length, replaced };
}

export async function kpiComment(ctx: ServiceContext, input: z.output<typeof kpiCommentInput>) {
  const kpi = await kpiGetRow(ctx.db, input.kpiId);
  if (input.promotionRequestId !== undefined && !(await promotionRequestExists(ctx.db, input.promotionRequestId))) {
    throw badRequest(`No promotion request #${input.promotionRequestId} to link the comment to`);
  }
  return ctx.db.transaction(async (tx) => {
    const comment = await kpiCommentInsert(tx, { kpiId: kpi.id, authorId: ctx.actor!.userId, body: input.body, promotionRequestId: input.promotionRequestId ?? null, createdAt: ctx.clock.now() });
    await audit(ctx, tx, 'kpis.comment', { entityType: 'kpi', entityId: kpi.id }, { commentId: comment.id, promotionRequestId: comment.promotionRequestId, body: comment.body });
    return comment;
  });
}

export type KpiAnnotation =
  | { kind: 'promotion' | 'rollback'; at: number; modelId: number; modelName: string; alias: string; version: number | null; requestId: number | null }
  | { kind: 'alert'; at: number; modelId: number; modelName: string; alias: string; alertId: number; reason: string };

/** Promotions, rollbacks and alerts of the models, oldest first. */
async function annotationsOf(db: Db, modelIds: number[], from: number): Promise<KpiAnnotation[]> {
  const [moves, alerts] = await Promise.all([aliasMovesOfModels(db, modelIds, from), monitorAlertsOfModels(db, modelIds, from)]);
  const out: KpiAnnotation[] = [
    ...moves
      .filter((m) => m.reason !== 'initial')
      .map((m) => ({ kind: m.reason as 'promotion' | 'rollback', at: m.movedAt, modelId: m.modelId, modelName: m.modelName, alias: m.alias, version: m.version, requestId: m.requestId })),
    ...alerts.map((a) => ({ kind: 'alert' as const, at: a.openedAt, modelId: a.modelId, modelName: a.modelName, alias: a.alias, alertId: a.id, reason: a.reason })),
  ];
  return out.sort((a, b) => a.at - b.at);
}

/** Rows grouped by a key, in their order. */
function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const group = out.get(k);
    if (group) group.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Every KPI with owner, linked models, the last 90 days, status against target, trend and annotations. */
export async function kpiBoard(ctx: ServiceContext) {
  const now = ctx.clock.now();
  const from = Math.floor(now / KPI_DAY_MS) * KPI_DAY_MS - KPI_BOARD_DAYS * KPI_DAY_MS;
  const list = await kpiList(ctx.db);
  const ids = list.map((k) => k.id);
  const [links, observations, people] = await Promise.all([kpiModelLinks(ctx.db, ids), kpiObservationsOf(ctx.db, ids, from), userList(ctx.db)]);
  const modelIds = [...new Set(links.map((l) => l.modelId))];
  const [models, annotations] = await Promise.all([modelsByIds(ctx.db, modelIds), annotationsOf(ctx.db, modelIds, from)]);
  const names = new Map(people.map((u) => [u.id, u.name]));
  const linkedOf = groupBy(links, (l) => l.kpiId);
  const seriesOf = groupBy(observations, (o) => o.kpiId);
  return list.map((kpi) => {
    const linked = new Set((linkedOf.get(kpi.id) ?? []).map((l) => l.modelId));
    const series = (seriesOf.get(kpi.id) ?? []).map((o) => ({ at: o.at, value: o.value }));
    const latest = series.at(-1) ?? null;
    return {
      ...kpi,
      ownerName: kpi.ownerId === null ? null : (names.get(kpi.ownerId) ?? null),
      models: models.filter((m) => linked.has(m.id)).map((m) => ({ id: m.id, name: m.name })),
      observations: series,
      latest,
      status: kpiStatus({ direction: kpi.direction, target: kpi.target, latest: latest?.value ?? null }),
      trend: kpiTrend(series, KPI_TREND_DAYS, now, kpi.direction),
      annotations: annotations.filter((a) => linked.has(a.modelId)),
    };
  });
}

/** One KPI: its whole history, annotations over it, and comments. */
export async function kpiDetail(ctx: ServiceContext, id: number) {
  const kpi = await kpiGetRow(ctx.db, id);
  const links = await kpiModelLinks(ctx.db, [id]);
  const modelIds = links.map((l) => l.modelId);
  const [observations, models, comments, owner] = await Promise.all([
    kpiObservationsOf(ctx.db, [id]),
    modelsByIds(ctx.db, modelIds),
    kpiCommentsOf(ctx.db, id),
    kpi.ownerId === null ? undefined : userFind(ctx.db, kpi.ownerId),
  ]);
  const series = observations.map((o) => ({ at: o.at, value: o.value, source: o.source }));
  const latest = series.at(-1) ?? null;
  return {
    ...kpi,
    ownerName: owner?.name ?? null,
    models: models.map((m) => ({ id: m.id, name: m.name })),
    observations: series,
    latest,
    status: kpiStatus({ direction: kpi.direction, target: kpi.target, latest: latest?.value ?? null }),
    trend: kpiTrend(series, KPI_TREND_DAYS, ctx.clock.now(), kpi.direction),
    annotations: await annotationsOf(ctx.db, modelIds, series[0]?.at ?? 0),
    comments,
  };
}
