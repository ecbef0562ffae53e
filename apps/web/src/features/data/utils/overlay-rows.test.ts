import { describe, expect, it } from 'vitest';
import { overlayRows, overlayShareTick } from './overlay-rows';

describe('overlayRows', () => {
  it('ticks numerical bins at their lower edge', () => {
    const rows = overlayRows({ labels: ['0 – 3.54', '3.54 – 7.08'], edges: [0, 3.5416, 7.0833], ref: [0.6, 0.4], cur: [0.2, 0.8] });
    expect(rows).toEqual([
      { label: '0 – 3.54', tick: '0', reference: 0.6, current: 0.2 },
      { label: '3.54 – 7.08', tick: '3.54', reference: 0.4, current: 0.8 },
    ]);
  });

  it('cuts long category names and treats a missing share as none', () => {
    const rows = overlayRows({ labels: ['basic', 'enterprise-annual-plan'], edges: [], ref: [1], cur: [0.5, 0.5] });
    expect(rows.map((r) => r.tick)).toEqual(['basic', 'enterprise-…']);
    expect(rows[1]!.reference).toBe(0);
  });
});

describe('overlayShareTick', () => {
  it('keeps small shares distinct', () => {
    expect(overlayShareTick(0.25)).toBe('25%');
    expect(overlayShareTick(0.135)).toBe('13.5%');
    expect(overlayShareTick(0.005)).toBe('0.5%');
    expect(overlayShareTick(0)).toBe('0%');
  });
});
