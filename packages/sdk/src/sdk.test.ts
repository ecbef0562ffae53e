// The SDK against the real app over HTTP.
import { createApp } from '@quorum/server';
import { userCreate, systemContext, tokenCreate } from '@quorum/server/testing';
import { testEngines } from '@quorum/db/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Quorum } from './index';

for (const engine of testEngines()) {
  describe(`SDK [${engine.name}]`, () => {
    let server: Server;
    let close: () => Promise<void>;
    let url = '';
    let token = '';
    beforeAll(async () => {
      const handle = await engine.open();
      const clock = { now: () => Date.now() };
      const user = await userCreate(systemContext(handle.db, clock, 'test'), { email: 'ds@test.quorum', name: 'DS', roles: ['data_scientist'], kind: 'service' });
      const actor = { via: 'token' as const, userId: user.id, email: user.email, name: user.name, roles: user.roles, userRoles: user.roles };
      token = (await tokenCreate({ db: handle.db, clock, actor }, { name: 'sdk-test' })).secret;
      server = createApp({ db: handle.db }).listen(0);
      await new Promise((r) => server.once('listening', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      close = async () => {
        await new Promise((r) => server.close(r));
        await handle.close();
      };
    });
    afterAll(() => close());

    it('logs a run from a script: params, buffered metrics, dataset, end', async () => {
      const q = new Quorum({ url, token });
      const run = await q.startRun({ experiment: 'sdk-demo', name: 'first', batchSize: 300 });
      await run.logParams({ lr: 0.01, layers: 3 });
      const amounts = Array.from({ length: 25_000 }, (_, i) => (i % 100 === 0 ? null : (i * 7919) % 1000));
      await run.logDataset({ name: 'train', digest: 'abc', context: 'train', columns: { amount: amounts, plan: amounts.map((a) => (a === null ? null : a % 3 ? 'basic' : 'gold')) } });
      for (let step = 0; step < 1_000; step++) run.logMetrics({ loss: 1 / (step + 1), acc: step / 1_000 }, step);
      await run.end();

      const got = await q.api.runs.get.query({ runId: run.id });
      expect(got.status).toBe('FINISHED');
      expect(got.params).toEqual({ lr: '0.01', layers: '3' });
      expect(got.metrics.loss).toMatchObject({ step: 999, value: 1 / 1_000 });
      expect(got.inputs.map((i) => i.name)).toEqual(['train']);
      const dataset = await q.api.datasets.get.query({ id: got.inputs[0]!.datasetId });
      // The whole column's counts, a 10,000-value sample of it.
      expect(dataset.columns.map((c) => [c.name, c.kind, c.rowCount, c.missingCount])).toEqual([
        ['amount', 'numerical', 25_000, 250],
        ['plan', 'categorical', 25_000, 250],
      ]);
      // The same experiment is found again, not duplicated.
      expect(await q.experiment('sdk-demo')).toBe(got.experimentId);
      const series = await q.api.metrics.series.query({ runIds: [run.id], keys: ['acc'], maxPoints: 2_000 });
      expect(series.series[0]!.steps).toHaveLength(1_000);
    });

    it('sends buffered points and finishes the run when a script returns without end()', async () => {
      // A real script in its own process: it logs and returns, and the SDK flushes on exit.
      const dir = mkdtempSync(path.join(tmpdir(), 'quorum-sdk-exit-'));
      const script = path.join(dir, 'train.mts');
      const sdk = fileURLToPath(new URL('./index.ts', import.meta.url));
      writeFileSync(
        script,
        [
          `import { Quorum } from ${JSON.stringify(sdk)};`,
          `const run = await new Quorum().startRun({ experiment: 'sdk-exit', name: 'forgot-end', flushIntervalMs: 60_000 });`,
          `for (let step = 0; step < 2_500; step++) run.logMetric('loss', 1 / (step + 1), step);`,
          `console.log(run.id);`,
        ].join('\n'),
      );
      const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
      const { stdout } = await promisify(execFile)(tsx, [script], { env: { ...process.env, QUORUM_URL: url, QUORUM_TOKEN: token } });
      const q = new Quorum({ url, token });
      const got = await q.api.runs.get.query({ runId: stdout.trim() });
      expect(got.status).toBe('FINISHED');
      expect(got.metrics.loss).toMatchObject({ step: 2_499 });
      const series = await q.api.metrics.series.query({ runIds: [got.id], keys: ['loss'], maxPoints: 5_000 });
      expect(series.series[0]!.steps).toHaveLength(2_500);
    });

    it('surfaces a 4xx at once instead of retrying it', async () => {
      const q = new Quorum({ url, token });
      const run = await q.startRun({ experiment: 'sdk-demo' });
      await run.logParams({ lr: 0.01 });
      await expect(run.logParams({ lr: 0.02 })).rejects.toThrow(/immutable/);
      await run.end('KILLED');
    });
  });
}
