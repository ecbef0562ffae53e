import { describe, expect, it } from 'vitest';
import { datasetCount, datasetLabel, datasetPlural, datasetShortDigest } from './dataset-format';

describe('dataset-format', () => {
  it('names a version by name and a digest short enough to read', () => {
    expect(datasetLabel({ name: 'churn-scoring', digest: '2026-11-01' })).toBe('churn-scoring@2026-11-01');
    expect(datasetShortDigest('e3dac7c1407f6ee7')).toBe('e3dac7c1407f');
  });

  it('formats counts with separators and plurals', () => {
    expect(datasetCount(182_340)).toBe('182,340');
    expect(datasetCount(null)).toBe('—');
    expect(datasetPlural(1, 'run')).toBe('1 run');
    expect(datasetPlural(1_600, 'run')).toBe('1,600 runs');
  });
});
