import { describe, expect, it } from 'vitest';
import { metricBestRunIds, metricGoal } from './best-run';

describe('metricGoal', () => {
  it('minimises losses and errors', () => {
    for (const k of ['val_loss', 'train/Loss', 'error_rate', 'val_mae', 'rmse', 'val_mape', 'perplexity', 'p99_latency_ms']) {
      expect(metricGoal(k), k).toBe('min');
    }
  });
  it('maximises anything else', () => {
    for (const k of ['val_auc', 'accuracy', 'f1', 'val_pr_auc', 'recall']) expect(metricGoal(k), k).toBe('max');
  });
});

describe('metricBestRunIds', () => {
  it('picks the highest accuracy', () => {
    expect(metricBestRunIds('acc', [{ runId: 'a', value: 0.8 }, { runId: 'b', value: 0.9 }, { runId: 'c', value: 0.85 }])).toEqual(['b']);
  });
  it('picks the lowest loss', () => {
    expect(metricBestRunIds('val_loss', [{ runId: 'a', value: 0.3 }, { runId: 'b', value: 0.2 }])).toEqual(['b']);
  });
  it('ignores NaN, Infinity and missing values', () => {
    const entries = [
      { runId: 'a', value: Number.NaN },
      { runId: 'b', value: Number.NEGATIVE_INFINITY },
      { runId: 'c', value: 0.5 },
      { runId: 'd', value: undefined },
      { runId: 'e', value: 0.7 },
    ];
    expect(metricBestRunIds('loss', entries)).toEqual(['c']);
  });
  it('keeps every run on a tie', () => {
    expect(metricBestRunIds('auc', [{ runId: 'a', value: 1 }, { runId: 'b', value: 1 }, { runId: 'c', value: 0 }])).toEqual(['a', 'b']);
  });
  it('singles nobody out when all values agree or only one run has a value', () => {
    expect(metricBestRunIds('auc', [{ runId: 'a', value: 1 }, { runId: 'b', value: 1 }])).toEqual([]);
    expect(metricBestRunIds('auc', [{ runId: 'a', value: 1 }, { runId: 'b', value: Number.NaN }])).toEqual([]);
  });
});
