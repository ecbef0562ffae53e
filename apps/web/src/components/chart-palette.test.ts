import { describe, expect, it } from 'vitest';
import { CHART_PALETTE, chartRunColours } from './chart-palette';

const ids = Array.from({ length: 12 }, (_, i) => `run${i}`);

describe('chartRunColours', () => {
  it('hands out the palette in order, so a few runs get the most distinct colours', () => {
    expect([...chartRunColours(ids.slice(0, 3)).values()]).toEqual(CHART_PALETTE.slice(0, 3));
  });

  it('gives up to ten runs distinct colours', () => {
    expect(new Set(chartRunColours(ids.slice(0, 10)).values()).size).toBe(10);
  });

  it('leaves the other runs their colours when one is removed', () => {
    const before = chartRunColours(ids.slice(0, 4));
    const after = chartRunColours([ids[0]!, ids[2]!, ids[3]!], before);
    for (const id of [ids[0]!, ids[2]!, ids[3]!]) expect(after.get(id)).toBe(before.get(id));
  });

  it('gives an added run a colour nobody else has', () => {
    const before = chartRunColours(ids.slice(0, 3));
    const after = chartRunColours([...ids.slice(0, 3), 'new'], before);
    expect(new Set(after.values()).size).toBe(4);
  });

  it('still colours every run past the palette size', () => {
    const colours = chartRunColours(ids);
    expect(colours.size).toBe(12);
    expect(colours.get(ids[10]!)).toBe(CHART_PALETTE[0]);
  });
});
