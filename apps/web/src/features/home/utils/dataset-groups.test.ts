import { describe, expect, it } from 'vitest';
import { datasetDriftPair, datasetGroups } from './dataset-groups';

const v = (id: number, name: string, createdAt: number, profiledAt: number | null = createdAt) => ({ id, name, createdAt, profiledAt });

describe('datasetGroups', () => {
  it('groups versions by name, newest first, breaking ties by id', () => {
    const groups = datasetGroups([v(6, 'scoring', 5), v(2, 'train', 1), v(7, 'scoring', 5), v(3, 'scoring', 2)]);
    expect(groups.map((g) => [g.name, g.versions.map((x) => x.id)])).toEqual([
      ['scoring', [7, 6, 3]],
      ['train', [2]],
    ]);
  });
});

describe('datasetDriftPair', () => {
  it('pairs the previous version as reference with the latest as current', () => {
    const [group] = datasetGroups([v(1, 'a', 1), v(2, 'a', 2)]);
    expect(datasetDriftPair(group!)).toMatchObject({ reference: { id: 1 }, current: { id: 2 } });
  });

  it('needs two profiled versions', () => {
    expect(datasetDriftPair(datasetGroups([v(1, 'a', 1)])[0]!)).toBeNull();
    expect(datasetDriftPair(datasetGroups([v(1, 'a', 1), v(2, 'a', 2, null)])[0]!)).toBeNull();
  });
});
