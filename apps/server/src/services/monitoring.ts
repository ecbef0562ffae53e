// Production monitoring: a window of traffic per (model version, alias) is computed at
// ingest (latency percentiles, feature drift against the version's training dataset) and
// again when delayed ground truth arrives (evaluation metrics); after each, the model's
// alert rules step their state machines, opening and resolving alerts and queueing a
// signed retraining webhook when a rule with a webhook fires outside its cool-down.
import type { z } from 'zod';
import type { monitorLabelsInput, MonitorIngestInput } from '@quorum/contracts';
import {
  aliasAt,
  aliasesOf,
  alertActiveOfRule,
  alertEventInsert,
  alertInsert,
  alertRuleUpdate,
  alertUpdate,
  alertRulesOf,
  datasetColumnsOf,
  deliveryInsert,
  monitorLabelledPairs,
  monitorLabelsApply,
  monitorPredictionsTaken,
  monitorPredictionsInsert,
  monitorWindowAt,
  monitorWindowFind,
  monitorWindowInsert,
  monitorWindowUpdate,
  versionsByIds,
  versionFindByNumber,
  type AlertRuleRow,
  type Db,
  type ModelRow,
  type MonitorWindowRow,
  type VersionRow,
} from '@quorum/db';
import {
  alertNext,
  alertRuleValidate,
  alertRuleValue,
  evaluationMetrics,
  monitorAggregateExpand,
  monitorWindowCompute,
  RETRAIN_ALERT_TAG,
  retrainReason,
  retrainTriggerPayload,
  StatsInputError,
  triggerAllowed,
  type AlertRule,
  type AlertWindow,
  type EvaluationLabel,
  type MonitorReferenceColumn,
} from '@quorum/domain';
import { randomUUID } from 'node:crypto';
import { audit } from './audit';
import type { ServiceContext } from './context';
import { badRequest, conflict, notFound } from './errors';
import { modelGetRowByName, versionGetRow } from './registry';


/** The version that served the window: the number given, or what the alias pointed at when the window began. */
async function servingVersion(db: Db, model: ModelRow, input: MonitorIngestInput): Promise<VersionRow> {
  if (input.version !== undefined) {
    const version = await versionFindByNumber(db, model.id, input.version);
    if (!version) throw notFound(`${model.name} has no version ${input.version}`);
    return version;
  }
  const alias = input.alias!;
  const move = await aliasAt(db, model.id, alias, input.windowStart);
  const versionId = move?.versionId ?? (await aliasesOf(db, [model.id])).find((a) => a.alias === alias)?.versionId;
  if (versionId == null) throw badRequest(`${model.name}@${alias} points at no version; give the version number instead`);
  return versionGetRow(db, versionId);
}

/** Recently used references per database, by dataset id: a dataset version's profile never changes once stored. */
const referenceCache = new WeakMap<Db, Map<number, MonitorReferenceColumn[]>>();
const REFERENCES_KEPT = 16;

/** The training dataset's stored samples, as the drift reference. */
export async function referenceOf(db: Db, version: VersionRow): Promise<MonitorReferenceColumn[]> {
  const id = version.trainingDatasetId;
  if (id === null) return [];
  let references = referenceCache.get(db);
  if (!references) referenceCache.set(db, (references = new Map()));
  const cached = references.get(id);
  if (cached) return cached;
  const columns = await datasetColumnsOf(db, id, true);
  const reference = columns.map((c) => ({ name: c.name, kind: c.kind, values: c.kind === 'numerical' ? (c.numbers ?? []) : (c.categories ?? []) }));
  if (references.size >= REFERENCES_KEPT) references.delete(references.keys().next().value!);
  references.set(id, reference);
  return reference;
}

/** A stored window as the alert rules read it. */
function alertWindowOf(w: MonitorWindowRow): AlertWindow {
  const drift = w.drift as { driftedShare: number | null; columns: { name: string; score: number }[] } | null;
  return {
    predictionCount: w.predictionCount,
    latency: w.latencyP50 === null ? null : { p50: w.latencyP50, p95: w.latencyP95!, p99: w.latencyP99! },
    drift: drift ? { driftedShare: drift.driftedShare, columns: drift.columns } : null,
    evaluation: (w.evaluation as AlertWindow['evaluation']) ?? null,
  };
}

