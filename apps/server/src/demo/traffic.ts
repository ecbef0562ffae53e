// One day of a deployed demo model's traffic: latency samples, predictions (a sample of them
// with ids, whose ground truth arrives later), and feature samples drawn from the version's
// training data with day-to-day noise, or shifted where the story has drift.
import type { MonitorReferenceColumn } from '@quorum/domain';
import type { Random } from './random';

/** How one model behaves in production, per version it serves. */
export interface TrafficModel {
  model: string;
  /** Short prefix of prediction ids, unique per model. */
  idPrefix: string;
  /** The training data's label column: never sent as a feature. */
  labelColumn: string;
  /** Predictions served on a weekday and on a weekend day. */
  volume: { weekday: number; weekend: number };
  /** Predictions per day sent with ids; their ground truth is joined later. */
  labelled: number;
  /** Values sent per feature: a uniform sample of the day's traffic. */
  featureSample: number;
  latencySamples: number;
  /** Median latency (ms) and log-normal spread of a version. */
  latency: (version: number) => { medianMs: number; sigma: number };
  /** One labelled prediction: what the version predicted and what turned out to be true. */
  outcome: (rng: Random, version: number, day: DayConditions) => { predicted: number; actual: number };
}

/** What is special about a day: feature shifts (multiplier on a numerical column) and model degradation. */
export interface DayConditions {
  /** Column → factor on its values (1 = as trained). */
  shift: Record<string, number>;
  /** 0 = the model performs as evaluated, 1 = fully hit by the day's drift. */
  degradation: number;
}

export interface DayTraffic {
  predictionCount: number;
  latencyMs: number[];
  ids: string[];
  predicted: number[];
  actual: number[];
  features: Record<string, (number | string)[]>;
}

/** A binary classifier's outcome from its true and false positive rates at a base rate. */
export function binaryOutcome(rng: Random, base: number, tpr: number, fpr: number) {
  const actual = rng.next() < base ? 1 : 0;
  const predicted = rng.next() < (actual === 1 ? tpr : fpr) ? 1 : 0;
  return { predicted, actual };
}

const isWeekend = (dayStart: number) => [0, 6].includes(new Date(dayStart).getUTCDay());

/** Categorical values resampled with the day's mild tilt toward some categories. */
function categoriesOfDay(rng: Random, values: string[], n: number): string[] {
  const weight = new Map<string, number>();
  for (const v of new Set(values)) weight.set(v, Math.exp(0.08 * rng.normal()));
  const top = Math.max(...weight.values());
  const out: string[] = [];
  while (out.length < n) {
    const v = values[Math.floor(rng.next() * values.length)]!;
    if (rng.next() * top < weight.get(v)!) out.push(v);
  }
  return out;
}

/** Numerical values resampled; continuous columns move by a small factor per day (and by the story's shift). */
function numbersOfDay(rng: Random, values: number[], n: number, shift: number): number[] {
  const continuous = values.some((v) => !Number.isInteger(v));
  const factor = (continuous ? Math.exp(0.015 * rng.normal()) : 1) * shift;
  return Array.from({ length: n }, () => {
    const v = values[Math.floor(rng.next() * values.length)]! * factor;
    return continuous ? Math.round(v * 100) / 100 : Math.round(v);
  });
}

/** The day's traffic for the version serving it. */
export function dayTraffic(rng: Random, m: TrafficModel, version: number, dayStart: number, reference: readonly MonitorReferenceColumn[], day: DayConditions): DayTraffic {
  const base = isWeekend(dayStart) ? m.volume.weekend : m.volume.weekday;
  const predictionCount = Math.round(base * Math.exp(0.06 * rng.normal()));
  const { medianMs, sigma } = m.latency(version);
  const latencyMs = Array.from({ length: m.latencySamples }, () => Math.round(100 * medianMs * Math.exp(sigma * rng.normal())) / 100);
  const date = new Date(dayStart).toISOString().slice(0, 10).replace(/-/g, '');
  const ids: string[] = [];
  const predicted: number[] = [];
  const actual: number[] = [];
  for (let i = 0; i < m.labelled; i++) {
    const o = m.outcome(rng, version, day);
    ids.push(`${m.idPrefix}-${date}-${String(i).padStart(5, '0')}`);
    predicted.push(o.predicted);
    actual.push(o.actual);
  }
  const features: DayTraffic['features'] = {};
  for (const c of reference) {
    if (c.name === m.labelColumn) continue;
    features[c.name] =
      c.kind === 'numerical' ? numbersOfDay(rng, c.values as number[], m.featureSample, day.shift[c.name] ?? 1) : categoriesOfDay(rng, c.values as string[], m.featureSample);
  }
  return { predictionCount: Math.max(predictionCount, ids.length), latencyMs, ids, predicted, actual, features };
}
