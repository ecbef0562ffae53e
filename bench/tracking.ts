// Tracking benchmarks: ingest over HTTP into a real server process, and search and
// series reads through the router on a bulk-seeded database, each with a baseline
// measured in the same run.
import { createTRPCClient, httpLink } from '@trpc/client';
import { sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import superjson from 'superjson';
import type { AppRouter } from '@quorum/server';
import { createCaller } from '@quorum/server';
import { systemContext, userCreate } from '@quorum/server/testing';
import { metricSeriesBuckets, tables, type DbHandle } from '@quorum/db';
import { seriesBucketPlan, type Role } from '@quorum/domain';
import { serverStart } from '@quorum/server/testing';

export type Report = (name: string, value: number, unit: string) => void;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Points/s through runs.logBatch over HTTP with batches of the given size, authenticated by a token. */
async function ingestOverHttp(url: string, token: string, batchSize: number, totalPoints: number): Promise<number> {
  const api = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${url}/api/trpc`, transformer: superjson, headers: { authorization: `Bearer ${token}` } })],
  });
  const exp = await api.experiments.create.mutate({ name: `ingest-${batchSize}-${Date.now()}` });
  const run = await api.runs.create.mutate({ experimentId: exp.id });
  const keys = ['loss', 'val_loss', 'accuracy', 'lr'];
  const batches = Math.ceil(totalPoints / batchSize);
  const make = (b: number) =>
    Array.from({ length: batchSize }, (_, i) => {
      const n = b * batchSize + i;
      return { key: keys[n % 4]!, value: Math.sin(n) + 1, step: Math.floor(n / 4), timestamp: 1_700_000_000_000 + n };
    });
  // Warm-up batch, not timed.
  await api.runs.logBatch.mutate({ runId: run.id, metrics: make(batches) });
  const payloads = Array.from({ length: batches }, (_, b) => make(b));
  const t0 = performance.now();
  for (const metrics of payloads) await api.runs.logBatch.mutate({ runId: run.id, metrics });
  return (batches * batchSize) / ((performance.now() - t0) / 1000);
}

export async function benchIngest(report: Report, engine: 'embedded' | 'postgres', databaseUrl?: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'quorum-bench-'));
  const token = `bench-${randomBytes(24).toString('hex')}`;
  const server = await serverStart({ QUORUM_BOOTSTRAP_TOKEN: token, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { QUORUM_DATA_DIR: dataDir }) });
  try {
    const small = await ingestOverHttp(server.url, token, 1_000, 200_000);
    report(`ingest_points_per_s{engine=${engine},batch=1000}`, Math.round(small), 'points/s');
    const large = await ingestOverHttp(server.url, token, 10_000, 400_000);
    report(`ingest_points_per_s{engine=${engine},batch=10000}`, Math.round(large), 'points/s');
    report(`server_rss_mb{engine=${engine}}`, Math.round(server.peakRssMb()), 'MB');
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** 10,000 runs with 5 params and 5 metrics, written with set-based SQL (setup, not measured). */
async function seedSearchRuns(handle: DbHandle, experimentId: number) {
  await handle.db.execute(sql`
    insert into runs (id, experiment_id, name, status, start_time, user_id, updated_at)
    select md5('run' || g), ${experimentId}, 'run-' || g, 'FINISHED', 1700000000000 + g * 1000, 'bench', 1700000000000
    from generate_series(1, 10000) g`);
  await handle.db.execute(sql`
    insert into params (run_id, key, value)
    select md5('run' || g), 'p' || k, case when k = 1 then (array['adam','sgd','adamw','rmsprop'])[1 + g % 4] else (g % (10 * k))::text end
    from generate_series(1, 10000) g, generate_series(1, 5) k`);
  await handle.db.execute(sql`
    insert into latest_metrics (run_id, key, step, timestamp, value)
    select md5('run' || g), 'm' || k, 100, 1700000000000, sin(g * k)
    from generate_series(1, 10000) g, generate_series(1, 5) k`);
  await handle.db.execute(sql`analyze`);
}

/** A caller acting as a data scientist service account. */
export async function benchCaller(handle: DbHandle, roles: Role[] = ['data_scientist']) {
  const clock = { now: () => Date.now() };
  const user = await userCreate(systemContext(handle.db, clock, 'bench'), { email: `bench-${randomBytes(4).toString('hex')}@bench.quorum`, name: 'Bench', roles, kind: 'service' });
  return createCaller({ db: handle.db, clock, actor: { via: 'token', userId: user.id, email: user.email, name: user.name, roles: user.roles, userRoles: user.roles } });
}

export async function benchSearch(report: Report, engine: string, handle: DbHandle) {
  const caller = await benchCaller(handle);
  const exp = await caller.experiments.create({ name: 'search-bench' });
  await seedSearchRuns(handle, exp.id);
  const input = { experimentIds: [exp.id], filter: 'params.p1 = "adam"', orderBy: { field: 'metrics.m2', direction: 'desc' as const }, limit: 50 };
  for (let i = 0; i < 5; i++) await caller.runs.search(input);
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t0 = performance.now();
    const res = await caller.runs.search(input);
    times.push(performance.now() - t0);
    if (res.runs.length !== 50) throw new Error(`search returned ${res.runs.length} runs`);
  }
  report(`search_p50_ms{engine=${engine}}`, Number(median(times).toFixed(2)), 'ms');
}

export async function benchSeries(report: Report, engine: string, handle: DbHandle) {
  const caller = await benchCaller(handle);
  const exp = await caller.experiments.create({ name: 'series-bench' });
  const runIds: string[] = [];
  for (let r = 0; r < 50; r++) {
    const run = await caller.runs.create({ experimentId: exp.id });
    runIds.push(run.id);
    for (let b = 0; b < 2; b++) {
      const metrics = Array.from({ length: 10_000 }, (_, i) => {
        const step = b * 10_000 + i;
        return { key: 'loss', value: Math.exp(-step / 5000) + 0.01 * Math.sin(step * r), step, timestamp: 1_700_000_000_000 + step };
      });
      await caller.runs.logBatch({ runId: run.id, metrics });
    }
  }
  const input = { runIds, keys: ['loss'], maxPoints: 1_000 };
  await caller.metrics.series(input);
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const res = await caller.metrics.series(input);
    times.push(performance.now() - t0);
    if (res.series.length !== 50 || res.series.some((s) => s.steps.length > 1_000)) throw new Error('series answer out of bounds');
  }
  const withRollups = median(times);
  report(`series_ms{engine=${engine}}`, Number(withRollups.toFixed(1)), 'ms');

  // Baseline: the same buckets computed from raw points on the fly (no rollups).
  const plan = seriesBucketPlan(0, 19_999, 1_000);
  const series = runIds.map((runId) => ({ runId, key: 'loss' }));
  const raw: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await metricSeriesBuckets(handle.db, series, { from: 0, to: 19_999, width: plan.width, source: 1 });
    raw.push(performance.now() - t0);
  }
  report(`series_raw_scan_ms{engine=${engine}}`, Number(median(raw).toFixed(1)), 'ms');
  report(`series_rollup_speedup{engine=${engine}}`, Number((median(raw) / withRollups).toFixed(1)), 'x');
}

/** Points/s of the unnest writer against drizzle's insert().values() on the same rows. */
export async function benchWriters(report: Report, engine: string, handle: DbHandle) {
  const caller = await benchCaller(handle);
  const exp = await caller.experiments.create({ name: 'writer-bench' });
  const run = await caller.runs.create({ experimentId: exp.id });
  const rows = Array.from({ length: 10_000 }, (_, i) => ({ runId: run.id, key: 'k', step: i, timestamp: i, value: i / 3 }));
  const time = async (f: () => Promise<unknown>) => {
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) await f();
    return (5 * rows.length) / ((performance.now() - t0) / 1000);
  };
  const builder = await time(() => handle.db.insert(tables.metrics).values(rows));
  const unnest = await time(() => caller.runs.logBatch({ runId: run.id, metrics: rows.map(({ runId: _r, ...p }) => p) }));
  report(`ingest_builder_points_per_s{engine=${engine}}`, Math.round(builder), 'points/s');
  report(`ingest_logbatch_vs_builder{engine=${engine}}`, Number((unnest / builder).toFixed(2)), 'x');
}
