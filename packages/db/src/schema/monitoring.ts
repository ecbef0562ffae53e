// Production monitoring: computed windows per model version and alias, the predictions
// kept for joining delayed ground truth, alert rules with their state, alerts and their
// history, and retraining webhooks with every delivery attempt.
import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { epochMs } from './columns';
import { modelVersions, registeredModels } from './registry';

/** One window of production traffic, computed at ingest (latency, drift) and on label arrival (evaluation). */
export const monitorWindows = pgTable(
  'monitor_windows',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    modelId: integer('model_id')
      .notNull()
      .references(() => registeredModels.id),
    versionId: integer('version_id')
      .notNull()
      .references(() => modelVersions.id),
    /** The alias the traffic was served under ('' when sent for a version directly). */
    alias: text('alias').notNull().default(''),
    windowStart: epochMs('window_start').notNull(),
    windowEnd: epochMs('window_end').notNull(),
    predictionCount: integer('prediction_count').notNull(),
    latencyP50: doublePrecision('latency_p50'),
    latencyP95: doublePrecision('latency_p95'),
    latencyP99: doublePrecision('latency_p99'),
    latencyCount: integer('latency_count'),
    latencyMethod: text('latency_method', { enum: ['samples', 'histogram'] }),
    /** Per-feature drift against the version's training dataset (domain window drift result). */
    drift: jsonb('drift').$type<Record<string, unknown>>(),
    driftedShare: doublePrecision('drifted_share'),
    datasetDrift: boolean('dataset_drift'),
    predictionSummary: jsonb('prediction_summary').$type<Record<string, unknown>>().notNull(),
    /** Evaluation metrics from joined ground truth; null until labels arrive. */
    evaluation: jsonb('evaluation').$type<Record<string, unknown>>(),
    labelledCount: integer('labelled_count').notNull().default(0),
    computedAt: epochMs('computed_at').notNull(),
    createdBy: integer('created_by'),
  },
  (t) => [uniqueIndex('monitor_windows_key').on(t.versionId, t.alias, t.windowStart), index('monitor_windows_model_idx').on(t.modelId, t.windowStart)],
);

/** Predictions with an id, kept so delayed ground truth can be joined to them. */
export const monitorPredictions = pgTable(
  'monitor_predictions',
  {
    modelId: integer('model_id').notNull(),
    predictionId: text('prediction_id').notNull(),
    windowId: integer('window_id')
      .notNull()
      .references(() => monitorWindows.id),
    /** The predicted value as JSON text (number, string or boolean), compared exactly with the label. */
    predicted: text('predicted').notNull(),
    actual: text('actual'),
    labelledAt: epochMs('labelled_at'),
  },
  // Only labelled predictions are read by window (to evaluate it), so the index holds only
  // them: storing a window's predictions then maintains the primary key alone.
  (t) => [primaryKey({ columns: [t.modelId, t.predictionId] }), index('monitor_predictions_labelled_idx').on(t.windowId).where(sql`${t.actual} is not null`)],
);

export const alertRules = pgTable(
  'alert_rules',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    modelId: integer('model_id')
      .notNull()
      .references(() => registeredModels.id),
    /** The alias whose windows it watches ('' = every window of the model). */
    alias: text('alias').notNull().default(''),
    name: text('name').notNull(),
    /** The domain AlertRule (metric, comparison, threshold, consecutive, recoverAfter). */
    rule: jsonb('rule').$type<Record<string, unknown>>().notNull(),
    webhookUrl: text('webhook_url'),
    /** Standard Webhooks secret (`whsec_…`); needed in clear to sign, never returned by the API. */
    webhookSecret: text('webhook_secret'),
    cooldownMs: epochMs('cooldown_ms').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** The alert state machine (domain alertNext) and the last window it saw. */
    status: text('status', { enum: ['ok', 'open', 'acknowledged'] }).notNull().default('ok'),
    breachStreak: integer('breach_streak').notNull().default(0),
    recoverStreak: integer('recover_streak').notNull().default(0),
    lastWindowId: integer('last_window_id'),
    lastTriggeredAt: epochMs('last_triggered_at'),
    createdAt: epochMs('created_at').notNull(),
    createdBy: integer('created_by'),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [index('alert_rules_model_idx').on(t.modelId)],
);

export const alerts = pgTable(
  'alerts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ruleId: integer('rule_id')
      .notNull()
      .references(() => alertRules.id),
    modelId: integer('model_id').notNull(),
    versionId: integer('version_id').notNull(),
    alias: text('alias').notNull().default(''),
    state: text('state', { enum: ['open', 'acknowledged', 'resolved'] }).notNull(),
    /** The metric's value in the window that fired it. */
    value: doublePrecision('value'),
    reason: text('reason').notNull(),
    openedAt: epochMs('opened_at').notNull(),
    openedWindowId: integer('opened_window_id'),
    acknowledgedAt: epochMs('acknowledged_at'),
    acknowledgedBy: integer('acknowledged_by'),
    resolvedAt: epochMs('resolved_at'),
    resolvedWindowId: integer('resolved_window_id'),
  },
  (t) => [index('alerts_model_idx').on(t.modelId, t.openedAt), index('alerts_state_idx').on(t.state)],
);

export const alertEvents = pgTable(
  'alert_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    alertId: integer('alert_id')
      .notNull()
      .references(() => alerts.id),
    at: epochMs('at').notNull(),
    kind: text('kind', { enum: ['opened', 'acknowledged', 'resolved', 'triggered', 'suppressed'] }).notNull(),
    actorId: integer('actor_id'),
    windowId: integer('window_id'),
    value: doublePrecision('value'),
    detail: text('detail').notNull().default(''),
  },
  (t) => [index('alert_events_alert_idx').on(t.alertId, t.at)],
);

/** A retraining trigger: one signed message, retried with backoff until delivered or given up. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ruleId: integer('rule_id')
      .notNull()
      .references(() => alertRules.id),
    alertId: integer('alert_id').references(() => alerts.id),
    url: text('url').notNull(),
    /** The `webhook-id` header: stable across retries so receivers can deduplicate. */
    messageId: text('message_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    reason: text('reason').notNull(),
    state: text('state', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: epochMs('next_attempt_at'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: epochMs('created_at').notNull(),
    deliveredAt: epochMs('delivered_at'),
  },
  (t) => [uniqueIndex('webhook_deliveries_message_key').on(t.messageId), index('webhook_deliveries_due_idx').on(t.state, t.nextAttemptAt), index('webhook_deliveries_rule_idx').on(t.ruleId, t.createdAt)],
);

export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: integer('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id),
    at: epochMs('at').notNull(),
    durationMs: integer('duration_ms').notNull(),
    status: integer('status'),
    error: text('error'),
    /** The start of the receiver's answer, for the delivery log. */
    responseBody: text('response_body').notNull().default(''),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.at)],
);
