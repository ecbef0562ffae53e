import { describe, expect, it } from 'vitest';
import { DAY_MS, kpiDayTicks, kpiAxisY, kpiDomainX, kpiMarkerLanes } from './kpi-chart-layout';

const day = (n: number) => Date.UTC(2026, 8, 1) + n * DAY_MS;

describe('kpiDomainX', () => {
  it('spans observations and markers, so a rollback after the last value stays in view', () => {
    expect(kpiDomainX([day(0), day(89), day(89) + 14 * 3_600_000])).toEqual([day(0), day(89) + 14 * 3_600_000]);
  });

  it('gives a single day room on either side, and is null with nothing to draw', () => {
    expect(kpiDomainX([day(5)])).toEqual([day(4), day(6)]);
    expect(kpiDomainX([])).toBeNull();
  });
});

describe('kpiAxisY', () => {
  it('always includes the target, so its line is drawn even far from the values', () => {
    const { domain } = kpiAxisY([4, 4.5], 10);
    expect(domain[0]).toBeLessThanOrEqual(4);
    expect(domain[1]).toBeGreaterThanOrEqual(10);
  });

  it('puts ticks on round numbers that span the data', () => {
    expect(kpiAxisY([3.82, 4.73], 4.2)).toEqual({ domain: [3.8, 4.8], ticks: [3.8, 4, 4.2, 4.4, 4.6, 4.8] });
    expect(kpiAxisY([9.82, 13.9], 12)).toEqual({ domain: [9, 14], ticks: [9, 10, 11, 12, 13, 14] });
    expect(kpiAxisY([0.1, 0.3], 0.2).ticks).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
  });

  it('keeps the target line off the frame', () => {
    expect(kpiAxisY([2.52, 4.1], 2.5).domain).toEqual([2, 4.5]);
    expect(kpiAxisY([90, 97.9], 98).domain[1]).toBeGreaterThan(98);
  });

  it('pads a flat series', () => {
    const { domain } = kpiAxisY([5, 5], 5);
    expect(domain[0]).toBeLessThan(5);
    expect(domain[1]).toBeGreaterThan(5);
    expect(kpiAxisY([], 0).domain).toEqual([-1, 1]);
  });
});

describe('kpiDayTicks', () => {
  it('puts ticks on UTC midnights at a round step', () => {
    const ticks = kpiDayTicks([day(0) + 3_600_000, day(89)], 6);
    expect(ticks.every((t) => t % DAY_MS === 0)).toBe(true);
    expect(new Set(ticks.slice(1).map((t, i) => t - ticks[i]!))).toEqual(new Set([28 * DAY_MS]));
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks[0]).toBeGreaterThanOrEqual(day(0));
  });

  it('ticks every day over a short span', () => {
    expect(kpiDayTicks([day(0), day(3)], 6)).toHaveLength(4);
  });
});

describe('kpiMarkerLanes', () => {
  const domain: [number, number] = [day(0), day(100)];

  it('places each marker at its time and labels it on the top row when there is room', () => {
    const placed = kpiMarkerLanes(
      [
        { key: 'b', at: day(60), label: 'v2 → production' },
        { key: 'a', at: day(10), label: 'v1 → production' },
      ],
      domain,
      1000,
    );
    expect(placed).toEqual([
      { key: 'a', x: 100, lane: 0, anchor: 'start', labelled: true },
      { key: 'b', x: 600, lane: 0, anchor: 'start', labelled: true },
    ]);
  });

  it('drops the label of a close marker to the next row, and leaves it off when the rows are full', () => {
    const placed = kpiMarkerLanes(
      [
        { key: 'a', at: day(10), label: 'v1 → production' },
        { key: 'b', at: day(11), label: 'v2 → production' },
        { key: 'c', at: day(12), label: 'alert' },
      ],
      domain,
      1000,
      { lanes: 2 },
    );
    expect(placed.map((p) => [p.key, p.lane, p.labelled])).toEqual([
      ['a', 0, true],
      ['b', 1, true],
      ['c', 0, false],
    ]);
  });

  it('ends a label at its line near the right edge instead of running off the chart', () => {
    const [p] = kpiMarkerLanes([{ key: 'a', at: day(98), label: 'v3 → production' }], domain, 1000);
    expect(p).toMatchObject({ anchor: 'end', labelled: true });
  });

  it('leaves out markers outside the range', () => {
    expect(kpiMarkerLanes([{ key: 'a', at: day(-5), label: 'x' }], domain, 1000)).toEqual([]);
  });
});