/** Computes and stores one window, then lets the model's alert rules see it. */
export async function monitorIngest(ctx: ServiceContext, input: MonitorIngestInput) {
  const model = await modelGetRowByName(ctx.db, input.model);
  const version = await servingVersion(ctx.db, model, input);
  const alias = input.alias ?? '';
  const existing = await monitorWindowAt(ctx.db, version.id, alias, input.windowStart);
  if (existing) {
    throw conflict(`${model.name} v${version.version}${alias ? `@${alias}` : ''} already has the window starting ${new Date(input.windowStart).toISOString()} (#${existing.id}); windows are recorded once`);
  }
  const ids = input.predictions.ids ?? [];

  let computed;
  try {
    computed = monitorWindowCompute({
      latency: input.latency ?? null,
      // A score histogram or class counts stand for the predictions as features' aggregates do.
      predictions: input.predictions.histogram
        ? monitorAggregateExpand({ histogram: input.predictions.histogram })
        : input.predictions.counts
          ? monitorAggregateExpand({ counts: input.predictions.counts })
          : input.predictions.values,
      ...(input.predictions.count !== undefined && { predictionCount: input.predictions.count }),
      features: input.features,
      reference: await referenceOf(ctx.db, version),
    });
  } catch (e) {
    if (e instanceof StatsInputError) throw badRequest(`Cannot compute the window: ${e.message}`);
    throw e;
  }
  const window = await ctx.db.transaction(async (tx) => {
    const row = await monitorWindowInsert(tx, {
      modelId: model.id,
      versionId: version.id,
      alias,
      windowStart: input.windowStart,
      windowEnd: input.windowEnd,
      predictionCount: computed.predictionCount,
      latencyP50: computed.latency?.p50 ?? null,
      latencyP95: computed.latency?.p95 ?? null,
      latencyP99: computed.latency?.p99 ?? null,
      latencyCount: computed.latency?.count ?? null,
      latencyMethod: computed.latency?.method ?? null,
      drift: computed.drift as unknown as Record<string, unknown>,
      driftedShare: computed.drift.driftedShare,
      datasetDrift: computed.drift.datasetDrift,
      predictionSummary: (computed.predictionSummary ?? {}) as Record<string, unknown>,
      computedAt: ctx.clock.now(),
      createdBy: ctx.actor?.userId ?? null,
    });
    const stored = await monitorPredictionsInsert(tx, model.id, row.id, ids, ids.map((_, i) => JSON.stringify(input.predictions.values[i])));
    if (stored < ids.length) {
      // Throwing rolls the whole window back.
      const taken = await monitorPredictionsTaken(tx, model.id, row.id, ids);
      throw badRequest(`Prediction ids are unique per model; ${taken.map((t) => `"${t}"`).join(', ')} ${taken.length === 1 ? 'was' : 'were'} recorded before`);
    }
    await audit(ctx, tx, 'monitoring.ingest', { entityType: 'monitor_window', entityId: row.id }, {
      model: model.name,
      version: version.version,
      alias,
      window: [new Date(input.windowStart).toISOString(), new Date(input.windowEnd).toISOString()],
      predictions: computed.predictionCount,
      withIds: ids.length,
      driftedShare: computed.drift.driftedShare,
    });
    return row;
  });
  const alerts = await rulesEvaluate(ctx, model, version, window);
  return { window, unmatched: computed.drift.unmatched, alerts };
}

const parseLabel = (text: string): EvaluationLabel => JSON.parse(text) as EvaluationLabel;

/** Joins delayed ground truth to stored predictions, recomputes the touched windows' metrics, then steps the rules. */
export async function monitorLabels(ctx: ServiceContext, input: z.output<typeof monitorLabelsInput>) {
  const model = await modelGetRowByName(ctx.db, input.model);
  const labels = input.labels.map((l) => ({ id: l.id, actual: JSON.stringify(l.actual) }));
  const windowIds = await ctx.db.transaction(async (tx) => {
    const applied = await monitorLabelsApply(tx, model.id, labels, ctx.clock.now());
    await audit(ctx, tx, 'monitoring.labels', { entityType: 'model', entityId: model.id }, { model: model.name, sent: labels.length, matched: applied.matched, windows: applied.windowIds.length });
    return applied;
  });
  const windows = (await Promise.all(windowIds.windowIds.map((id) => monitorWindowFind(ctx.db, id)))).filter((w) => w !== undefined).sort((a, b) => a.windowStart - b.windowStart);
  const versions = new Map((await versionsByIds(ctx.db, [...new Set(windows.map((w) => w.versionId))])).map((v) => [v.id, v]));
  const alerts = [];
  for (const w of windows) {
    const pairs = (await monitorLabelledPairs(ctx.db, w.id)).map((p) => ({ predicted: parseLabel(p.predicted), actual: parseLabel(p.actual) }));
    let evaluation;
    try {
      evaluation = evaluationMetrics(pairs);
    } catch (e) {
      if (e instanceof StatsInputError) throw badRequest(`Cannot evaluate window #${w.id}: ${e.message}`);
      throw e;
    }
    const changes = { evaluation: evaluation as unknown as Record<string, unknown>, labelledCount: evaluation.labelledCount };
    await monitorWindowUpdate(ctx.db, w.id, changes);
    alerts.push(...(await rulesEvaluate(ctx, model, versions.get(w.versionId)!, { ...w, ...changes })));
  }
  return { sent: labels.length, matched: windowIds.matched, unmatched: labels.length - windowIds.matched, windows: windows.length, alerts };
}

/** Rules run as the server, whoever sent the data that moved them. */
const asMonitor = (ctx: ServiceContext): ServiceContext => ({ ...ctx, system: 'monitoring' });

/**
 * Steps every enabled rule watching the window's alias. A rule sees windows in time order
 * and only those where its metric is known; an older window than the last it saw is skipped.
 */
