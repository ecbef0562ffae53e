// Speed of the statistics library on drift- and fairness-report sized inputs (deterministic data).
import { driftDataset, driftKs, fairnessMetrics, type DriftDatasetColumn } from '../packages/domain/src/stats/index';

const ROWS = 100_000;
const REPETITIONS = 5;

/** Park–Miller minimal standard generator: the same numbers on every run and machine. */
function uniforms(seed: number): () => number {
  let s = seed;
  return () => {
    s = (16807 * s) % 2147483647;
    return s / 2147483647;
  };
}

/** Roughly normal values (Irwin–Hall of 4) rounded to 4 decimals, like logged features. */
function normalish(seed: number, n: number, loc: number, scale: number): Float64Array {
  const u = uniforms(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.round((loc + scale * (u() + u() + u() + u() - 2)) * 1e4) / 1e4;
  return out;
}

function categories(seed: number, n: number, skew: number): string[] {
  const u = uniforms(seed);
  const names = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
  return Array.from({ length: n }, () => names[Math.min(7, Math.floor(8 * u() ** skew))] as string);
}

function medianMs(run: () => void): number {
  run();
  const times: number[] = [];
  for (let r = 0; r < REPETITIONS; r++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** Reports drift_ks_100k_ms, drift_dataset_ms and fairness_1m_ms (median of 5 runs after a warm-up). */
export async function benchStats(report: (name: string, value: number, unit: string) => void): Promise<void> {
  const ksRef = normalish(1, ROWS, 10, 1);
  const ksCur = normalish(2, ROWS, 10.02, 1);
  report('drift_ks_100k_ms', medianMs(() => driftKs(ksRef, ksCur, { method: 'asymp' })), 'ms');

  const columns: DriftDatasetColumn[] = [];
  for (let c = 0; c < 50; c++) {
    const spread = 1 + c / 50;
    const ref = normalish(100 + c, ROWS, c, spread);
    columns.push({ name: `num_${c}`, kind: 'numerical', ref, cur: normalish(200 + c, ROWS, c + (c % 5) * 0.05, spread) });
  }
  for (let c = 0; c < 10; c++) {
    columns.push({ name: `cat_${c}`, kind: 'categorical', ref: categories(300 + c, ROWS, 1), cur: categories(400 + c, ROWS, 1 + c / 20) });
  }
  report('drift_dataset_ms', medianMs(() => driftDataset(columns)), 'ms');

  const n = 1_000_000;
  const u = uniforms(7);
  const groups = ['g0', 'g1', 'g2', 'g3', 'g4'];
  const group = Array.from({ length: n }, () => groups[Math.floor(5 * u())] as string);
  const yTrue = Array.from({ length: n }, () => (u() < 0.4 ? 1 : 0));
  const yPred = yTrue.map((y, i) => (u() < 0.8 + 0.02 * (i % 5) ? y : 1 - y));
  report('fairness_1m_ms', medianMs(() => fairnessMetrics({ yTrue, yPred, group })), 'ms');
}
