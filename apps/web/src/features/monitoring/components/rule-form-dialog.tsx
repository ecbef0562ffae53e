// Creating an alert rule: the metric, its threshold and how many windows in a row, on which
// alias, and optionally a retraining webhook with a cool-down. The rule is checked with the
// server's own validator as it is typed, and every problem shows beside its field.
import { ALERT_METRICS, alertMetricLabel, alertRuleDescribe, alertRuleValidate, type AlertComparison, type AlertMetric } from '@quorum/domain';
import { useId, useState } from 'react';
import { RegFormDialog } from '../../../components/reg-dialog';
import { regFormErrors } from '../../../components/reg-form-errors';
import { useCreateRule } from '../api/use-monitoring';
import type { MonitorRule } from '../api/types';
import { aliasLabel } from '../utils/alias-tabs';
import { heatTestLabel } from '../utils/heat-map';
import { ruleDefaults, ruleFromDraft, type RuleDraft, type RuleFeature } from '../utils/rule-form';

const COMPARISONS: AlertComparison[] = ['>', '>=', '<', '<='];
const SHARES = new Set<AlertMetric>(['accuracy', 'precision', 'recall', 'f1', 'drifted_share']);

function thresholdHint(metric: AlertMetric, feature: RuleFeature | undefined): string {
  if (metric === 'feature_drift') {
    if (!feature) return 'The score of the feature’s drift test.';
    return feature.scoreKind === 'p_value'
      ? `${feature.name} is tested with ${heatTestLabel(feature.test)}: its score is a p-value, and drift shows as a small one (the test’s own threshold is ${feature.threshold}). Use < or <=.`
      : `${feature.name} is tested with ${heatTestLabel(feature.test)}: its score is a distance, and drift shows as a large one (the test’s own threshold is ${feature.threshold}). Use > or >=.`;
  }
  if (metric === 'drifted_share') return 'The share of compared features that drifted, from 0 to 1.';
  if (SHARES.has(metric)) return 'A share from 0 to 1, read once labels arrive.';
  if (metric.startsWith('latency_')) return 'Milliseconds.';
  if (metric === 'prediction_volume') return 'Predictions per window.';
  return 'In the unit of the target, read once labels arrive.';
}

