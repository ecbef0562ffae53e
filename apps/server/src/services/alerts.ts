// Alert rules (with their retraining webhook and its secret, shown once), acknowledging
// alerts, and the monitoring reads: the models being watched and one model's page.
import type { z } from 'zod';
import type { alertRuleCreateInput, alertRuleUpdateInput } from '@quorum/contracts';
import {
  alertEventInsert,
  alertEventsOf,
  alertFind,
  alertRuleFind,
  alertRuleInsert,
  alertRuleUpdate,
  alertRulesOf,
  alertsActive,
  alertsOfModel,
  alertUpdate,
  aliasesOf,
  aliasHistoryOf,
  attemptsOf,
  deliveriesOfRules,
  modelList,
  monitorWindowCounts,
  monitorWindowsOf,
  versionsOf,
  type AlertRuleRow,
} from '@quorum/db';
import { alertNext, alertRuleDescribe, alertRuleValidate, webhookSecretBytes, webhookSecretEncode, WebhookError } from '@quorum/domain';
import { randomBytes } from 'node:crypto';
import { audit } from './audit';
import type { ServiceContext } from './context';
import { badRequest, conflict, notFound } from './errors';
import { modelGetRow } from './registry';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A rule as the API shows it: never the webhook secret. */
function ruleView(r: AlertRuleRow) {
  const { webhookSecret, ...rest } = r;
  const checked = alertRuleValidate(r.rule);
  return { ...rest, hasSecret: webhookSecret !== null, description: checked.ok ? alertRuleDescribe(checked.rule) : 'invalid rule' };
}

function ruleParse(raw: unknown) {
  const checked = alertRuleValidate(raw);
  if (!checked.ok) throw badRequest(`The alert rule is not valid: ${checked.errors.join('; ')}`);
  return checked.rule;
}

/** The given secret, checked as Standard Webhooks requires, or a new 32-byte one. */
function secretFor(given: string | null | undefined): string {
  if (given) {
    try {
      webhookSecretBytes(given);
    } catch (e) {
      if (e instanceof WebhookError) throw badRequest(e.message);
      throw e;
    }
    return given;
  }
  return webhookSecretEncode(new Uint8Array(randomBytes(32)));
}

/** Creates a rule; with a webhook, the secret is returned this once (generated when not given). */
export async function alertRuleCreate(ctx: ServiceContext, input: z.output<typeof alertRuleCreateInput>) {
  const model = await modelGetRow(ctx.db, input.modelId);
  const rule = ruleParse(input.rule);
  const secret = input.webhookUrl ? secretFor(input.webhookSecret) : null;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await alertRuleInsert(tx, {
      modelId: model.id,
      alias: input.alias,
      name: input.name,
      rule: rule as unknown as Record<string, unknown>,
      webhookUrl: input.webhookUrl ?? null,
      webhookSecret: secret,
      cooldownMs: input.cooldownMinutes * MINUTE,
      createdAt: now,
      createdBy: ctx.actor?.userId ?? null,
      updatedAt: now,
    });
    await audit(ctx, tx, 'monitoring.createRule', { entityType: 'alert_rule', entityId: row.id }, { model: model.name, alias: input.alias, name: input.name, rule, webhookUrl: row.webhookUrl, cooldownMinutes: input.cooldownMinutes });
    return { rule: ruleView(row), webhookSecret: secret };
  });
}

/** Changes a rule; a changed condition starts its state machine afresh. */
export async function alertRuleChange(ctx: ServiceContext, input: z.output<typeof alertRuleUpdateInput>) {
  const before = await alertRuleFind(ctx.db, input.id);
  if (!before) throw notFound(`No alert rule with id ${input.id}`);
  const rule = input.rule === undefined ? undefined : ruleParse(input.rule);
  const newSecret = input.webhookUrl && !before.webhookSecret ? secretFor(null) : null;
  return ctx.db.transaction(async (tx) => {
    const row = await alertRuleUpdate(tx, before.id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(rule !== undefined && { rule: rule as unknown as Record<string, unknown>, status: 'ok' as const, breachStreak: 0, recoverStreak: 0 }),
      ...(input.webhookUrl !== undefined && { webhookUrl: input.webhookUrl }),
      ...(newSecret !== null && { webhookSecret: newSecret }),
      ...(input.cooldownMinutes !== undefined && { cooldownMs: input.cooldownMinutes * MINUTE }),
      ...(input.enabled !== undefined && { enabled: input.enabled }),
      updatedAt: ctx.clock.now(),
    });
    const { id, ...changes } = input;
    await audit(ctx, tx, 'monitoring.updateRule', { entityType: 'alert_rule', entityId: id }, { changes: { ...changes, rule } });
    return { rule: ruleView(row!), webhookSecret: newSecret };
  });
}

