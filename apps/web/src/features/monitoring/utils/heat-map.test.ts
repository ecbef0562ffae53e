import { describe, expect, it } from 'vitest';
import { HEAT_MIN_CELL, HEAT_MISSING, heatCellBox, heatCellText, heatColour, heatFeatures, heatPlotWidth, heatPosition, type HeatColumn } from './heat-map';

const ks = (score: number, drifted = score <= 0.05): HeatColumn => ({ name: 'amount', test: 'ks', scoreKind: 'p_value', score, threshold: 0.05, drifted });
const wasserstein = (score: number, name = 'hour'): HeatColumn => ({ name, test: 'wasserstein', scoreKind: 'distance', score, threshold: 0.1, drifted: score >= 0.1 });

/** Relative luminance-ish lightness of "rgb(r, g, b)", to compare shades. */
const lightness = (rgb: string) => {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

describe('heatPosition', () => {
  it('reads a p-value as drift when below the threshold, in decades', () => {
    expect(heatPosition(ks(0.05))).toBe(0);
    expect(heatPosition(ks(0.0005))).toBeCloseTo(2 / 3, 10);
    expect(heatPosition(ks(1e-12))).toBe(1);
    expect(heatPosition(ks(0))).toBe(1);
    expect(heatPosition(ks(1))).toBe(-1);
    expect(heatPosition(ks(0.5))).toBeLessThan(0);
  });

  it('reads a distance as drift when above the threshold, relative to it', () => {
    expect(heatPosition(wasserstein(0.15))).toBeCloseTo(0.5, 10);
    expect(heatPosition(wasserstein(0.4))).toBe(1);
    expect(heatPosition(wasserstein(0.05))).toBeCloseTo(-0.5, 10);
    expect(heatPosition(wasserstein(0))).toBe(-1);
  });

  it('is NaN for a score that is not a number', () => {
    expect(heatPosition(ks(Number.NaN))).toBeNaN();
  });
});

describe('heatColour', () => {
  it('darkens drifted cells the further past the threshold they are, for either kind of test', () => {
    expect(lightness(heatColour(ks(1e-6)))).toBeLessThan(lightness(heatColour(ks(0.01))));
    expect(lightness(heatColour(wasserstein(0.3)))).toBeLessThan(lightness(heatColour(wasserstein(0.12))));
  });

  it('keeps stable cells lighter than any drifted cell, warming as they near the threshold', () => {
    const nearStable = heatColour(ks(0.06, false));
    expect(lightness(nearStable)).toBeGreaterThan(lightness(heatColour(ks(0.049))));
    expect(heatColour(ks(0.9, false))).not.toBe(nearStable);
    expect(lightness(heatColour(wasserstein(0.01)))).toBeGreaterThan(lightness(heatColour(wasserstein(0.09))));
  });

  it("follows the server's verdict, which decides ties at the threshold", () => {
    expect(heatColour(ks(0.05, true))).not.toBe(heatColour(ks(0.05, false)));
  });

  it('leaves a feature that was not compared blank', () => {
    expect(heatColour(null)).toBe(HEAT_MISSING);
    expect(heatColour(ks(Number.NaN))).toBe(HEAT_MISSING);
  });
});

describe('heatFeatures', () => {
  const window = (id: number, columns: HeatColumn[]) => ({ id, drift: { columns } });

  it('puts the most often drifted features first, then the furthest past recently, then by name', () => {
    const rows = heatFeatures([
      window(1, [ks(0.001), wasserstein(0.01, 'b'), wasserstein(0.01, 'a')]),
      window(2, [ks(0.2), wasserstein(0.09, 'b'), wasserstein(0.01, 'a')]),
    ]);
    expect(rows).toEqual([
      { name: 'amount', drifted: 1, compared: 2 },
      { name: 'b', drifted: 0, compared: 2 },
      { name: 'a', drifted: 0, compared: 2 },
    ]);
  });

  it('copes with windows that compared nothing', () => {
    expect(heatFeatures([{ id: 1, drift: null }, { id: 2, drift: { columns: [] } }])).toEqual([]);
  });
});

describe('heatCellText', () => {
  it('names the test, the score and the rule the server applied', () => {
    expect(heatCellText(ks(0.0031))).toBe('K–S p-value 0.0031: drifted (drift when the p-value is ≤ 0.05)');
    expect(heatCellText(wasserstein(0.05))).toBe('Wasserstein distance 0.05: no drift (drift when the distance is ≥ 0.1)');
  });
});

describe('heat map layout', () => {
  const DAY = 86_400_000;
  it('uses the available width when a window gets enough pixels, so cells line up with the charts', () => {
    expect(heatPlotWidth([0, 60 * DAY], DAY, 900)).toEqual({ width: 900, scrolls: false });
  });

  it('grows and scrolls when windows would be thinner than the minimum cell', () => {
    expect(heatPlotWidth([0, 60 * DAY], DAY / 24, 900)).toEqual({ width: 60 * 24 * HEAT_MIN_CELL, scrolls: true });
  });

  it('places a window from its start to its end, clipped to the domain', () => {
    expect(heatCellBox({ windowStart: DAY, windowEnd: 2 * DAY }, [0, 10 * DAY], 1000)).toEqual({ x: 100, width: 100 });
    expect(heatCellBox({ windowStart: -DAY, windowEnd: DAY }, [0, 10 * DAY], 1000)).toEqual({ x: 0, width: 100 });
    expect(heatCellBox({ windowStart: 11 * DAY, windowEnd: 12 * DAY }, [0, 10 * DAY], 1000)).toBeNull();
  });
});
