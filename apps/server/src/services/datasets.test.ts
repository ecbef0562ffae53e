import { expect, it } from 'vitest';
import { seededRandom } from '../demo/random';
import { describeEachEngine } from '../test/harness';

function columns(seed: number, shift: number, n: number) {
  const rng = seededRandom(seed);
  return [
    { name: 'amount', values: Array.from({ length: n }, () => 50 + 10 * rng.normal() + shift) },
    { name: 'country', values: Array.from({ length: n }, () => (rng.next() < 0.7 - shift / 100 ? 'DE' : rng.next() < 0.5 ? 'FR' : 'NL')) },
    { name: 'hour', values: Array.from({ length: n }, () => rng.int(0, 23)) },
  ];
}

describeEachEngine('datasets', (get) => {
  it('stores a profile, finds no drift between two samples of one population, and flags a shifted one', async () => {
    const { caller } = get();
    const ref = await caller.datasets.upload({ name: 'tx', source: 'warehouse://tx/2026-09', profile: { columns: columns(1, 0, 3_000) } });
    expect(ref.digest).toMatch(/^[0-9a-f]{16}$/);
    expect(ref.columns.map((c) => [c.name, c.kind, c.rowCount])).toEqual([
      ['amount', 'numerical', 3_000],
      ['country', 'categorical', 3_000],
      ['hour', 'numerical', 3_000],
    ]);
    const same = await caller.datasets.upload({ name: 'tx', profile: { columns: columns(2, 0, 3_000) } });
    const shifted = await caller.datasets.upload({ name: 'tx', profile: { columns: columns(3, 15, 3_000) } });

    const calm = await caller.datasets.drift({ referenceId: ref.id, currentId: same.id });
    expect(calm.drifted).toBe(false);
    expect(calm.columns.map((c) => c.test)).toEqual(['wasserstein', 'jensenshannon', 'wasserstein']);

    const drift = await caller.datasets.drift({ referenceId: ref.id, currentId: shifted.id });
    expect(drift.columns.find((c) => c.name === 'amount')).toMatchObject({ drifted: true, test: 'wasserstein', threshold: 0.1 });
    expect(drift.columns.find((c) => c.name === 'hour')!.drifted).toBe(false);
    expect(drift.driftedCount).toBeGreaterThanOrEqual(1);
    expect(drift.drifted).toBe(drift.share >= 0.5);
    const overlay = drift.columns[0]!.overlay;
    expect(overlay.ref.reduce((a, b) => a + b)).toBeCloseTo(1);
  });

  it('uses the small-sample tests below 1,000 rows and reports unmatched columns', async () => {
    const { caller } = get();
    const a = await caller.datasets.upload({ name: 'small', profile: { columns: columns(4, 0, 400) } });
    const b = await caller.datasets.upload({
      name: 'small',
      profile: { columns: [...columns(5, 20, 400).slice(0, 2), { name: 'channel', values: ['web', 'app'] }] },
    });
    const res = await caller.datasets.drift({ referenceId: a.id, currentId: b.id });
    expect(res.columns.map((c) => c.test)).toEqual(['ks', 'chisquare']);
    expect(res.columns[0]!.drifted).toBe(true);
    expect(res.unmatched).toEqual([
      { name: 'hour', reason: 'missing from the current dataset' },
      { name: 'channel', reason: 'new in the current dataset' },
    ]);
  });

  it('takes a profile through runs.logBatch once per dataset version and lists its runs', async () => {
    const { caller } = get();
    const exp = await caller.experiments.create({ name: 'profiled' });
    const profile = { columns: columns(6, 0, 500) };
    for (const name of ['r1', 'r2']) {
      const run = await caller.runs.create({ experimentId: exp.id, name });
      await caller.runs.logBatch({ runId: run.id, inputs: [{ name: 'train', digest: 'abc', context: 'train', profile }] });
    }
    const list = await caller.datasets.list();
    const train = list.find((d) => d.name === 'train')!;
    expect(train).toMatchObject({ runCount: 2, columnCount: 3, rowCount: 500 });
    const detail = await caller.datasets.get({ id: train.id });
    expect(detail.usages.map((u) => u.runName).sort()).toEqual(['r1', 'r2']);
  });

  it('rejects bad input with a message and stores nothing', async () => {
    const { caller } = get();
    const before = (await caller.datasets.list()).length;
    await expect(
      caller.datasets.upload({ name: 'big', profile: { columns: [{ name: 'x', values: Array.from({ length: 10_001 }, (_, i) => i) }] } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('at most 10,000 values per column') });
    await expect(
      caller.datasets.upload({ name: 'dup', profile: { columns: [{ name: 'x', values: [1] }, { name: 'x', values: [2] }] } }),
    ).rejects.toMatchObject({ message: expect.stringContaining('unique') });
    expect(await caller.datasets.list()).toHaveLength(before);

    const exp = await caller.experiments.create({ name: 'no-profile' });
    const run = await caller.runs.create({ experimentId: exp.id });
    await caller.runs.logBatch({ runId: run.id, inputs: [{ name: 'bare', digest: 'd0', context: 'eval' }] });
    const bare = (await caller.datasets.list()).find((d) => d.name === 'bare')!;
    const other = (await caller.datasets.list()).find((d) => d.name === 'train' || d.name === 'tx')!;
    await expect(caller.datasets.drift({ referenceId: other.id, currentId: bare.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('has no stored profile'),
    });
    await expect(caller.datasets.drift({ referenceId: 999_999, currentId: bare.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
