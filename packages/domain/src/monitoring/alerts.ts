// Alert rules on monitoring windows: the validator, the value a rule reads from a window, and the
// state machine that opens an alert after enough breaching windows and resolves it after recovery.
import { StatsInputError } from '../stats/errors';
import type { EvaluationMetrics } from './evaluation';
import type { MonitorDriftColumn, MonitorLatency } from './window';

/** Every metric a rule can watch. */
export const ALERT_METRICS = [
  'accuracy',
  'precision',
  'recall',
  'f1',
  'mae',
  'rmse',
  'latency_p50',
  'latency_p95',
  'latency_p99',
  'feature_drift',
  'drifted_share',
  'prediction_volume',
] as const;

/** A metric a rule watches. */
export type AlertMetric = (typeof ALERT_METRICS)[number];

/** How a window's value is compared with the threshold; a window breaches when `value <comparison> threshold`. */
export type AlertComparison = '>' | '>=' | '<' | '<=';

/**
 * A threshold on one metric of each window. For `feature_drift` the value is the column's drift
 * `score`, the number its test compares with the test's own threshold: a p-value for ks, chisquare
 * and z (drift shows as a *small* score: use '<' or '<=', e.g. `< 0.05`), a distance for
 * wasserstein, jensenshannon, psi and kl_div (drift shows as a *large* score: use '>' or '>=').
 * Which test a column gets depends on the reference (see MonitorDriftColumn.scoreKind).
 */
export interface AlertRule {
  metric: AlertMetric;
  /** The feature a `feature_drift` rule watches; only for that metric. */
  feature?: string;
  comparison: AlertComparison;
  threshold: number;
  /** Breaching windows in a row before the alert opens (≥ 1). */
  consecutive: number;
  /** Windows in a row within the threshold before an open alert resolves (≥ 1, default 1). */
  recoverAfter?: number;
}

/** The validator's answer: a clean rule with `recoverAfter` filled in, or every problem found. */
export type AlertRuleValidation = { ok: true; rule: AlertRule & { recoverAfter: number } } | { ok: false; errors: string[] };

/** The parts of a stored window (monitorWindowCompute's output plus optional evaluation metrics) a rule reads. */
export interface AlertWindow {
  predictionCount: number;
  latency: Pick<MonitorLatency, 'p50' | 'p95' | 'p99'> | null;
  drift: { driftedShare: number | null; columns: readonly Pick<MonitorDriftColumn, 'name' | 'score'>[] } | null;
  evaluation?: EvaluationMetrics | null;
}

/** Where an alert stands: quiet, firing, or firing and seen by someone. */
export type AlertStatus = 'ok' | 'open' | 'acknowledged';

/** An alert's state: its status, and the runs of breaching and recovered windows so far. */
export interface AlertState {
  status: AlertStatus;
  breachStreak: number;
  recoverStreak: number;
}

/** A new rule's state. */
export const ALERT_STATE_INITIAL: AlertState = { status: 'ok', breachStreak: 0, recoverStreak: 0 };

/** A computed window's value for the rule (null: unknown, e.g. before labels arrive), or someone acknowledging. */
export type AlertEvent = { type: 'window'; value: number | null } | { type: 'acknowledge' };

/** What the server does after a transition: notify (and maybe trigger retraining) on 'open', close on 'resolve'. */
export type AlertEffect = 'open' | 'resolve';

/** The next state and its effect, or why the event is refused. */
export type AlertTransition = { ok: true; state: AlertState; effect: AlertEffect | null } | { ok: false; reason: string };

const COMPARISONS = ['>', '>=', '<', '<='] as const;
const FIELDS = ['metric', 'feature', 'comparison', 'threshold', 'consecutive', 'recoverAfter'];
const SHARES: ReadonlySet<AlertMetric> = new Set(['accuracy', 'precision', 'recall', 'f1', 'drifted_share']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shown = (v: unknown): string => (v === undefined ? 'nothing' : typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v)).slice(0, 60));
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;