export function RuleFormDialog({
  modelId,
  modelName,
  aliases,
  features,
  onClose,
  onCreated,
}: {
  modelId: number;
  modelName: string;
  aliases: string[];
  features: RuleFeature[];
  onClose: () => void;
  onCreated: (rule: MonitorRule, webhookSecret: string | null) => void;
}) {
  const id = useId();
  const create = useCreateRule();
  const [submitted, setSubmitted] = useState(false);
  const [draft, setDraft] = useState<RuleDraft>(() => ({
    name: '',
    alias: aliases.includes('production') ? 'production' : (aliases[0] ?? ''),
    metric: 'accuracy',
    feature: features[0]?.name ?? '',
    ...ruleDefaults('accuracy'),
    consecutive: '1',
    recoverAfter: '1',
    webhookUrl: '',
    cooldownMinutes: '1440',
  }));
  const feature = features.find((f) => f.name === draft.feature);
  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setMetric = (metric: AlertMetric) => set({ metric, ...ruleDefaults(metric, metric === 'feature_drift' ? feature : undefined) });
  const setFeature = (name: string) => set({ feature: name, ...ruleDefaults('feature_drift', features.find((f) => f.name === name)) });

  const result = ruleFromDraft(draft);
  const server = regFormErrors(create.error);
  const local = submitted && !result.ok ? result.errors : {};
  const error = (field: string) => local[field] ?? server.fields[field];
  const preview = alertRuleValidate(result.ok ? result.input.rule : null);

  const submit = () => {
    setSubmitted(true);
    if (!result.ok) return;
    const { input } = result;
    create.mutate(
      { modelId, alias: input.alias, name: input.name, rule: input.rule, webhookUrl: input.webhookUrl, cooldownMinutes: input.cooldownMinutes },
      { onSuccess: (data) => onCreated(data.rule, data.webhookSecret) },
    );
  };

  const field = (name: keyof RuleDraft | 'rule') => ({
    id: `${id}-${name}`,
    'aria-invalid': !!error(name),
    'aria-describedby': error(name) ? `${id}-${name}-error` : undefined,
  });
  const problem = (name: string) => (error(name) ? <div id={`${id}-${name}-error`} className="field-error reg-field-error">{error(name)}</div> : null);

  return (
    <RegFormDialog title={`New alert rule for ${modelName}`} onClose={onClose} wide formId={`${id}-form`} pending={create.isPending} submitLabel="Create rule" pendingLabel="Creating…" onSubmit={submit}>
      <p className="reg-form-lead">A rule reads one number from each window. When it breaches the threshold for enough windows in a row, an alert opens; it resolves after enough windows back within it.</p>
      <div className="reg-form-grid">
        <div className="field">
          <label htmlFor={`${id}-metric`}>Metric</label>
          <select {...field('metric')} className="input" value={draft.metric} onChange={(e) => setMetric(e.target.value as AlertMetric)} data-autofocus>
            {ALERT_METRICS.map((m) => (
              <option key={m} value={m} disabled={m === 'feature_drift' && features.length === 0}>
                {m === 'feature_drift' ? 'drift on a feature' : alertMetricLabel({ metric: m })}
              </option>
            ))}
          </select>
          {problem('metric')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-alias`}>Alias</label>
          <select {...field('alias')} className="input" value={draft.alias} onChange={(e) => set({ alias: e.target.value })}>
            {aliases.map((a) => (
              <option key={a} value={a}>
                {aliasLabel(a)}
              </option>
            ))}
            <option value="">every alias</option>
          </select>
          {problem('alias')}
        </div>
        {draft.metric === 'feature_drift' && (
          <div className="field reg-form-wide">
            <label htmlFor={`${id}-feature`}>Feature</label>
            <select {...field('feature')} className="input" value={draft.feature} onChange={(e) => setFeature(e.target.value)}>
              {features.map((f) => (
                <option key={f.name} value={f.name}>
                  {f.name} ({heatTestLabel(f.test)}, {f.scoreKind === 'p_value' ? 'p-value' : 'distance'})
                </option>
              ))}
            </select>
            {problem('feature')}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-comparison`}>Alert when the value is</label>
          <div className="mon-threshold">
            <select {...field('comparison')} className="input" value={draft.comparison} onChange={(e) => set({ comparison: e.target.value as AlertComparison })} aria-label="Comparison">
              {COMPARISONS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            <input
              {...field('threshold')}
              className={`input${error('threshold') ? ' invalid' : ''}`}
              inputMode="decimal"
              value={draft.threshold}
              onChange={(e) => set({ threshold: e.target.value })}
              aria-label="Threshold"
              placeholder="threshold"
            />
          </div>
          {error('threshold') || error('comparison') ? (
            <>
              {problem('comparison')}
              {problem('threshold')}
            </>
          ) : (
            <div className="small muted">{thresholdHint(draft.metric, feature)}</div>
          )}
        </div>
        <div className="field">
          <span className="mon-field-pair">
            <span className="field">
              <label htmlFor={`${id}-consecutive`}>Windows in a row</label>
              <input {...field('consecutive')} className={`input${error('consecutive') ? ' invalid' : ''}`} inputMode="numeric" value={draft.consecutive} onChange={(e) => set({ consecutive: e.target.value })} />
            </span>
            <span className="field">
              <label htmlFor={`${id}-recoverAfter`}>Resolve after</label>
              <input {...field('recoverAfter')} className={`input${error('recoverAfter') ? ' invalid' : ''}`} inputMode="numeric" value={draft.recoverAfter} onChange={(e) => set({ recoverAfter: e.target.value })} />
            </span>
          </span>
          {error('consecutive') || error('recoverAfter') ? (
            <>
              {problem('consecutive')}
              {problem('recoverAfter')}
            </>
          ) : (
            <div className="small muted">Breaching windows before it opens; windows within the threshold before it resolves.</div>
          )}
        </div>
        <div className="field reg-form-wide">
          <label htmlFor={`${id}-name`}>Name</label>
          <input {...field('name')} className={`input${error('name') ? ' invalid' : ''}`} value={draft.name} onChange={(e) => set({ name: e.target.value })} placeholder={preview.ok ? alertRuleDescribe(preview.rule) : 'Defaults to what the rule says'} maxLength={200} />
          {problem('name')}
        </div>
        <div className="field reg-form-wide">
          <label htmlFor={`${id}-webhookUrl`}>Retraining webhook URL (optional)</label>
          <input
            {...field('webhookUrl')}
            className={`input input-mono${error('webhookUrl') ? ' invalid' : ''}`}
            type="url"
            value={draft.webhookUrl}
            onChange={(e) => set({ webhookUrl: e.target.value })}
            placeholder="https://ci.example.com/hooks/retrain"
          />
          {error('webhookUrl') ? problem('webhookUrl') : <div className="small muted">When the alert opens, Quorum POSTs a signed retraining request here and retries until it is accepted.</div>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-cooldownMinutes`}>Cool-down (minutes)</label>
          <input
            {...field('cooldownMinutes')}
            className={`input${error('cooldownMinutes') ? ' invalid' : ''}`}
            inputMode="numeric"
            value={draft.cooldownMinutes}
            onChange={(e) => set({ cooldownMinutes: e.target.value })}
            disabled={draft.webhookUrl.trim() === ''}
          />
          {error('cooldownMinutes') ? problem('cooldownMinutes') : <div className="small muted">At most one retraining request per cool-down; 1440 is a day.</div>}
        </div>
      </div>
      {preview.ok && (
        <p className="reg-form-note mon-rule-preview">
          Alerts when <strong>{alertRuleDescribe(preview.rule)}</strong> on {draft.alias === '' ? 'any alias' : <span className="mono">{draft.alias}</span>}
          {draft.webhookUrl.trim() !== '' && ', then asks for retraining'}.
        </p>
      )}
      {(local.rule || server.form) && (
        <div className="alert alert-error" role="alert">
          {local.rule ?? server.form}
        </div>
      )}
    </RegFormDialog>
  );
}