export async function alertAcknowledge(ctx: ServiceContext, alertId: number) {
  const alert = await alertFind(ctx.db, alertId);
  if (!alert) throw notFound(`No alert with id ${alertId}`);
  if (alert.state !== 'open') throw conflict(`Alert #${alert.id} is ${alert.state}; only open alerts are acknowledged`);
  const rule = (await alertRuleFind(ctx.db, alert.ruleId))!;
  const checked = alertRuleValidate(rule.rule);
  const step = checked.ok ? alertNext({ status: rule.status, breachStreak: rule.breachStreak, recoverStreak: rule.recoverStreak }, { type: 'acknowledge' }, checked.rule) : null;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await alertUpdate(tx, alert.id, { state: 'acknowledged', acknowledgedAt: now, acknowledgedBy: ctx.actor!.userId });
    if (step?.ok) await alertRuleUpdate(tx, rule.id, { status: step.state.status });
    await alertEventInsert(tx, { alertId: alert.id, at: now, kind: 'acknowledged', actorId: ctx.actor!.userId, detail: '' });
    await audit(ctx, tx, 'monitoring.acknowledge', { entityType: 'alert', entityId: alert.id }, { reason: alert.reason });
    return { ...alert, state: 'acknowledged' as const, acknowledgedAt: now, acknowledgedBy: ctx.actor!.userId };
  });
}

/** Every model with how much it is watched: windows, last window, open alerts, aliases. */
export async function monitorOverview(ctx: ServiceContext) {
  const [models, counts, active] = await Promise.all([modelList(ctx.db), monitorWindowCounts(ctx.db), alertsActive(ctx.db)]);
  const aliases = await aliasesOf(ctx.db, models.map((m) => m.id));
  return models.map((m) => {
    const c = counts.find((x) => x.modelId === m.id);
    return {
      id: m.id,
      name: m.name,
      windows: c?.windows ?? 0,
      lastWindowEnd: c?.lastEnd ?? null,
      openAlerts: active.filter((a) => a.alert.modelId === m.id).length,
      aliases: aliases.filter((a) => a.modelId === m.id).map((a) => ({ alias: a.alias, version: a.version })),
    };
  });
}

/** Open and acknowledged alerts across models, for the MLOps engineer's home. */
export async function alertsOpen(ctx: ServiceContext) {
  return (await alertsActive(ctx.db)).map((a) => ({ ...a.alert, modelName: a.modelName }));
}

/** One model's monitoring page: windows, alias moves, rules, alerts with history, triggers with attempts. */
export async function monitorModel(ctx: ServiceContext, input: { modelId: number; days: number }) {
  const model = await modelGetRow(ctx.db, input.modelId);
  const from = ctx.clock.now() - input.days * DAY;
  const [windows, versions, aliases, moves, rules, alerts] = await Promise.all([
    monitorWindowsOf(ctx.db, model.id, from),
    versionsOf(ctx.db, model.id),
    aliasesOf(ctx.db, [model.id]),
    aliasHistoryOf(ctx.db, model.id),
    alertRulesOf(ctx.db, model.id),
    alertsOfModel(ctx.db, model.id, from),
  ]);
  const versionNumber = new Map(versions.map((v) => [v.id, v.version]));
  const deliveries = await deliveriesOfRules(ctx.db, rules.map((r) => r.id));
  const [events, attempts] = await Promise.all([alertEventsOf(ctx.db, alerts.map((a) => a.id)), attemptsOf(ctx.db, deliveries.map((d) => d.id))]);
  return {
    model: { id: model.id, name: model.name },
    from,
    aliases: aliases.map((a) => ({ alias: a.alias, version: a.version, versionId: a.versionId })),
    moves: moves.filter((m) => m.movedAt >= from && m.reason !== 'initial'),
    windows: windows.map((w) => ({ ...w, version: versionNumber.get(w.versionId) ?? null })),
    rules: rules.map(ruleView),
    alerts: alerts.map((a) => ({ ...a, version: versionNumber.get(a.versionId) ?? null, events: events.filter((e) => e.alertId === a.id) })),
    deliveries: deliveries.map((d) => ({ ...d, attemptsLog: attempts.filter((t) => t.deliveryId === d.id) })),
  };
}
