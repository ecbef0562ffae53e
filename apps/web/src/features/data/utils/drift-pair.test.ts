import { describe, expect, it } from 'vitest';
import { driftDefaultPair, driftPairSet, driftResolvePair, driftSelectGroups, type DriftCandidate } from './drift-pair';

const ds = (id: number, name: string, digest: string, extra: Partial<DriftCandidate> = {}): DriftCandidate => ({
  id,
  name,
  digest,
  profiledAt: 1,
  createdAt: 100,
  runCount: 0,
  rowCount: 1_000,
  ...extra,
});

// The demo workspace, in the server's list order (name, newest first).
const demo = [
  ds(3, 'card-transactions', '4f9e2b71', { runCount: 60 }),
  ds(8, 'card-transactions-live', '2026-11-20', { createdAt: 300 }),
  ds(2, 'churn-eval', '7be44d10', { runCount: 160 }),
  ds(6, 'churn-scoring', '2026-10-01', { createdAt: 300 }),
  ds(7, 'churn-scoring', '2026-11-01', { createdAt: 300 }),
  ds(1, 'churn-train', 'c1a2f09e', { runCount: 160 }),
];

describe('driftDefaultPair', () => {
  it('compares the training data with the newest version of its sibling', () => {
    expect(driftDefaultPair(demo)).toEqual({ referenceId: 1, currentId: 7 });
  });

  it('skips versions without a profile', () => {
    const unprofiled = demo.map((d) => (d.id === 7 ? { ...d, profiledAt: null } : d));
    expect(driftDefaultPair(unprofiled)).toEqual({ referenceId: 1, currentId: 6 });
  });

  it('does not take a name that merely starts with the stem as a sibling', () => {
    const list = [ds(1, 'churn-train', 'a'), ds(2, 'churnalism', 'b', { createdAt: 900 }), ds(3, 'churn-eval', 'c')];
    expect(driftDefaultPair(list)).toEqual({ referenceId: 1, currentId: 3 });
  });

  it('falls back to the first two profiled versions', () => {
    const list = [ds(4, 'a', 'x', { profiledAt: null }), ds(5, 'b', 'y'), ds(6, 'c', 'z')];
    expect(driftDefaultPair(list)).toEqual({ referenceId: 5, currentId: 6 });
    expect(driftDefaultPair([ds(5, 'b', 'y')])).toBeNull();
  });
});

describe('driftResolvePair', () => {
  const fallback = { referenceId: 1, currentId: 7 };
  it('keeps what the URL says', () => {
    expect(driftResolvePair(3, 8, fallback)).toEqual({ referenceId: 3, currentId: 8 });
  });
  it('fills the missing side without comparing a version with itself', () => {
    expect(driftResolvePair(3, null, fallback)).toEqual({ referenceId: 3, currentId: 7 });
    expect(driftResolvePair(7, null, fallback)).toEqual({ referenceId: 7, currentId: 1 });
    expect(driftResolvePair(null, 1, fallback)).toEqual({ referenceId: 7, currentId: 1 });
    expect(driftResolvePair(null, null, fallback)).toEqual(fallback);
    expect(driftResolvePair(null, 4, null)).toEqual({ referenceId: null, currentId: 4 });
  });
});

describe('driftSelectGroups', () => {
  it('groups versions by name, newest first, and disables those without a profile', () => {
    const groups = driftSelectGroups([
      ds(6, 'churn-scoring', '2026-10-01', { createdAt: 200, rowCount: 61_200 }),
      ds(7, 'churn-scoring', '2026-11-01', { createdAt: 300, rowCount: 64_870 }),
      ds(9, 'raw', '0123456789abcdef', { profiledAt: null, rowCount: null }),
    ]);
    expect(groups).toEqual([
      {
        name: 'churn-scoring',
        options: [
          { id: 7, label: 'churn-scoring@2026-11-01 · 64,870 rows', disabled: false },
          { id: 6, label: 'churn-scoring@2026-10-01 · 61,200 rows', disabled: false },
        ],
      },
      { name: 'raw', options: [{ id: 9, label: 'raw@0123456789ab · no profile stored', disabled: true }] },
    ]);
  });
});

describe('driftPairSet', () => {
  it('puts a version on one side and swaps rather than compare it with itself', () => {
    const pair = { referenceId: 1, currentId: 7 };
    expect(driftPairSet(pair, 'current', 9)).toEqual({ ref: 1, cur: 9 });
    expect(driftPairSet(pair, 'reference', 7)).toEqual({ ref: 7, cur: 1 });
    expect(driftPairSet(pair, 'current', 1)).toEqual({ ref: 7, cur: 1 });
    expect(driftPairSet({ referenceId: null, currentId: null }, 'current', 3)).toEqual({ ref: null, cur: 3 });
  });
});
