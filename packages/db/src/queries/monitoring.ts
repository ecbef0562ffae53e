// Monitoring reads and writes: windows, predictions joined to ground truth, alert rules
// and their state, alerts with their events, webhook deliveries and attempts.
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { alertEvents, alertRules, alerts, monitorWindows, registeredModels, tags, webhookAttempts, webhookDeliveries } from '../schema';
import { queryRows } from '../rows';
import type { Db } from '../types';

export type MonitorWindowRow = typeof monitorWindows.$inferSelect;
export type AlertRuleRow = typeof alertRules.$inferSelect;
export type AlertRow = typeof alerts.$inferSelect;
export type AlertEventRow = typeof alertEvents.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;

const p = sql.param;

// ── Windows and predictions ───────────────────────────────────────────────────────

export async function monitorWindowInsert(db: Db, values: typeof monitorWindows.$inferInsert): Promise<MonitorWindowRow> {
  const [row] = await db.insert(monitorWindows).values(values).returning();
  return row!;
}

export async function monitorWindowFind(db: Db, id: number): Promise<MonitorWindowRow | undefined> {
  const [row] = await db.select().from(monitorWindows).where(eq(monitorWindows.id, id));
  return row;
}

export async function monitorWindowAt(db: Db, versionId: number, alias: string, windowStart: number): Promise<MonitorWindowRow | undefined> {
  const [row] = await db
    .select()
    .from(monitorWindows)
    .where(and(eq(monitorWindows.versionId, versionId), eq(monitorWindows.alias, alias), eq(monitorWindows.windowStart, windowStart)));
  return row;
}

export async function monitorWindowUpdate(db: Db, id: number, values: Partial<Pick<MonitorWindowRow, 'evaluation' | 'labelledCount'>>): Promise<void> {
  await db.update(monitorWindows).set(values).where(eq(monitorWindows.id, id));
}

/** A model's windows since `from`, oldest first. */
export async function monitorWindowsOf(db: Db, modelId: number, from = 0): Promise<MonitorWindowRow[]> {
  return db
    .select()
    .from(monitorWindows)
    .where(and(eq(monitorWindows.modelId, modelId), gte(monitorWindows.windowStart, from)))
    .orderBy(asc(monitorWindows.windowStart), asc(monitorWindows.id));
}

/** How many windows each model has, and the newest one's end. */
export async function monitorWindowCounts(db: Db) {
  return db
    .select({ modelId: monitorWindows.modelId, windows: sql<number>`count(*)::int`, lastEnd: sql<number>`max(${monitorWindows.windowEnd})::float8` })
    .from(monitorWindows)
    .groupBy(monitorWindows.modelId);
}

/**
 * Stores a window's predictions with ids in one statement (unnest), for joining labels
 * later. Ids the model already holds are skipped; returns how many rows were stored.
 */
export async function monitorPredictionsInsert(db: Db, modelId: number, windowId: number, ids: readonly string[], predicted: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with stored as (
      insert into monitor_predictions (model_id, prediction_id, window_id, predicted)
      select ${modelId}, u.id, ${windowId}, u.predicted
      from unnest(${p(ids)}::text[], ${p(predicted)}::text[]) as u(id, predicted)
      on conflict (model_id, prediction_id) do nothing
      returning 1)
    select count(*)::int as n from stored`,
  );
  return Number(rows[0]!.n);
}

/** Up to five ids among these that the model holds in windows other than `windowId` (a prediction id is unique per model). */
export async function monitorPredictionsTaken(db: Db, modelId: number, windowId: number, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select prediction_id as id from monitor_predictions where model_id = ${modelId} and window_id <> ${windowId} and prediction_id = any(${p(ids)}::text[]) limit 5`,
  );
  return rows.map((r) => r.id);
}

