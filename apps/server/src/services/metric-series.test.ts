import { seriesDownsample, type SeriesPoint } from '@quorum/domain';
import { expect, it } from 'vitest';
import { seededRandom } from '../demo/random';
import { describeEachEngine } from '../test/harness';

/** A noisy series with a few huge spikes, logged in several batches out of order. */
function makeSeries(seed: number, steps: number): SeriesPoint[] {
  const rng = seededRandom(seed);
  const pts: SeriesPoint[] = [];
  for (let s = 0; s < steps; s++) {
    let value = Math.exp(-s / 3000) + 0.01 * rng.normal();
    if (s % 4_999 === 1_234) value = 1e6; // spike
    if (s === 777) value = NaN;
    pts.push({ step: s, timestamp: 1_000_000 + s * 10, value });
  }
  return pts;
}

describeEachEngine('metrics.series', (get) => {
  async function logged(points: SeriesPoint[], key = 'loss') {
    const { caller } = get();
    const exp = await caller.experiments.create({ name: `series-${Math.random()}` });
    const run = await caller.runs.create({ experimentId: exp.id });
    // Batches arrive in a shuffled order: rollups must merge regardless.
    const batches: SeriesPoint[][] = [];
    for (let i = 0; i < points.length; i += 3_000) batches.push(points.slice(i, i + 3_000));
    for (const b of [...batches].reverse()) {
      await caller.runs.logBatch({ runId: run.id, metrics: b.map((p) => ({ ...p, key })) });
    }
    return run.id;
  }

  it('matches the reference downsampler over whole and partial ranges, keeping spikes', async () => {
    const { caller } = get();
    const points = makeSeries(7, 20_000);
    const runId = await logged(points);
    for (const range of [{}, { fromStep: 1_000, toStep: 13_337 }, { fromStep: 5, toStep: 700 }, { fromStep: 19_990, toStep: 30_000 }]) {
      const res = await caller.metrics.series({ runIds: [runId], keys: ['loss'], maxPoints: 400, ...range });
      const s = res.series[0]!;
      const expected = seriesDownsample(points, { maxPoints: 400, from: range.fromStep ?? 0, to: range.toStep ?? 19_999 });
      expect(s.steps.length).toBeLessThanOrEqual(400);
      expect(s.steps).toEqual(expected.map((p) => p.step));
      expect(s.values).toEqual(expected.map((p) => p.value));
      expect(s.timestamps).toEqual(expected.map((p) => p.timestamp));
      const spikes = points.filter((p) => p.value === 1e6 && p.step >= (range.fromStep ?? 0) && p.step <= (range.toStep ?? Infinity));
      for (const spike of spikes) expect(s.steps).toContain(spike.step);
    }
  });

  it('returns every point when the range holds fewer than maxPoints', async () => {
    const { caller } = get();
    const points = makeSeries(3, 5_000);
    const runId = await logged(points);
    const res = await caller.metrics.series({ runIds: [runId], keys: ['loss'], fromStep: 100, toStep: 299, maxPoints: 1_000 });
    expect(res.series[0]!.sampled).toBe(false);
    expect(res.series[0]!.steps).toEqual(points.slice(100, 300).map((p) => p.step));
    expect(res.bucketWidth).toBe(1);
  });

  it('rejects unknown runs and inverted ranges', async () => {
    const { caller } = get();
    await expect(caller.metrics.series({ runIds: ['0'.repeat(32)], keys: ['loss'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.metrics.series({ runIds: ['0'.repeat(32)], keys: ['loss'], fromStep: 5, toStep: 1 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('fromStep must not be greater'),
    });
  });
});
