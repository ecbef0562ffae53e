import { describe, expect, it } from 'vitest';
import { driftNextSort, driftPercent, driftRuleText, driftSortColumns, driftTestInfo, driftVerdictText } from './drift-format';

describe('driftVerdictText', () => {
  it('states the verdict, the count and the rule', () => {
    expect(driftVerdictText({ drifted: true, driftedCount: 4, columnCount: 6, share: 4 / 6, driftShare: 0.5 })).toBe(
      'Dataset drift detected — 4 of 6 columns drifted (67%) ≥ 50% share',
    );
    expect(driftVerdictText({ drifted: false, driftedCount: 1, columnCount: 6, share: 1 / 6, driftShare: 0.5 })).toBe(
      'No dataset drift — 1 of 6 columns drifted (17%) < 50%',
    );
    expect(driftVerdictText({ drifted: false, driftedCount: 0, columnCount: 1, share: 0, driftShare: 0.5 })).toBe('No dataset drift — 0 of 1 column drifted (0%) < 50%');
  });

  it('never shows a share that rounds onto the threshold as equal to it', () => {
    expect(driftPercent(99 / 200, 0.5)).toBe('49.5%');
    expect(driftPercent(0.5, 0.5)).toBe('50%');
    expect(driftPercent(99 / 200)).toBe('50%');
  });
});

describe('driftTestInfo', () => {
  it('says whether the score is a p-value or a distance', () => {
    expect(driftTestInfo('ks').score).toBe('p-value');
    expect(driftTestInfo('z').score).toBe('p-value');
    expect(driftTestInfo('wasserstein').score).toBe('distance');
    expect(driftTestInfo('jensenshannon').label).toBe('Jensen–Shannon');
    expect(driftRuleText('ks', 0.05)).toBe('drifted when the p-value is ≤ 0.05');
    expect(driftRuleText('chisquare', 0.05)).toBe('drifted when the p-value is < 0.05');
    expect(driftRuleText('wasserstein', 0.1)).toBe('drifted when the distance is ≥ 0.1');
  });
});

describe('driftSortColumns', () => {
  const cols = [
    { name: 'tenure', score: 0.57, drifted: true },
    { name: 'region', score: 0.011, drifted: false },
    { name: 'age', score: Number.NaN, drifted: false },
    { name: 'plan', score: 0.14, drifted: true },
    { name: 'churned', score: 0.035, drifted: false },
  ];
  const names = (xs: { name: string }[]) => xs.map((c) => c.name);

  it('puts drifted columns first and keeps dataset order otherwise', () => {
    expect(names(driftSortColumns(cols, { key: 'drifted', dir: 'desc' }))).toEqual(['tenure', 'plan', 'region', 'age', 'churned']);
  });

  it('sorts by score either way with NaN last', () => {
    expect(names(driftSortColumns(cols, { key: 'score', dir: 'desc' }))).toEqual(['tenure', 'plan', 'churned', 'region', 'age']);
    expect(names(driftSortColumns(cols, { key: 'score', dir: 'asc' }))).toEqual(['region', 'churned', 'plan', 'tenure', 'age']);
  });

  it('flips the direction on a second click', () => {
    expect(driftNextSort({ key: 'drifted', dir: 'desc' }, 'score')).toEqual({ key: 'score', dir: 'desc' });
    expect(driftNextSort({ key: 'score', dir: 'desc' }, 'score')).toEqual({ key: 'score', dir: 'asc' });
    expect(driftNextSort({ key: 'score', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
  });
});
