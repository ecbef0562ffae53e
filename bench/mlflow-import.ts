// `quorum import mlflow` speed: a generated mlruns store (a few long runs for points/s,
// many short ones for runs/s) imported into a real server process over HTTP.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MlrunsSource, mlflowImport, Quorum } from '@quorum/sdk';
import { serverStart } from '@quorum/server/testing';
import { mlrunsExperimentWrite } from '../packages/sdk/src/import/mlruns-writer';
import type { Report } from './tracking';

const hex = () => randomBytes(16).toString('hex');

/** `long` runs with 4 keys of `points` points each, and `short` runs with 10 params and 3 keys of 100 points. */
async function storeWrite(dir: string, long: number, points: number, short: number) {
  const series = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ({ step: i, timestamp: 1_700_000_000_000 + i * 10, value: Math.sin(i + seed) }));
  await mlrunsExperimentWrite(
    dir,
    { id: '1', name: 'long-runs' },
    Array.from({ length: long }, (_, r) => ({
      id: hex(),
      name: `long-${r}`,
      startTime: 1_700_000_000_000 + r,
      endTime: 1_700_100_000_000,
      params: { lr: '0.01', seed: String(r) },
      metrics: Object.fromEntries(['loss', 'val_loss', 'accuracy', 'lr'].map((k, i) => [k, series(points, r * 4 + i)])),
    })),
  );
  await mlrunsExperimentWrite(
    dir,
    { id: '2', name: 'sweep' },
    Array.from({ length: short }, (_, r) => ({
      id: hex(),
      name: `trial-${r}`,
      startTime: 1_700_000_000_000 + r,
      endTime: 1_700_000_100_000 + r,
      params: Object.fromEntries(Array.from({ length: 10 }, (_, p) => [`p${p}`, String(r * p)])),
      tags: { sweep: 'grid' },
      metrics: Object.fromEntries(['loss', 'auc', 'f1'].map((k, i) => [k, series(100, r + i)])),
    })),
  );
}

export async function benchMlflowImport(report: Report, engine: 'embedded' | 'postgres', databaseUrl?: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'quorum-bench-import-'));
  const storeDir = mkdtempSync(path.join(tmpdir(), 'quorum-bench-mlruns-'));
  const token = `bench-${randomBytes(24).toString('hex')}`;
  const server = await serverStart({ QUORUM_BOOTSTRAP_TOKEN: token, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { QUORUM_DATA_DIR: dataDir }) });
  try {
    const long = 10;
    const points = 25_000;
    const short = 200;
    await storeWrite(storeDir, long, points, short);
    const quorum = new Quorum({ url: server.url, token });

    const t0 = performance.now();
    const first = await mlflowImport({ source: new MlrunsSource(storeDir), quorum, experiments: ['long-runs'] });
    const t1 = performance.now();
    report(`mlflow_import_points_per_s{engine=${engine}}`, Math.round(first.pointsImported / ((t1 - t0) / 1000)), 'points/s');

    const second = await mlflowImport({ source: new MlrunsSource(storeDir), quorum, experiments: ['sweep'] });
    const t2 = performance.now();
    report(`mlflow_import_short_runs_per_s{engine=${engine}}`, Math.round(second.runsImported / ((t2 - t1) / 1000)), 'runs/s');

    // Everything again: every run is skipped by its marker.
    await mlflowImport({ source: new MlrunsSource(storeDir), quorum });
    report(`mlflow_import_rerun_runs_per_s{engine=${engine}}`, Math.round((long + short) / ((performance.now() - t2) / 1000)), 'runs/s');
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(storeDir, { recursive: true, force: true });
  }
}
