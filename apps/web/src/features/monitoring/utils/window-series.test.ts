import { describe, expect, it } from 'vitest';
import { labelledText, labelsAwaited, qualityTask, qualityValues, windowSeries, type SeriesWindow } from './window-series';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 1);
const classification = (accuracy: number) => ({ task: 'classification', labelledCount: 10, accuracy, averaging: 'binary', positive: 1, precision: 0.5, recall: 0.6, f1: 0.55, classCount: 2 });
const win = (hour: number, over: Partial<SeriesWindow> = {}): SeriesWindow => ({
  id: hour,
  windowStart: T0 + hour * HOUR,
  windowEnd: T0 + (hour + 1) * HOUR,
  version: 1,
  predictionCount: 100,
  labelledCount: 0,
  latencyP50: 20,
  latencyP95: 40,
  latencyP99: null,
  evaluation: null,
  ...over,
});

describe('windowSeries', () => {
  it('puts each window at its midpoint and keeps unknown values as null, never 0', () => {
    const rows = windowSeries([win(1), win(0)], ['p50', 'p99'], (w) => ({ p50: w.latencyP50, p99: w.latencyP99 }));
    expect(rows).toEqual([
      { t: T0 + 0.5 * HOUR, start: T0, end: T0 + HOUR, version: 1, p50: 20, p99: null },
      { t: T0 + 1.5 * HOUR, start: T0 + HOUR, end: T0 + 2 * HOUR, version: 1, p50: 20, p99: null },
    ]);
  });

  it('breaks the line where windows are missing with a row of nulls', () => {
    const rows = windowSeries([win(0), win(1), win(4)], ['p50'], (w) => ({ p50: w.latencyP50 }));
    expect(rows.map((r) => r.p50)).toEqual([20, 20, null, 20]);
    expect(rows[2]).toMatchObject({ start: T0 + 2 * HOUR, end: T0 + 4 * HOUR, version: null });
  });

  it('turns NaN and infinities into gaps', () => {
    const rows = windowSeries([win(0, { latencyP50: Number.NaN }), win(1, { latencyP50: Infinity })], ['p50'], (w) => ({ p50: w.latencyP50 }));
    expect(rows.map((r) => r.p50)).toEqual([null, null]);
  });
});

describe('quality', () => {
  const windows = [win(0, { evaluation: classification(0.9), labelledCount: 10 }), win(1, { evaluation: classification(0.8), labelledCount: 10 }), win(2), win(3)];

  it('reads the task from the labelled windows and leaves unlabelled windows empty', () => {
    expect(qualityTask(windows)).toBe('classification');
    expect(qualityTask([win(0)])).toBeNull();
    const rows = windowSeries(windows, ['accuracy'], (w) => qualityValues(w, 'classification'));
    expect(rows.map((r) => r.accuracy)).toEqual([0.9, 0.8, null, null]);
    expect(qualityValues(windows[0]!, 'regression')).toMatchObject({ mae: null, accuracy: null });
  });

  it('says which trailing windows still wait for labels', () => {
    expect(labelsAwaited(windows)).toEqual({ from: T0 + 2 * HOUR, to: T0 + 4 * HOUR, count: 2 });
    expect(labelsAwaited(windows.slice(0, 2))).toBeNull();
    expect(labelsAwaited([win(0)])).toBeNull();
  });

  it('counts labelled predictions in words', () => {
    expect(labelledText({ labelledCount: 312, predictionCount: 1_400 })).toBe('312 of 1,400 predictions labelled');
    expect(labelledText({ labelledCount: 0, predictionCount: 1_400 })).toBe('no labels yet');
  });
});