/** Joins ground truth to stored predictions; returns the windows touched and how many labels matched. */
export async function monitorLabelsApply(db: Db, modelId: number, labels: readonly { id: string; actual: string }[], now: number): Promise<{ windowIds: number[]; matched: number }> {
  const ids = labels.map((l) => l.id);
  // `prediction_id = any(ids)` lets the primary key find the rows; without it a planner with
  // no statistics (PGlite runs no autovacuum to gather them) hashes every prediction the model
  // ever stored, so each day's labels cost more than the last.
  const rows = await queryRows<{ window_id: number }>(
    db,
    sql`update monitor_predictions m set actual = u.actual, labelled_at = ${now}
        from unnest(${p(ids)}::text[], ${p(labels.map((l) => l.actual))}::text[]) as u(id, actual)
        where m.model_id = ${modelId} and m.prediction_id = any(${p(ids)}::text[]) and m.prediction_id = u.id
        returning m.window_id`,
  );
  return { windowIds: [...new Set(rows.map((r) => Number(r.window_id)))], matched: rows.length };
}

/** The labelled predictions of a window, as stored JSON text. */
export async function monitorLabelledPairs(db: Db, windowId: number): Promise<{ predicted: string; actual: string }[]> {
  return queryRows(db, sql`select predicted, actual from monitor_predictions where window_id = ${windowId} and actual is not null`);
}

// ── Alert rules, alerts and their events ──────────────────────────────────────────

export async function alertRuleInsert(db: Db, values: typeof alertRules.$inferInsert): Promise<AlertRuleRow> {
  const [row] = await db.insert(alertRules).values(values).returning();
  return row!;
}

export async function alertRuleFind(db: Db, id: number): Promise<AlertRuleRow | undefined> {
  const [row] = await db.select().from(alertRules).where(eq(alertRules.id, id));
  return row;
}

export async function alertRuleUpdate(db: Db, id: number, values: Partial<Omit<AlertRuleRow, 'id' | 'modelId' | 'createdAt' | 'createdBy'>>): Promise<AlertRuleRow | undefined> {
  const [row] = await db.update(alertRules).set(values).where(eq(alertRules.id, id)).returning();
  return row;
}

/** The model's rules; with `alias`, only the enabled ones watching that alias or every alias. */
export async function alertRulesOf(db: Db, modelId: number, alias?: string): Promise<AlertRuleRow[]> {
  return db
    .select()
    .from(alertRules)
    .where(and(eq(alertRules.modelId, modelId), alias === undefined ? undefined : and(eq(alertRules.enabled, true), or(eq(alertRules.alias, ''), eq(alertRules.alias, alias)))))
    .orderBy(asc(alertRules.id));
}

export async function alertInsert(db: Db, values: typeof alerts.$inferInsert): Promise<AlertRow> {
  const [row] = await db.insert(alerts).values(values).returning();
  return row!;
}

export async function alertFind(db: Db, id: number): Promise<AlertRow | undefined> {
  const [row] = await db.select().from(alerts).where(eq(alerts.id, id));
  return row;
}

export async function alertUpdate(db: Db, id: number, values: Partial<Omit<AlertRow, 'id' | 'ruleId'>>): Promise<void> {
  await db.update(alerts).set(values).where(eq(alerts.id, id));
}

/** The rule's alert that is not resolved yet, if any. */
export async function alertActiveOfRule(db: Db, ruleId: number): Promise<AlertRow | undefined> {
  const [row] = await db
    .select()
    .from(alerts)
    .where(and(eq(alerts.ruleId, ruleId), inArray(alerts.state, ['open', 'acknowledged'])))
    .orderBy(desc(alerts.openedAt))
    .limit(1);
  return row;
}

export async function alertEventInsert(db: Db, values: typeof alertEvents.$inferInsert): Promise<void> {
  await db.insert(alertEvents).values(values);
}

export async function alertEventsOf(db: Db, alertIds: readonly number[]): Promise<AlertEventRow[]> {
  if (alertIds.length === 0) return [];
  return db.select().from(alertEvents).where(inArray(alertEvents.alertId, [...alertIds])).orderBy(asc(alertEvents.at), asc(alertEvents.id));
}

/** A model's alerts opened since `from` (and any still active), newest first. */
export async function alertsOfModel(db: Db, modelId: number, from = 0): Promise<AlertRow[]> {
  return db
    .select()
    .from(alerts)
    .where(and(eq(alerts.modelId, modelId), or(gte(alerts.openedAt, from), inArray(alerts.state, ['open', 'acknowledged']))))
    .orderBy(desc(alerts.openedAt), desc(alerts.id));
}