/** Checks an untrusted rule; each error names the field and says what it accepts. */
export function alertRuleValidate(raw: unknown): AlertRuleValidation {
  if (!isRecord(raw)) return { ok: false, errors: [`An alert rule is an object with metric, comparison, threshold and consecutive (got ${shown(raw)})`] };
  const errors: string[] = [];
  for (const key of Object.keys(raw)) if (!FIELDS.includes(key)) errors.push(`unknown field ${JSON.stringify(key)}; a rule has ${FIELDS.join(', ')}`);
  const metric = (ALERT_METRICS as readonly unknown[]).includes(raw.metric) ? (raw.metric as AlertMetric) : undefined;
  if (metric === undefined) errors.push(`metric must be one of ${ALERT_METRICS.join(', ')} (got ${shown(raw.metric)})`);
  let feature: string | undefined;
  if (metric === 'feature_drift') {
    if (typeof raw.feature === 'string' && raw.feature.trim() !== '') feature = raw.feature;
    else errors.push(`feature must name the feature to watch: feature_drift needs it (got ${shown(raw.feature)})`);
  } else if (raw.feature !== undefined && metric !== undefined) {
    errors.push(`feature applies only to feature_drift; remove it for ${metric}`);
  }
  const comparison = (COMPARISONS as readonly unknown[]).includes(raw.comparison) ? (raw.comparison as AlertComparison) : undefined;
  if (comparison === undefined) errors.push(`comparison must be one of ${COMPARISONS.join(' ')} (got ${shown(raw.comparison)})`);
  const threshold = typeof raw.threshold === 'number' && Number.isFinite(raw.threshold) ? raw.threshold : undefined;
  if (threshold === undefined) errors.push(`threshold must be a finite number (got ${shown(raw.threshold)})`);
  else if (metric !== undefined && SHARES.has(metric) && !(threshold >= 0 && threshold <= 1)) {
    errors.push(`threshold must be from 0 to 1 for ${metric}, which is a share (got ${threshold})`);
  } else if (metric !== undefined && threshold < 0) {
    errors.push(`threshold must be at least 0 for ${metric}, which is never negative (got ${threshold})`);
  }
  const consecutive = isCount(raw.consecutive) ? raw.consecutive : undefined;
  if (consecutive === undefined) errors.push(`consecutive must be a whole number of windows, at least 1 (got ${shown(raw.consecutive)})`);
  const recoverAfter = raw.recoverAfter === undefined ? 1 : isCount(raw.recoverAfter) ? raw.recoverAfter : undefined;
  if (recoverAfter === undefined) errors.push(`recoverAfter must be a whole number of windows, at least 1, or left out for 1 (got ${shown(raw.recoverAfter)})`);
  if (errors.length > 0 || metric === undefined || comparison === undefined || threshold === undefined || consecutive === undefined || recoverAfter === undefined) {
    return { ok: false, errors };
  }
  return { ok: true, rule: { metric, ...(feature === undefined ? {} : { feature }), comparison, threshold, consecutive, recoverAfter } };
}

/** Whether a value breaches the rule's threshold. */
export function alertBreaches(rule: Pick<AlertRule, 'comparison' | 'threshold'>, value: number): boolean {
  switch (rule.comparison) {
    case '>':
      return value > rule.threshold;
    case '>=':
      return value >= rule.threshold;
    case '<':
      return value < rule.threshold;
    case '<=':
      return value <= rule.threshold;
  }
}

/**
 * The rule's metric in a window, or null when the window cannot say: no labels yet (accuracy …),
 * a classification metric on a regression model or the other way round, no latency reported,
 * a feature the window did not compare. precision/recall/f1 are macro averages for multi-class models.
 */
export function alertRuleValue(rule: Pick<AlertRule, 'metric' | 'feature'>, window: AlertWindow): number | null {
  const e = window.evaluation ?? null;
  const classification = e !== null && e.task === 'classification' ? e : null;
  const regression = e !== null && e.task === 'regression' ? e : null;
  switch (rule.metric) {
    case 'accuracy':
    case 'precision':
    case 'recall':
    case 'f1':
      return classification === null ? null : classification[rule.metric];
    case 'mae':
    case 'rmse':
      return regression === null ? null : regression[rule.metric];
    case 'latency_p50':
      return window.latency?.p50 ?? null;
    case 'latency_p95':
      return window.latency?.p95 ?? null;
    case 'latency_p99':
      return window.latency?.p99 ?? null;
    case 'feature_drift':
      return window.drift?.columns.find((c) => c.name === rule.feature)?.score ?? null;
    case 'drifted_share':
      return window.drift?.driftedShare ?? null;
    case 'prediction_volume':
      return window.predictionCount;
  }
}

