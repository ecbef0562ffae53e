// Retraining triggers: the cool-down between two triggers of one rule, the sentence that says why
// retraining was asked for, and the JSON body of the signed webhook that asks for it.
import { StatsInputError } from '../stats/errors';
import { type AlertRule, alertMetricLabel, alertValueText } from './alerts';

/** The event type of a retraining request, dot-separated as the Standard Webhooks spec recommends. */
export const RETRAIN_EVENT_TYPE = 'quorum.retrain.requested';

/** The run tag a retrained run carries to link back to the alert that asked for it (lineage reads it). */
export const RETRAIN_ALERT_TAG = 'quorum.retrain.alert';

/** A time window [start, end) in epoch milliseconds. */
export interface MonitorTimeWindow {
  start: number;
  end: number;
}

/** What the trigger payload is built from; ids are the server's, as numbers or text. */
export interface RetrainTriggerInput {
  alert: { id: string | number; value: number; openedAt?: number | null };
  rule: AlertRule & { id?: string | number };
  model: { id: string | number; name: string };
  version: { id?: string | number; version: string | number };
  alias: string;
  window: MonitorTimeWindow;
  /** Defaults to retrainReason(rule, alert.value, window). */
  reason?: string;
  /** When retraining was requested (epoch ms): the event's timestamp. */
  requestedAt: number;
  /** Tags for the retrained run to carry (e.g. RETRAIN_ALERT_TAG), sent as `data.runTags`. */
  runTags?: Record<string, string>;
}

/** The webhook body: { type, timestamp, data } as the Standard Webhooks spec recommends. Plain JSON. */
export interface RetrainTriggerPayload {
  type: typeof RETRAIN_EVENT_TYPE;
  timestamp: string;
  data: {
    alert: { id: string | number; openedAt: string | null };
    rule: { id: string | number | null; metric: AlertRule['metric']; feature: string | null; comparison: AlertRule['comparison']; threshold: number; consecutive: number };
    model: { id: string | number; name: string };
    version: { id: string | number | null; version: string | number };
    alias: string;
    window: { start: string; end: string };
    value: number;
    reason: string;
    runTags?: Record<string, string>;
  };
}

const finiteTime = (name: string, t: number): void => {
  if (!Number.isFinite(t)) throw new StatsInputError('NOT_FINITE', `${name} is ${t}; times are epoch milliseconds`);
};

/**
 * Whether a rule may trigger retraining now: never triggered, or at least `cooldownMs` since the last
 * trigger. A last trigger dated after `now` (clocks disagree) still counts as recent.
 */
export function triggerAllowed(lastTriggeredAt: number | null, now: number, cooldownMs: number): boolean {
  finiteTime('now', now);
  if (!(Number.isFinite(cooldownMs) && cooldownMs >= 0)) throw new StatsInputError('OUT_OF_RANGE', `cooldownMs is ${cooldownMs}; it is 0 or more milliseconds`);
  if (lastTriggeredAt === null) return true;
  finiteTime('lastTriggeredAt', lastTriggeredAt);
  return now >= lastTriggeredAt && now - lastTriggeredAt >= cooldownMs;
}

/** A UTC time to the minute, with seconds only when they are not zero: "2026-11-20T00:00Z". */
export function monitorTimeText(ms: number): string {
  finiteTime('time', ms);
  const iso = new Date(ms).toISOString();
  const seconds = iso.slice(16, 23);
  return `${iso.slice(0, 16)}${seconds === ':00.000' ? '' : seconds.endsWith('.000') ? seconds.slice(0, 3) : seconds}Z`;
}

/**
 * Why retraining was asked for, in one sentence: "drift on `amount` crossed 0.2 (0.27 in the window
 * 2026-11-20T00:00Z–2026-11-21T00:00Z)". "Crossed" reads for either direction; the value shows which.
 */
export function retrainReason(rule: AlertRule, value: number, window?: MonitorTimeWindow): string {
  const streak = rule.consecutive > 1 ? ` for ${rule.consecutive} windows in a row` : '';
  const where = window === undefined ? '' : ` in the window ${monitorTimeText(window.start)}–${monitorTimeText(window.end)}`;
  return `${alertMetricLabel(rule)} crossed ${alertValueText(rule.metric, rule.threshold)}${streak} (${alertValueText(rule.metric, value)}${where})`;
}

/** The body of the retraining webhook; serialise it once with JSON.stringify and sign that exact text. */
export function retrainTriggerPayload(input: RetrainTriggerInput): RetrainTriggerPayload {
  const { alert, rule, model, version, alias, window } = input;
  finiteTime('requestedAt', input.requestedAt);
  if (!Number.isFinite(alert.value)) throw new StatsInputError('NOT_FINITE', `alert.value is ${alert.value}; the payload carries the window's value`);
  if (!(window.end > window.start)) throw new StatsInputError('OUT_OF_RANGE', `window ends (${window.end}) before it starts (${window.start})`);
  const iso = (ms: number) => {
    finiteTime('time', ms);
    return new Date(ms).toISOString();
  };
  return {
    type: RETRAIN_EVENT_TYPE,
    timestamp: iso(input.requestedAt),
    data: {
      alert: { id: alert.id, openedAt: alert.openedAt === undefined || alert.openedAt === null ? null : iso(alert.openedAt) },
      rule: {
        id: rule.id ?? null,
        metric: rule.metric,
        feature: rule.feature ?? null,
        comparison: rule.comparison,
        threshold: rule.threshold,
        consecutive: rule.consecutive,
      },
      model: { id: model.id, name: model.name },
      version: { id: version.id ?? null, version: version.version },
      alias,
      window: { start: iso(window.start), end: iso(window.end) },
      value: alert.value,
      reason: input.reason ?? retrainReason(rule, alert.value, window),
      ...(input.runTags && { runTags: input.runTags }),
    },
  };
}
