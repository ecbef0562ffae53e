// The new-rule form as data: text fields → the domain AlertRule, checked by the same validator
// the server runs, with each problem placed next to its field; and defaults that fit the metric.
import { alertRuleDescribe, alertRuleValidate, type AlertComparison, type AlertMetric, type AlertRule } from '@quorum/domain';

export interface RuleDraft {
  name: string;
  alias: string;
  metric: AlertMetric;
  feature: string;
  comparison: AlertComparison;
  threshold: string;
  consecutive: string;
  recoverAfter: string;
  webhookUrl: string;
  cooldownMinutes: string;
}

/** A feature the window compared, with the kind of score its test gives. */
export interface RuleFeature {
  name: string;
  /** The drift test the server ran on it: ks, psi, wasserstein … */
  test: string;
  scoreKind: 'p_value' | 'distance';
  threshold: number;
}

/**
 * The comparison and threshold that fit a metric: quality below a floor, latency above a
 * ceiling, and for a feature the direction and threshold of its own drift test (a p-value
 * drifts when small, a distance when large).
 */
export function ruleDefaults(metric: AlertMetric, feature?: RuleFeature): Pick<RuleDraft, 'comparison' | 'threshold'> {
  switch (metric) {
    case 'accuracy':
    case 'precision':
    case 'recall':
    case 'f1':
      return { comparison: '<', threshold: '0.8' };
    case 'mae':
    case 'rmse':
      return { comparison: '>', threshold: '' };
    case 'latency_p50':
      return { comparison: '>', threshold: '100' };
    case 'latency_p95':
    case 'latency_p99':
      return { comparison: '>', threshold: '250' };
    case 'feature_drift':
      if (!feature) return { comparison: '<', threshold: '0.05' };
      return { comparison: feature.scoreKind === 'p_value' ? '<' : '>=', threshold: String(feature.threshold) };
    case 'drifted_share':
      return { comparison: '>=', threshold: '0.5' };
    case 'prediction_volume':
      return { comparison: '<', threshold: '' };
  }
}

/** The validator's field names as the form labels them. */
const FIELD_NAMES = {
  metric: 'The metric',
  feature: 'The feature',
  comparison: 'The comparison',
  threshold: 'The threshold',
  consecutive: 'Windows in a row',
  recoverAfter: 'Resolve after',
} as const;
const FIELDS = Object.keys(FIELD_NAMES) as (keyof typeof FIELD_NAMES)[];

/** Each validator message under the field it names, in the form's words ("consecutive must …" → "Windows in a row must …"). */
export function ruleErrorsByField(errors: readonly string[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors) {
    const field = FIELDS.find((f) => error.startsWith(`${f} `));
    const key = field ?? 'rule';
    const text = field ? `${FIELD_NAMES[field]}${error.slice(field.length)}` : error;
    byField[key] = byField[key] ? `${byField[key]}; ${text}` : text;
  }
  return byField;
}

/** A text field as a number; empty or unreadable text stays as text so the validator names it. */
const numberOf = (text: string): number | string | undefined => {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
};

export interface RuleCreate {
  alias: string;
  name: string;
  rule: AlertRule;
  webhookUrl: string | null;
  cooldownMinutes: number;
}

/**
 * The create input, or the problems by field. The rule goes through alertRuleValidate, as on
 * the server; an empty name becomes the rule's description ("p95 latency > 250 ms").
 */
export function ruleFromDraft(draft: RuleDraft): { ok: true; input: RuleCreate } | { ok: false; errors: Record<string, string> } {
  const raw = {
    metric: draft.metric,
    ...(draft.metric === 'feature_drift' && { feature: draft.feature.trim() }),
    comparison: draft.comparison,
    threshold: numberOf(draft.threshold),
    consecutive: numberOf(draft.consecutive),
    recoverAfter: numberOf(draft.recoverAfter),
  };
  const checked = alertRuleValidate(raw);
  const errors = checked.ok ? {} : ruleErrorsByField(checked.errors);
  const webhookUrl = draft.webhookUrl.trim();
  const cooldown = webhookUrl === '' ? 0 : numberOf(draft.cooldownMinutes);
  if (webhookUrl !== '' && !(typeof cooldown === 'number' && Number.isInteger(cooldown) && cooldown >= 0)) {
    errors.cooldownMinutes = 'The cool-down is a whole number of minutes, 0 or more';
  }
  if (!checked.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const name = draft.name.trim() || alertRuleDescribe(checked.rule);
  return {
    ok: true,
    input: { alias: draft.alias, name, rule: checked.rule, webhookUrl: webhookUrl === '' ? null : webhookUrl, cooldownMinutes: webhookUrl === '' ? 24 * 60 : (cooldown as number) },
  };
}
