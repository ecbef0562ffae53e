// Dataset profiles: what storing one costs (time and bytes) and how long drift between
// two stored versions takes, for 50 numerical + 10 categorical columns of 10,000 samples.
import { sql } from 'drizzle-orm';
import type { DbHandle } from '@quorum/db';
import { DATASET_SAMPLE_LIMIT } from '@quorum/domain';
import { benchCaller, type Report } from './tracking';

function profile(seed: number, shift: number) {
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const numeric = Array.from({ length: 50 }, (_, c) => ({
    name: `f${c}`,
    values: Array.from({ length: DATASET_SAMPLE_LIMIT }, () => c + shift * (c % 5 === 0 ? 1 : 0) + Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())),
    rowCount: 1_000_000,
  }));
  const categorical = Array.from({ length: 10 }, (_, c) => ({
    name: `c${c}`,
    values: Array.from({ length: DATASET_SAMPLE_LIMIT }, () => `cat-${Math.floor(rand() * (5 + c))}`),
    rowCount: 1_000_000,
  }));
  return { columns: [...numeric, ...categorical] };
}

export async function benchDatasets(report: Report, engine: string, handle: DbHandle) {
  const caller = await benchCaller(handle);
  const ref = profile(1, 0);
  const cur = profile(2, 0.5);
  const t0 = performance.now();
  const a = await caller.datasets.upload({ name: 'bench-ref', profile: ref });
  report(`dataset_profile_upload_ms{engine=${engine}}`, performance.now() - t0, 'ms');
  const b = await caller.datasets.upload({ name: 'bench-cur', profile: cur });
  const rows = (await handle.db.execute(sql`select pg_total_relation_size('dataset_columns')::float8 as bytes`)) as unknown as { rows: { bytes: number }[] };
  report(`dataset_profile_bytes{engine=${engine},columns=60,samples=10000}`, Math.round(rows.rows[0]!.bytes / 2), 'bytes');
  await caller.datasets.drift({ referenceId: a.id, currentId: b.id });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const res = await caller.datasets.drift({ referenceId: a.id, currentId: b.id });
    times.push(performance.now() - t);
    if (res.columns.length !== 60) throw new Error('drift compared the wrong columns');
  }
  report(`dataset_drift_ms{engine=${engine},columns=60}`, [...times].sort((x, y) => x - y)[2]!, 'ms');
}
