// The compare view's state as URL search params, so that a link reproduces the view.
import type { XMode } from './series-points';

export interface StepRange {
  fromStep: number;
  toStep: number;
}

/** A value to plot: a param or a metric's latest value. */
export interface ValueRef {
  source: 'param' | 'metric';
  key: string;
}

export interface CompareView {
  runIds: string[];
  /** Metric keys to chart; null means the default (the first few). */
  keys: string[] | null;
  xMode: XMode;
  smoothing: number;
  logKeys: string[];
  zooms: Map<string, StepRange>;
  parallelMetric: string | null;
  scatterX: ValueRef | null;
  scatterY: ValueRef | null;
  scatterLogX: boolean;
  scatterLogY: boolean;
  onlyDifferences: boolean;
}

export const SMOOTHING_MAX = 0.99;

/** A comma-separated list, trimmed, without blanks or repeats (keys cannot contain commas). */
export function urlList(value: string | null): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))];
}

export function urlSmoothing(value: string | null): number {
  const n = Number(value);
  if (value === null || !Number.isFinite(n)) return 0;
  return Math.min(Math.max(n, 0), SMOOTHING_MAX);
}

export function urlXMode(value: string | null): XMode {
  return value === 'time' || value === 'relative' ? value : 'step';
}

/** `zoom=<key>:<from>:<to>`, once per zoomed chart; keys may hold colons, so steps are read from the end. */
export function urlZooms(values: readonly string[]): Map<string, StepRange> {
  const zooms = new Map<string, StepRange>();
  for (const v of values) {
    const m = /^(.+):(-?\d+):(-?\d+)$/.exec(v);
    if (!m) continue;
    const fromStep = Number(m[2]);
    const toStep = Number(m[3]);
    if (fromStep <= toStep) zooms.set(m[1]!, { fromStep, toStep });
  }
  return zooms;
}

export function urlZoomFormat(key: string, range: StepRange): string {
  return `${key}:${range.fromStep}:${range.toStep}`;
}

/** `param:<key>` or `metric:<key>`. */
export function urlValueRef(value: string | null): ValueRef | null {
  const m = value ? /^(param|metric):(.+)$/.exec(value) : null;
  return m ? { source: m[1] as ValueRef['source'], key: m[2]! } : null;
}

export function urlValueRefFormat(ref: ValueRef): string {
  return `${ref.source}:${ref.key}`;
}

export function compareViewOf(params: URLSearchParams): CompareView {
  const scatterLog = urlList(params.get('slog'));
  return {
    runIds: urlList(params.get('runs')),
    keys: params.has('keys') ? urlList(params.get('keys')) : null,
    xMode: urlXMode(params.get('x')),
    smoothing: urlSmoothing(params.get('smooth')),
    logKeys: urlList(params.get('log')),
    zooms: urlZooms(params.getAll('zoom')),
    parallelMetric: params.get('pc') || null,
    scatterX: urlValueRef(params.get('sx')),
    scatterY: urlValueRef(params.get('sy')),
    scatterLogX: scatterLog.includes('x'),
    scatterLogY: scatterLog.includes('y'),
    onlyDifferences: params.get('diff') !== 'all',
  };
}

/** Sets a list param, or drops it when the list is empty. */
export function urlListSet(params: URLSearchParams, name: string, list: readonly string[]): void {
  if (list.length === 0) params.delete(name);
  else params.set(name, list.join(','));
}
