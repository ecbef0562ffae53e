// Import from a tracking server's URL. The source is a second Quorum server, which speaks
// MLflow's REST API: runs are logged into server A through /api/2.0/mlflow, then copied
// into server B. Two servers, because run ids are kept: the same server would already
// hold every run it is asked to import.
import { testEngines } from '@quorum/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlflowImport } from './importer';
import { RestSource } from './rest-source';
import { IMPORT_MARKER_TAG } from './run-import';
import { testServerStart, type TestServer } from './test-server';

type WirePoint = { key: string; value: number | string; timestamp: number; step: number };
const T = 1_710_000_000_000;

async function historyOf(server: TestServer, runId: string, key: string): Promise<WirePoint[]> {
  const page = await server.mlflowGet<{ metrics?: WirePoint[] }>('metrics/get-history', { run_id: runId, metric_key: key });
  return page.metrics ?? [];
}

for (const engine of testEngines()) {
  describe(`quorum import mlflow from a tracking URI [${engine.name}]`, () => {
    let a: TestServer;
    let b: TestServer;
    const runIds: string[] = [];
    let deletedRun = '';

    beforeAll(async () => {
      [a, b] = await Promise.all([testServerStart(engine), testServerStart(engine)]);
      const { experiment_id } = await a.mlflowPost<{ experiment_id: string }>('experiments/create', {
        name: 'fraud',
        tags: [
          { key: 'mlflow.note.content', value: 'Card fraud, by merchant' },
          { key: 'team', value: 'fraud' },
        ],
      });
      for (const [i, experimentId] of [experiment_id, experiment_id, '0'].entries()) {
        const { run } = await a.mlflowPost<{ run: { info: { run_id: string } } }>('runs/create', {
          experiment_id: experimentId,
          run_name: `gbm-${i}`,
          start_time: T + i * 1_000,
          user_id: 'carla',
          tags: [{ key: 'mlflow.source.git.commit', value: `c0ffee${i}` }, { key: 'team', value: 'fraud' }],
        });
        const id = run.info.run_id;
        runIds.push(id);
        await a.mlflowPost('runs/log-batch', {
          run_id: id,
          params: [{ key: 'depth', value: String(4 + i) }],
          metrics: [
            ...Array.from({ length: 7 }, (_, s) => ({ key: 'train/loss', value: 1 / (s + 1 + i), timestamp: T + 10 + s, step: s })),
            { key: 'auc', value: 'NaN', timestamp: T + 20, step: 0 },
            { key: 'auc', value: 'Infinity', timestamp: T + 21, step: 1 },
          ],
        });
        await a.mlflowPost('runs/log-inputs', {
          run_id: id,
          datasets: [{ tags: [{ key: 'mlflow.data.context', value: 'train' }], dataset: { name: 'transactions', digest: `d${i}`, source_type: 'local', source: '{"uri": "/data/tx.parquet"}' } }],
        });
        await a.mlflowPost('runs/update', { run_id: id, status: i === 1 ? 'FAILED' : 'FINISHED', end_time: T + 60_000 });
      }
      const { run: gone } = await a.mlflowPost<{ run: { info: { run_id: string } } }>('runs/create', { experiment_id, run_name: 'discarded', start_time: T });
      deletedRun = gone.info.run_id;
      await a.mlflowPost('runs/delete', { run_id: deletedRun });

      await a.mlflowPost('registered-models/create', { name: 'fraud-model', description: 'Flags card fraud', tags: [{ key: 'owner', value: 'fraud-team' }] });
      for (const id of runIds.slice(0, 2)) {
        await a.mlflowPost('model-versions/create', { name: 'fraud-model', source: `runs:/${id}/model`, run_id: id, tags: [{ key: 'from', value: id.slice(0, 6) }] });
      }
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
    });

    // Small pages, so every search and history read is paginated.
    const source = (env: NodeJS.ProcessEnv = { MLFLOW_TRACKING_TOKEN: a.token }) =>
      new RestSource(a.url, env, { experiments: 1, runs: 1, history: 3, models: 1, versions: 1 });

    it('copies runs, histories and the registry from server A into server B, keeping run ids', async () => {
      const summary = await mlflowImport({ source: source(), quorum: b.quorum });
      expect(summary).toMatchObject({
        experimentsCreated: 2,
        runsImported: 3,
        runsDeleted: 1,
        runsFailed: 0,
        pointsImported: 27,
        modelsImported: 1,
        versionsImported: 2,
        failures: [],
      });
      const fraud = (await b.quorum.api.experiments.list.query({ includeArchived: true })).find((e) => e.name === 'fraud');
      expect(fraud).toMatchObject({ description: 'Card fraud, by merchant', tags: { team: 'fraud' } });
      for (const [i, id] of runIds.entries()) {
        const run = await b.quorum.api.runs.get.query({ runId: id });
        expect(run).toMatchObject({
          name: `gbm-${i}`,
          experimentName: i < 2 ? 'fraud' : 'Default',
          userId: 'carla',
          sourceCommit: `c0ffee${i}`,
          status: i === 1 ? 'FAILED' : 'FINISHED',
          startTime: T + i * 1_000,
          endTime: T + 60_000,
          params: { depth: String(4 + i) },
        });
        expect(run.tags).toMatchObject({ team: 'fraud', [IMPORT_MARKER_TAG]: `${a.url}#${id}` });
        expect(run.inputs).toMatchObject([{ name: 'transactions', digest: `d${i}`, context: 'train' }]);
        for (const key of ['train/loss', 'auc']) expect(await historyOf(b, id, key)).toEqual(await historyOf(a, id, key));
      }
      expect((await historyOf(b, runIds[0]!, 'auc')).map((p) => p.value)).toEqual(['NaN', 'Infinity']);
      await expect(b.quorum.api.runs.get.query({ runId: deletedRun })).rejects.toThrow(/No run/);

      const { model_versions: versions = [] } = await b.mlflowGet<{ model_versions?: { version: string; run_id?: string; source: string; tags?: { key: string; value: string }[] }[] }>(
        'model-versions/search',
        { filter: "name='fraud-model'" },
      );
      expect(versions.map((v) => [v.version, v.run_id, v.source]).sort()).toEqual([
        ['1', runIds[0], `runs:/${runIds[0]}/model`],
        ['2', runIds[1], `runs:/${runIds[1]}/model`],
      ]);
    });

    it('imports nothing the second time', async () => {
      const summary = await mlflowImport({ source: source(), quorum: b.quorum });
      expect(summary).toMatchObject({ runsImported: 0, runsExisting: 3, pointsImported: 0, modelsExisting: 1, versionsExisting: 2, versionsImported: 0, failures: [] });
      expect(await historyOf(b, runIds[1]!, 'train/loss')).toHaveLength(7);
    });

    it('stops before writing anything when the source refuses the token', async () => {
      await expect(mlflowImport({ source: source({ MLFLOW_TRACKING_TOKEN: 'not-a-token' }), quorum: b.quorum })).rejects.toThrow(
        /refused the credentials .*401.*MLFLOW_TRACKING_TOKEN/,
      );
    });
  });
}
