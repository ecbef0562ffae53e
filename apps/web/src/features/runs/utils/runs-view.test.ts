import { describe, expect, it } from 'vitest';
import { colsParse, sortFormat, sortNext, sortParse } from './runs-view';

describe('sort in the URL', () => {
  it('round-trips field and direction', () => {
    expect(sortParse('metrics.val_auc:desc')).toEqual({ field: 'metrics.val_auc', direction: 'desc' });
    expect(sortFormat({ field: 'params.lr', direction: 'asc' })).toBe('params.lr:asc');
  });

  it('keeps colons inside keys and defaults a missing direction to desc', () => {
    expect(sortParse('metrics.eval:auc:asc')).toEqual({ field: 'metrics.eval:auc', direction: 'asc' });
    expect(sortParse('metrics.eval:auc')).toEqual({ field: 'metrics.eval:auc', direction: 'desc' });
    expect(sortParse(null)).toBeNull();
  });

  it('starts metrics high-to-low and names A-Z, and flips on a second click', () => {
    const current = { field: 'start_time', direction: 'desc' as const };
    expect(sortNext(current, 'metrics.auc')).toEqual({ field: 'metrics.auc', direction: 'desc' });
    expect(sortNext(current, 'run_name')).toEqual({ field: 'run_name', direction: 'asc' });
    expect(sortNext(current, 'start_time')).toEqual({ field: 'start_time', direction: 'asc' });
  });
});

describe('colsParse', () => {
  it('tells "not chosen" from "none chosen"', () => {
    expect(colsParse(null)).toBeNull();
    expect(colsParse('')).toEqual([]);
    expect(colsParse('metrics.a, params.b,')).toEqual(['metrics.a', 'params.b']);
  });
});
