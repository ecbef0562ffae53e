// The SDK's monitoring logger against the real app over HTTP: a window recorded
// prediction by prediction, then ground truth joined by id.
import { createApp } from '@quorum/server';
import { systemContext, tokenCreate, userCreate } from '@quorum/server/testing';
import { testEngines } from '@quorum/db/testing';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Quorum } from './index';

for (const engine of testEngines()) {
  describe(`SDK monitoring [${engine.name}]`, () => {
    let server: Server;
    let close: () => Promise<void>;
    let q: Quorum;
    beforeAll(async () => {
      const handle = await engine.open();
      const clock = { now: () => Date.now() };
      const user = await userCreate(systemContext(handle.db, clock, 'test'), { email: 'serving@test.quorum', name: 'Serving', roles: ['data_scientist', 'platform_engineer'], kind: 'service' });
      const actor = { via: 'token' as const, userId: user.id, email: user.email, name: user.name, roles: user.roles, userRoles: user.roles };
      const token = (await tokenCreate({ db: handle.db, clock, actor }, { name: 'serving' })).secret;
      server = createApp({ db: handle.db }).listen(0);
      await new Promise((r) => server.once('listening', r));
      q = new Quorum({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token });
      close = async () => {
        await new Promise((r) => server.close(r));
        await handle.close();
      };
    });
    afterAll(() => close());

    it('sends a window of served predictions and joins labels to it', async () => {
      const run = await q.startRun({ experiment: 'serving' });
      await run.logDataset({ name: 'train', digest: 't1', context: 'train', columns: { amount: Array.from({ length: 500 }, (_, i) => i % 100) } });
      await run.end();
      const model = await q.api.models.create.mutate({ name: 'served' });
      await q.api.versions.create.mutate({ modelId: model.id, runId: run.id, artifactUri: 's3://served', artifactSha256: 'c'.repeat(64), artifactSize: 1 });

      const monitor = q.monitor({ model: 'served', version: 1 });
      for (let i = 0; i < 300; i++) monitor.record({ id: `p${i}`, prediction: i % 2, latencyMs: 10 + (i % 7), features: i === 5 ? {} : { amount: (i * 3) % 100 } });
      expect(monitor.pending).toBe(300);
      const sent = await monitor.flush();
      expect(sent).toMatchObject({ predictions: 300, windowId: expect.any(Number) });
      expect(monitor.pending).toBe(0);

      expect(await monitor.labels(Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, actual: i < 240 ? i % 2 : 1 - (i % 2) })))).toEqual({ matched: 300, unmatched: 0 });
      const page = await q.api.monitoring.model.query({ modelId: model.id, days: 1 });
      expect(page.windows).toHaveLength(1);
      expect(page.windows[0]).toMatchObject({ predictionCount: 300, latencyCount: 300, evaluation: { accuracy: 0.8 } });
      const drift = page.windows[0]!.drift as { columns: { name: string; currentCount: number }[] };
      // The prediction sent without features counts as missing, not as a value.
      expect(drift.columns).toEqual([expect.objectContaining({ name: 'amount', currentCount: 299 })]);
    });
  });
}
