import { describe, expect, it } from 'vitest';
import { timelineDomain, timelineLanes, timelineTicks } from './timeline-layout';

const DAY = 86_400_000;

describe('timelineLanes', () => {
  it('gives each alias a lane, production first, with a segment per version served', () => {
    const lanes = timelineLanes(
      [
        { alias: 'staging', versionId: 3, version: 3, movedAt: 5, reason: 'promotion' },
        { alias: 'production', versionId: 2, version: 2, movedAt: 20, reason: 'promotion' },
        { alias: 'production', versionId: 1, version: 1, movedAt: 10, reason: 'promotion' },
        { alias: 'production', versionId: 1, version: 1, movedAt: 30, reason: 'rollback' },
      ],
      100,
    );
    expect(lanes.map((l) => l.alias)).toEqual(['production', 'staging']);
    expect(lanes[0]!.segments).toEqual([
      { version: 1, from: 10, to: 20 },
      { version: 2, from: 20, to: 30 },
      { version: 1, from: 30, to: 100 },
    ]);
  });

  it('leaves a gap where the alias pointed at nothing', () => {
    const [lane] = timelineLanes(
      [
        { alias: 'production', versionId: 1, version: 1, movedAt: 10, reason: 'promotion' },
        { alias: 'production', versionId: null, version: null, movedAt: 20, reason: 'rollback' },
      ],
      50,
    );
    expect(lane!.segments).toEqual([{ version: 1, from: 10, to: 20 }]);
  });
});

describe('timelineTicks', () => {
  it('puts ticks inside the domain, a whole number of days apart', () => {
    const start = Date.UTC(2026, 10, 1, 13);
    const ticks = timelineTicks([start, start + 12 * DAY]);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    for (const t of ticks) expect(t).toBeGreaterThanOrEqual(start);
    expect((ticks[1]! - ticks[0]!) % DAY).toBe(0);
  });

  it('spans from before the first move to now, and at least a day', () => {
    const [a, b] = timelineDomain([{ alias: 'p', versionId: 1, version: 1, movedAt: 10 * DAY, reason: 'promotion' }], 20 * DAY);
    expect(a).toBeLessThan(10 * DAY);
    expect(b).toBe(20 * DAY);
    const [c] = timelineDomain([{ alias: 'p', versionId: 1, version: 1, movedAt: 20 * DAY - 1000, reason: 'promotion' }], 20 * DAY);
    expect(c).toBeLessThan(19 * DAY);
  });
});
