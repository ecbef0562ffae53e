import { describe, expect, it } from 'vitest';
import { ruleDefaults, ruleErrorsByField, ruleFromDraft, type RuleDraft } from './rule-form';

const draft = (over: Partial<RuleDraft> = {}): RuleDraft => ({
  name: '',
  alias: 'production',
  metric: 'latency_p95',
  feature: '',
  comparison: '>',
  threshold: '250',
  consecutive: '3',
  recoverAfter: '1',
  webhookUrl: '',
  cooldownMinutes: '1440',
  ...over,
});

describe('ruleDefaults', () => {
  it("follows a feature's own test: a p-value drifts when small, a distance when large", () => {
    expect(ruleDefaults('feature_drift', { name: 'amount', test: 'ks', scoreKind: 'p_value', threshold: 0.05 })).toEqual({ comparison: '<', threshold: '0.05' });
    expect(ruleDefaults('feature_drift', { name: 'hour', test: 'wasserstein', scoreKind: 'distance', threshold: 0.1 })).toEqual({ comparison: '>=', threshold: '0.1' });
    expect(ruleDefaults('accuracy')).toEqual({ comparison: '<', threshold: '0.8' });
    expect(ruleDefaults('latency_p99').comparison).toBe('>');
  });
});

describe('ruleFromDraft', () => {
  it('builds the create input, naming an unnamed rule by its description', () => {
    const result = ruleFromDraft(draft());
    expect(result).toEqual({
      ok: true,
      input: { alias: 'production', name: 'p95 latency > 250 ms for 3 windows in a row', rule: { metric: 'latency_p95', comparison: '>', threshold: 250, consecutive: 3, recoverAfter: 1 }, webhookUrl: null, cooldownMinutes: 1440 },
    });
  });

  it('sends the feature only for feature_drift, with the webhook and its cool-down', () => {
    const result = ruleFromDraft(draft({ metric: 'feature_drift', feature: 'amount', comparison: '<', threshold: '0.05', webhookUrl: ' https://ci.example.com/hook ', cooldownMinutes: '60' }));
    expect(result.ok && result.input).toMatchObject({ rule: { metric: 'feature_drift', feature: 'amount' }, webhookUrl: 'https://ci.example.com/hook', cooldownMinutes: 60 });
    const latency = ruleFromDraft(draft({ feature: 'amount' }));
    expect(latency.ok && latency.input.rule).not.toHaveProperty('feature');
  });

  it('puts each problem next to its field', () => {
    const result = ruleFromDraft(draft({ metric: 'accuracy', comparison: '<', threshold: '80', consecutive: '0', webhookUrl: 'https://ci.example.com', cooldownMinutes: 'soon' }));
    expect(result.ok).toBe(false);
    const errors = result.ok ? {} : result.errors;
    expect(errors.threshold).toMatch(/from 0 to 1 for accuracy/);
    expect(errors.consecutive).toMatch(/at least 1/);
    expect(errors.cooldownMinutes).toMatch(/whole number of minutes/);
    const missing = ruleFromDraft(draft({ metric: 'feature_drift', threshold: '' }));
    expect(missing.ok ? {} : missing.errors).toMatchObject({ feature: expect.stringContaining('The feature must name'), threshold: expect.stringContaining('finite number') });
  });
});

describe('ruleErrorsByField', () => {
  it("names fields as the form does, joins two problems of one field and keeps the rest for the form", () => {
    expect(ruleErrorsByField(['threshold must be a finite number', 'threshold must be at least 0', 'An alert rule is an object'])).toEqual({
      threshold: 'The threshold must be a finite number; The threshold must be at least 0',
      rule: 'An alert rule is an object',
    });
    expect(ruleErrorsByField(['recoverAfter must be a whole number'])).toEqual({ recoverAfter: 'Resolve after must be a whole number' });
  });
});