/** Alerts of several models opened since `from`, oldest first, with the model's name. */
export async function monitorAlertsOfModels(db: Db, modelIds: readonly number[], from = 0) {
  if (modelIds.length === 0) return [];
  return db
    .select({ id: alerts.id, modelId: alerts.modelId, modelName: registeredModels.name, alias: alerts.alias, state: alerts.state, reason: alerts.reason, openedAt: alerts.openedAt, resolvedAt: alerts.resolvedAt })
    .from(alerts)
    .innerJoin(registeredModels, eq(registeredModels.id, alerts.modelId))
    .where(and(inArray(alerts.modelId, [...modelIds]), gte(alerts.openedAt, from)))
    .orderBy(asc(alerts.openedAt), asc(alerts.id));
}

/** Alerts in the given states across models, newest first, with the model's name. */
export async function alertsActive(db: Db, states: readonly AlertRow['state'][] = ['open', 'acknowledged'], limit = 200) {
  return db
    .select({ alert: alerts, modelName: registeredModels.name })
    .from(alerts)
    .innerJoin(registeredModels, eq(registeredModels.id, alerts.modelId))
    .where(inArray(alerts.state, [...states]))
    .orderBy(desc(alerts.openedAt))
    .limit(limit);
}

/** Alerts that these runs name in the tag `tagKey` (a retrained run names the alert that asked for it), with the naming run. */
export async function alertsNamedByRuns(db: Db, runIds: readonly string[], tagKey: string) {
  if (runIds.length === 0) return [];
  return db
    .select({ runId: tags.runId, id: alerts.id, modelId: alerts.modelId, state: alerts.state, reason: alerts.reason, openedAt: alerts.openedAt })
    .from(tags)
    .innerJoin(alerts, sql`${alerts.id}::text = ${tags.value}`)
    .where(and(inArray(tags.runId, [...runIds]), eq(tags.key, tagKey)))
    .orderBy(asc(alerts.id));
}

// ── Webhook deliveries ────────────────────────────────────────────────────────────

export async function deliveryInsert(db: Db, values: typeof webhookDeliveries.$inferInsert): Promise<WebhookDeliveryRow> {
  const [row] = await db.insert(webhookDeliveries).values(values).returning();
  return row!;
}

export async function deliveryFind(db: Db, id: number): Promise<WebhookDeliveryRow | undefined> {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row;
}

export async function deliveryUpdate(db: Db, id: number, values: Partial<Omit<WebhookDeliveryRow, 'id' | 'ruleId' | 'messageId'>>): Promise<void> {
  await db.update(webhookDeliveries).set(values).where(eq(webhookDeliveries.id, id));
}

/** Pending deliveries whose next attempt is due, oldest first. */
async function deliveriesDue(db: Db, now: number, limit: number): Promise<WebhookDeliveryRow[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.state, 'pending'), or(isNull(webhookDeliveries.nextAttemptAt), lte(webhookDeliveries.nextAttemptAt, now))))
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
    .limit(limit);
}

/**
 * Claims due pending deliveries for one worker: pushes their next attempt a lease ahead so
 * another worker (or server process) does not send the same message meanwhile.
 */
export async function deliveriesClaim(db: Db, now: number, leaseMs: number, limit: number): Promise<WebhookDeliveryRow[]> {
  const due = await deliveriesDue(db, now, limit);
  const claimed: WebhookDeliveryRow[] = [];
  for (const d of due) {
    const [row] = await db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: now + leaseMs })
      .where(and(eq(webhookDeliveries.id, d.id), eq(webhookDeliveries.state, 'pending'), or(isNull(webhookDeliveries.nextAttemptAt), lte(webhookDeliveries.nextAttemptAt, now))))
      .returning();
    if (row) claimed.push(row);
  }
  return claimed;
}

export async function deliveriesOfRules(db: Db, ruleIds: readonly number[], limit = 50): Promise<WebhookDeliveryRow[]> {
  if (ruleIds.length === 0) return [];
  return db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.ruleId, [...ruleIds])).orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id)).limit(limit);
}

export async function attemptInsert(db: Db, values: typeof webhookAttempts.$inferInsert): Promise<void> {
  await db.insert(webhookAttempts).values(values);
}

export async function attemptsOf(db: Db, deliveryIds: readonly number[]): Promise<WebhookAttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, [...deliveryIds])).orderBy(asc(webhookAttempts.at), asc(webhookAttempts.id));
}
