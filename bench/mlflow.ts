// MLflow compatibility: metric points per second through /api/2.0/mlflow/runs/log-batch,
// 1,000 metrics per call (MLflow's own limit), over HTTP against a real server process.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serverStart } from '@quorum/server/testing';
import type { Report } from './tracking';

export async function benchMlflowLogBatch(report: Report, engine: 'embedded' | 'postgres', databaseUrl?: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'quorum-bench-mlflow-'));
  const token = `bench-${randomBytes(24).toString('hex')}`;
  const server = await serverStart({ QUORUM_BOOTSTRAP_TOKEN: token, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { QUORUM_DATA_DIR: dataDir }) });
  const call = async (endpoint: string, body: unknown) => {
    const res = await fetch(`${server.url}/api/2.0/mlflow/${endpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${endpoint}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- MLflow's untyped JSON
  };
  try {
    const { experiment_id } = await call('experiments/create', { name: `mlflow-bench-${Date.now()}` });
    const { run } = await call('runs/create', { experiment_id, start_time: Date.now() });
    const runId = run.info.run_id as string;
    const keys = ['loss', 'val_loss', 'accuracy', 'lr'];
    const batch = (b: number) => ({
      run_id: runId,
      metrics: Array.from({ length: 1_000 }, (_, i) => {
        const n = b * 1_000 + i;
        return { key: keys[n % 4], value: Math.sin(n), step: Math.floor(n / 4), timestamp: 1_700_000_000_000 + n };
      }),
    });
    await call('runs/log-batch', batch(10_000));
    const batches = Array.from({ length: 200 }, (_, b) => batch(b));
    const t0 = performance.now();
    for (const body of batches) await call('runs/log-batch', body);
    report(`mlflow_log_batch_points_per_s{engine=${engine}}`, Math.round((200 * 1_000) / ((performance.now() - t0) / 1000)), 'points/s');
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
