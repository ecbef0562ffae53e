// One monitoring window: 100,000 predictions (with ids, for joining labels), 100,000
// latency samples and 30 numerical features of 100,000 values each, computed against the
// version's training dataset (30 columns of 10,000 samples) and stored. The baseline is the
// same computation without storage (domain monitorWindowCompute), measured in the same run.
import type { DbHandle } from '@quorum/db';
import { monitorWindowCompute } from '@quorum/domain';
import { benchCaller, type Report } from './tracking';

const FEATURES = 30;
const PREDICTIONS = 100_000;
const REFERENCE = 10_000;

function gaussian(seed: number) {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  return (mean: number) => mean + Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchMonitoringWindow(report: Report, engine: string, handle: DbHandle) {
  const caller = await benchCaller(handle, ['data_scientist', 'platform_engineer']);
  const g = gaussian(7);
  const reference = Array.from({ length: FEATURES }, (_, c) => ({ name: `f${c}`, values: Array.from({ length: REFERENCE }, () => g(c)) }));
  const exp = await caller.experiments.create({ name: 'monitoring-bench' });
  const run = await caller.runs.create({ experimentId: exp.id });
  await caller.runs.logBatch({ runId: run.id, inputs: [{ name: 'monitoring-bench-train', digest: 'b1', context: 'train', profile: { columns: reference } }] });
  await caller.runs.update({ runId: run.id, status: 'FINISHED' });
  const model = await caller.models.create({ name: 'monitoring-bench' });
  await caller.versions.create({ modelId: model.id, runId: run.id, artifactUri: 's3://bench', artifactSha256: 'd'.repeat(64), artifactSize: 1 });

  const window = (i: number) => {
    const shift = i === 0 ? 0 : 0.05 * i;
    return {
      model: 'monitoring-bench',
      version: 1,
      windowStart: i * 3_600_000,
      windowEnd: (i + 1) * 3_600_000,
      latency: { samplesMs: Array.from({ length: PREDICTIONS }, () => Math.exp(3 + 0.3 * g(0))) },
      predictions: { values: Array.from({ length: PREDICTIONS }, (_, k) => k % 2), ids: Array.from({ length: PREDICTIONS }, (_, k) => `w${i}-${k}`) },
      features: Object.fromEntries(reference.map((r, c) => [r.name, Array.from({ length: PREDICTIONS }, () => g(c + shift))])),
    };
  };

  const stored: number[] = [];
  const computed: number[] = [];
  for (let i = 0; i < 4; i++) {
    const input = window(i);
    let t = performance.now();
    monitorWindowCompute({ latency: input.latency, predictions: input.predictions.values, features: input.features, reference: reference.map((r) => ({ ...r, kind: 'numerical' as const })) });
    computed.push(performance.now() - t);
    t = performance.now();
    const res = await caller.monitoring.ingest(input);
    stored.push(performance.now() - t);
    if ((res.window.drift as { columns: unknown[] }).columns.length !== FEATURES) throw new Error('the window compared the wrong features');
  }
  // The first window warms up the JIT and the database; report the median of the rest.
  const ms = median(stored.slice(1));
  const base = median(computed.slice(1));
  report(`monitoring_window_ms{engine=${engine},predictions=${PREDICTIONS},features=${FEATURES}}`, ms, 'ms');
  report(`monitoring_window_compute_only_ms{engine=${engine}}`, base, 'ms');
  report(`monitoring_window_vs_compute_only{engine=${engine}}`, ms / base, 'x');
}
