import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectClose, extra, golden } from './fixtures/references';
import { histogramQuantile, percentile } from './percentile';

const p = golden.percentiles;
const latencies = p.latencies_s;

describe('percentile against numpy.percentile', () => {
  for (const key of ['p50', 'p90', 'p95', 'p99'] as const) {
    it(`${key} of the 100 latencies, linear bit for bit and nearest rank`, () => {
      const q = Number(key.slice(1));
      expect(percentile(latencies, q)).toBe(p[key]['numpy_linear(default)']);
      expect(percentile(latencies, q, { method: 'nearest_rank' })).toBe(p[key].nearest_rank_exact);
    });
  }

  it('matches the small example at every listed percentile', () => {
    const small = [15, 20, 35, 40, 50];
    for (const [key, want] of Object.entries(p['small[15,20,35,40,50]'])) {
      const q = Number(key.slice(1));
      expect(percentile(small, q)).toBe(want.linear);
      expect(percentile(small, q, { method: 'nearest_rank' })).toBe(want.nearest_rank_exact);
    }
  });

  it('matches numpy bit for bit at awkward percentiles', () => {
    for (const [q, want] of Object.entries(extra.percentile.ref_b)) expect(percentile(golden.datasets.ref_b, Number(q))).toBe(want);
  });

  it('takes the 7th of 100 values for p7, where floating point would take the 8th', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 7, { method: 'nearest_rank' })).toBe(7);
    expect(percentile(values, 0, { method: 'nearest_rank' })).toBe(1);
    expect(percentile(values, 100, { method: 'nearest_rank' })).toBe(100);
    expect(percentile(values, 0.5, { method: 'nearest_rank' })).toBe(1);
  });

  it('refuses empty input, NaN and percentiles outside [0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(expect.objectContaining({ code: 'EMPTY_SAMPLE' }));
    expect(() => percentile([1, Number.NaN], 50)).toThrow(expect.objectContaining({ code: 'NOT_FINITE' }));
    expect(() => percentile([1], 101)).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
    expect(() => percentile([1], Number.NaN)).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
    expect(() => percentile([1], 5, { method: 'midpoint' as 'linear' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });

  it('stays within the sample range and does not depend on order', () => {
    const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(values, fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom('linear', 'nearest_rank' as const), (v, q, method) => {
        const r = percentile(v, q, { method });
        return r >= Math.min(...v) && r <= Math.max(...v) && Object.is(r, percentile([...v].reverse(), q, { method }));
      }),
    );
  });
});

describe('histogramQuantile as Prometheus computes it', () => {
  // Prometheus' default buckets, filled with the 100 latencies.
  const bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, Infinity];
  const buckets = bounds.map((le) => ({ le, count: latencies.filter((x) => x <= le).length }));

  it('interpolates inside the bucket: p99 is 2.0 where the exact p99 is 1.017', () => {
    expect(histogramQuantile(0.99, buckets)).toBe(2);
    expectClose(histogramQuantile(0.5, buckets), 0.1 + 0.15 * ((50 - 22) / (96 - 22)), 1e-15);
  });

  it('returns the second-highest bound when the rank falls in the +Inf bucket', () => {
    const b = [{ le: 1, count: 5 }, { le: 2, count: 8 }, { le: Infinity, count: 10 }];
    expect(histogramQuantile(0.95, b)).toBe(2);
  });

  it('returns the first bound when it is not positive', () => {
    expect(histogramQuantile(0.1, [{ le: -1, count: 4 }, { le: 0, count: 6 }, { le: Infinity, count: 6 }])).toBe(-1);
  });

  it('merges equal bounds, sorts buckets and flattens decreasing counts', () => {
    const messy = [{ le: Infinity, count: 10 }, { le: 1, count: 2 }, { le: 2, count: 6 }, { le: 1, count: 2 }, { le: 3, count: 5 }];
    // Merged: le 1 → 4, le 2 → 6, le 3 → 5 raised to 6, +Inf → 10. Rank 5 lies in (1, 2].
    expect(histogramQuantile(0.5, messy)).toBe(1.5);
  });

  it('returns ∓Infinity outside [0, 1] and refuses malformed histograms', () => {
    expect(histogramQuantile(-0.1, buckets)).toBe(-Infinity);
    expect(histogramQuantile(1.1, buckets)).toBe(Infinity);
    expect(() => histogramQuantile(0.5, [{ le: 1, count: 3 }])).toThrow(expect.objectContaining({ code: 'BAD_BUCKETS' }));
    expect(() => histogramQuantile(0.5, [{ le: Infinity, count: 3 }])).toThrow(expect.objectContaining({ code: 'BAD_BUCKETS' }));
    expect(() => histogramQuantile(0.5, [{ le: 1, count: 0 }, { le: Infinity, count: 0 }])).toThrow(expect.objectContaining({ code: 'EMPTY_SAMPLE' }));
    expect(() => histogramQuantile(Number.NaN, buckets)).toThrow(expect.objectContaining({ code: 'NOT_FINITE' }));
    expect(() => histogramQuantile(0.5, [{ le: 1, count: -1 }, { le: Infinity, count: 3 }])).toThrow(expect.objectContaining({ code: 'NEGATIVE_COUNT' }));
  });
});