async function rulesEvaluate(ctx: ServiceContext, model: ModelRow, version: VersionRow, window: MonitorWindowRow) {
  const changes: { ruleId: number; effect: 'open' | 'resolve'; alertId: number; deliveryId: number | null }[] = [];
  for (const rule of await alertRulesOf(ctx.db, model.id, window.alias)) {
    const checked = alertRuleValidate(rule.rule);
    if (!checked.ok) continue;
    const value = alertRuleValue(checked.rule, alertWindowOf(window));
    if (value === null) continue;
    if (rule.lastWindowId !== null) {
      const last = await monitorWindowFind(ctx.db, rule.lastWindowId);
      if (last && last.windowStart >= window.windowStart) continue;
    }
    const step = alertNext({ status: rule.status, breachStreak: rule.breachStreak, recoverStreak: rule.recoverStreak }, { type: 'window', value }, checked.rule);
    if (!step.ok) continue;
    const change = await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      let lastTriggeredAt = rule.lastTriggeredAt;
      let result: (typeof changes)[number] | null = null;
      if (step.effect === 'open') {
        const reason = retrainReason(checked.rule, value, { start: window.windowStart, end: window.windowEnd });
        const alert = await alertInsert(tx, { ruleId: rule.id, modelId: model.id, versionId: version.id, alias: window.alias, state: 'open', value, reason, openedAt: now, openedWindowId: window.id });
        await alertEventInsert(tx, { alertId: alert.id, at: now, kind: 'opened', windowId: window.id, value, detail: reason });
        await audit(asMonitor(ctx), tx, 'alerts.open', { entityType: 'alert', entityId: alert.id }, { rule: rule.name, model: model.name, version: version.version, alias: window.alias, value, reason });
        let deliveryId: number | null = null;
        if (rule.webhookUrl) {
          if (triggerAllowed(rule.lastTriggeredAt, now, rule.cooldownMs)) {
            deliveryId = await triggerQueue(tx, { rule, checked: checked.rule, alertId: alert.id, value, model, version, window, reason, now });
            lastTriggeredAt = now;
            await alertEventInsert(tx, { alertId: alert.id, at: now, kind: 'triggered', detail: `Retraining requested from ${rule.webhookUrl} (delivery #${deliveryId})` });
          } else {
            const until = new Date(rule.lastTriggeredAt! + rule.cooldownMs).toISOString();
            await alertEventInsert(tx, { alertId: alert.id, at: now, kind: 'suppressed', detail: `No retraining trigger: the rule triggered at ${new Date(rule.lastTriggeredAt!).toISOString()} and cools down until ${until}` });
          }
        }
        result = { ruleId: rule.id, effect: 'open', alertId: alert.id, deliveryId };
      } else if (step.effect === 'resolve') {
        const alert = await alertActiveOfRule(tx, rule.id);
        if (alert) {
          await alertUpdate(tx, alert.id, { state: 'resolved', resolvedAt: now, resolvedWindowId: window.id });
          await alertEventInsert(tx, { alertId: alert.id, at: now, kind: 'resolved', windowId: window.id, value, detail: `Recovered: ${checked.rule.metric} is back within the threshold` });
          await audit(asMonitor(ctx), tx, 'alerts.resolve', { entityType: 'alert', entityId: alert.id }, { rule: rule.name, value });
          result = { ruleId: rule.id, effect: 'resolve', alertId: alert.id, deliveryId: null };
        }
      }
      await alertRuleUpdate(tx, rule.id, { status: step.state.status, breachStreak: step.state.breachStreak, recoverStreak: step.state.recoverStreak, lastWindowId: window.id, lastTriggeredAt });
      return result;
    });
    if (change) changes.push(change);
  }
  return changes;
}

/** Queues the signed retraining request; the webhook worker delivers it. */
async function triggerQueue(
  tx: Db,
  t: { rule: AlertRuleRow; checked: AlertRule; alertId: number; value: number; model: ModelRow; version: VersionRow; window: MonitorWindowRow; reason: string; now: number },
): Promise<number> {
  const payload = retrainTriggerPayload({
    alert: { id: t.alertId, value: t.value, openedAt: t.now },
    rule: { ...t.checked, id: t.rule.id },
    model: { id: t.model.id, name: t.model.name },
    version: { id: t.version.id, version: t.version.version },
    alias: t.window.alias,
    window: { start: t.window.windowStart, end: t.window.windowEnd },
    reason: t.reason,
    requestedAt: t.now,
    // The retrained run carries this tag, so lineage can say why it was trained.
    runTags: { [RETRAIN_ALERT_TAG]: String(t.alertId) },
  });
  const delivery = await deliveryInsert(tx, {
    ruleId: t.rule.id,
    alertId: t.alertId,
    url: t.rule.webhookUrl!,
    messageId: `msg_${randomUUID().replace(/-/g, '')}`,
    payload: payload as unknown as Record<string, unknown>,
    reason: t.reason,
    state: 'pending',
    nextAttemptAt: t.now,
    createdAt: t.now,
  });
  return delivery.id;
}