/**
 * Moves an alert along. A window whose value is null (or NaN) is unknown and changes nothing, not
 * even the streaks. Breaching windows build `breachStreak`; when it reaches `consecutive` an ok
 * alert opens. Windows within the threshold build `recoverStreak`; when it reaches `recoverAfter`
 * an open or acknowledged alert resolves and both streaks restart from 0, so firing again needs a
 * fresh run of breaches. 'acknowledge' is accepted only while the alert is open.
 */
export function alertNext(state: AlertState, event: AlertEvent, rule: Pick<AlertRule, 'comparison' | 'threshold' | 'consecutive' | 'recoverAfter'>): AlertTransition {
  const { status } = state;
  if (status !== 'ok' && status !== 'open' && status !== 'acknowledged') return { ok: false, reason: `Unknown alert status ${shown(status)}` };
  if (!isCount(rule.consecutive)) throw new StatsInputError('OUT_OF_RANGE', `consecutive is ${shown(rule.consecutive)}; it is a whole number of at least 1`);
  const recoverAfter = rule.recoverAfter ?? 1;
  if (!isCount(recoverAfter)) throw new StatsInputError('OUT_OF_RANGE', `recoverAfter is ${shown(recoverAfter)}; it is a whole number of at least 1`);
  if (event.type === 'acknowledge') {
    if (status === 'open') return { ok: true, state: { ...state, status: 'acknowledged' }, effect: null };
    return { ok: false, reason: status === 'ok' ? 'The alert is not firing: there is nothing to acknowledge' : 'The alert is already acknowledged' };
  }
  if (event.type !== 'window') return { ok: false, reason: `Unknown alert event ${shown((event as { type: unknown }).type)}` };
  if (event.value === null || Number.isNaN(event.value)) return { ok: true, state: { ...state }, effect: null };
  if (alertBreaches(rule, event.value)) {
    const breachStreak = state.breachStreak + 1;
    if (status === 'ok' && breachStreak >= rule.consecutive) return { ok: true, state: { status: 'open', breachStreak, recoverStreak: 0 }, effect: 'open' };
    return { ok: true, state: { status, breachStreak, recoverStreak: 0 }, effect: null };
  }
  if (status === 'ok') return { ok: true, state: { status, breachStreak: 0, recoverStreak: 0 }, effect: null };
  const recoverStreak = state.recoverStreak + 1;
  if (recoverStreak >= recoverAfter) return { ok: true, state: { ...ALERT_STATE_INITIAL }, effect: 'resolve' };
  return { ok: true, state: { status, breachStreak: 0, recoverStreak }, effect: null };
}

const METRIC_LABELS: Record<Exclude<AlertMetric, 'feature_drift'>, string> = {
  accuracy: 'accuracy',
  precision: 'precision',
  recall: 'recall',
  f1: 'F1',
  mae: 'MAE',
  rmse: 'RMSE',
  latency_p50: 'p50 latency',
  latency_p95: 'p95 latency',
  latency_p99: 'p99 latency',
  drifted_share: 'share of drifted features',
  prediction_volume: 'prediction volume',
};

/** The metric as people read it: "p95 latency", "drift on `amount`". */
export const alertMetricLabel = (rule: Pick<AlertRule, 'metric' | 'feature'>): string =>
  rule.metric === 'feature_drift' ? `drift on \`${rule.feature ?? '?'}\`` : METRIC_LABELS[rule.metric];

/** A value of the rule's metric with its unit: "250 ms", "35%", "0.27". */
export function alertValueText(metric: AlertMetric, value: number): string {
  const n = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  if (metric.startsWith('latency_')) return `${n} ms`;
  if (metric === 'drifted_share') return `${Math.round(value * 1000) / 10}%`;
  return n;
}

/** The rule as one short sentence: "p95 latency > 250 ms for 3 windows in a row". */
export function alertRuleDescribe(rule: AlertRule): string {
  const base = `${alertMetricLabel(rule)} ${rule.comparison} ${alertValueText(rule.metric, rule.threshold)}`;
  return rule.consecutive > 1 ? `${base} for ${rule.consecutive} windows in a row` : base;
}
