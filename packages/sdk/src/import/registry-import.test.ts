// Registry import when MLflow deleted a version: Quorum numbers versions max+1, so a
// deleted placeholder takes the deleted version's number and later versions keep theirs.
import { testEngines } from '@quorum/db/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Quorum } from '../quorum';
import { mlflowImport } from './importer';
import { MlrunsSource } from './mlruns-source';
import { mlrunsExperimentWrite, mlrunsModelWrite } from './mlruns-writer';
import { DELETED_TAG } from './registry-import';
import { testServerStart, type TestServer } from './test-server';

const RUN = 'e'.repeat(32);

/** Forwards to Quorum, except MLflow's registry endpoints, which it does not know (as before they existed). */
async function withoutRegistry(target: TestServer): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (/^\/api\/2\.0\/mlflow\/(registered-models|model-versions)\//.test(req.url ?? '')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error_code: 'ENDPOINT_NOT_FOUND', message: `No MLflow endpoint ${req.method} ${req.url}` }));
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const answer = await fetch(`${target.url}${req.url}`, {
        method: req.method,
        headers: { authorization: req.headers.authorization ?? '', 'content-type': req.headers['content-type'] ?? 'application/json' },
        ...(req.method !== 'GET' && { body: Buffer.concat(chunks) }),
      });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    })();
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

async function visibleVersions(server: TestServer, name: string): Promise<string[]> {
  const page = await server.mlflowGet<{ model_versions?: { version: string }[] }>('model-versions/search', { filter: `name='${name}'` });
  return (page.model_versions ?? []).map((v) => v.version).sort();
}

for (const engine of testEngines()) {
  describe(`registry import with versions deleted in MLflow [${engine.name}]`, () => {
    let dir: string;
    let mlops: TestServer;
    let scientist: TestServer;
    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'quorum-mlruns-'));
      await mlrunsExperimentWrite(dir, { id: '3', name: 'gaps' }, [{ id: RUN, name: 'only', startTime: 1_700_000_000_000, endTime: 1_700_000_001_000 }]);
      await mlrunsModelWrite(dir, { name: 'gappy', aliases: { prod: 3 } }, [
        { version: 1, stage: 'None', runId: RUN, source: 's3://models/gappy/1' },
        { version: 2, stage: 'Deleted_Internal', runId: RUN, source: 's3://models/gappy/2' },
        { version: 3, stage: 'Staging', runId: RUN, source: 's3://models/gappy/3' },
        { version: 4, stage: 'Deleted_Internal', source: 's3://models/gappy/4' },
      ]);
      [mlops, scientist] = await Promise.all([testServerStart(engine, ['mlops_engineer']), testServerStart(engine, ['data_scientist'])]);
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await Promise.all([mlops?.close(), scientist?.close()]);
    });

    it('keeps version numbers with a deleted placeholder, and imports nothing the second time', async () => {
      const first = await mlflowImport({ source: new MlrunsSource(dir), quorum: mlops.quorum });
      expect(first).toMatchObject({ versionsImported: 2, placeholders: 1, placeholdersKept: 0, failures: [] });
      expect(await visibleVersions(mlops, 'gappy')).toEqual(['1', '3']);
      const placeholder = await mlops.quorum.api.versions.byNumber.query({ model: 'gappy', version: 2 });
      expect(placeholder.deletedAt).not.toBeNull();
      const third = await mlops.mlflowGet<{ model_version: { tags?: { key: string; value: string }[] } }>('model-versions/get', { name: 'gappy', version: '3' });
      expect(third.model_version.tags).toEqual(expect.arrayContaining([{ key: 'quorum.import.aliases', value: 'prod' }]));

      const second = await mlflowImport({ source: new MlrunsSource(dir), quorum: mlops.quorum });
      expect(second).toMatchObject({ versionsImported: 0, versionsExisting: 2, placeholders: 0, failures: [] });
      await expect(mlops.quorum.api.versions.byNumber.query({ model: 'gappy', version: 4 })).rejects.toThrow(/no version 4/);
    });

    it('leaves the placeholder visible, tagged, when the token may not delete versions', async () => {
      const first = await mlflowImport({ source: new MlrunsSource(dir), quorum: scientist.quorum });
      expect(first).toMatchObject({ versionsImported: 2, placeholders: 1, placeholdersKept: 1, failures: [] });
      expect(await visibleVersions(scientist, 'gappy')).toEqual(['1', '2', '3']);
      const kept = await scientist.mlflowGet<{ model_version: { tags?: { key: string; value: string }[] } }>('model-versions/get', { name: 'gappy', version: '2' });
      expect(kept.model_version.tags).toEqual(expect.arrayContaining([{ key: DELETED_TAG, value: 'true' }]));

      const second = await mlflowImport({ source: new MlrunsSource(dir), quorum: scientist.quorum });
      expect(second).toMatchObject({ versionsImported: 0, versionsExisting: 2, placeholders: 0, failures: [] });
      expect(await visibleVersions(scientist, 'gappy')).toEqual(['1', '2', '3']);
    });

    it('says so when the server does not serve the MLflow registry API, after importing the runs', async () => {
      const store = mkdtempSync(path.join(tmpdir(), 'quorum-mlruns-'));
      const proxy = await withoutRegistry(scientist);
      try {
        const run = 'f'.repeat(32);
        await mlrunsExperimentWrite(store, { id: '4', name: 'no-registry' }, [{ id: run, name: 'solo', startTime: 1_700_000_000_000 }]);
        await mlrunsModelWrite(store, { name: 'unreached' }, [{ version: 1, stage: 'None', runId: run, source: 's3://models/unreached/1' }]);
        const summary = await mlflowImport({ source: new MlrunsSource(store), quorum: new Quorum({ url: proxy.url, token: scientist.token }) });
        expect(summary).toMatchObject({ runsImported: 1, modelsImported: 0, versionsImported: 0 });
        expect(summary.failures).toEqual([expect.stringMatching(/^This Quorum server does not serve the MLflow registry API \(GET registered-models\/get answered 404 ENDPOINT_NOT_FOUND/)]);
        expect((await scientist.quorum.api.runs.get.query({ runId: run })).name).toBe('solo');
      } finally {
        await proxy.close();
        rmSync(store, { recursive: true, force: true });
      }
    });
  });
}
