// `quorum import mlflow` from the committed mlruns fixture into a real Quorum server:
// what is copied, that a second pass copies nothing, and that an interrupted pass is
// finished by the next one without duplicate points.
import { testEngines } from '@quorum/db/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlflowImport } from './importer';
import { MlflowUnreachableError } from './mlflow-http';
import { MlrunsSource } from './mlruns-source';
import { mlrunsExperimentWrite } from './mlruns-writer';
import { IMPORT_MARKER_TAG } from './run-import';
import type { MlflowRun, MlflowSource } from './source';
import { testServerStart, type TestServer } from './test-server';

const FIXTURE = fileURLToPath(new URL('../../test-fixtures/mlruns', import.meta.url));
const RUN = {
  baseline: '685b021020a441b58b25ec29f5039d81',
  depth6: 'd8e11a7844f54796a157614715e7a139',
  depth8: '73c7779da4f54fad850dca3470f2806c',
  depth12: '52600735fe73422dba55bcbf64041d59',
  deleted: '8baa54ffae164db3b5312016351ac268',
  trashed: '976756edfeb4488da2b04ac063bffd1d',
};
/** Points in the fixture's live runs: 4 + 11 + 7 + 1. */
const FIXTURE_POINTS = 23;

type WirePoint = { key: string; value: number | string; timestamp: number; step: number };

async function history(server: TestServer, runId: string, key: string): Promise<WirePoint[]> {
  const page = await server.mlflowGet<{ metrics?: WirePoint[] }>('metrics/get-history', { run_id: runId, metric_key: key });
  return (page.metrics ?? []).sort((a, b) => a.step - b.step || a.timestamp - b.timestamp);
}

for (const engine of testEngines()) {
  describe(`quorum import mlflow from an mlruns folder [${engine.name}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await testServerStart(engine);
    });
    afterAll(() => server?.close());

    it('reports what it would import in a dry run, and writes nothing', async () => {
      const summary = await mlflowImport({ source: new MlrunsSource(FIXTURE), quorum: server.quorum, dryRun: true });
      expect(summary).toMatchObject({ experimentsCreated: 2, runsImported: 4, pointsImported: FIXTURE_POINTS, modelsImported: 1, versionsImported: 2, failures: [] });
      expect(await server.quorum.api.experiments.list.query({ includeArchived: true })).toEqual([]);
    });

    it('copies experiments, runs, params, tags, histories, datasets and the registry', async () => {
      const summary = await mlflowImport({ source: new MlrunsSource(FIXTURE), quorum: server.quorum });
      expect(summary).toMatchObject({
        experimentsCreated: 2,
        experimentsExisting: 0,
        experimentsDeleted: 1,
        runsImported: 4,
        runsExisting: 0,
        runsDeleted: 1,
        runsFailed: 0,
        pointsImported: FIXTURE_POINTS,
        pointsExisting: 0,
        modelsImported: 1,
        versionsImported: 2,
        stagesRecorded: 2,
        aliasesRecorded: 1,
        failures: [],
      });
      const api = server.quorum.api;
      const experiments = await api.experiments.list.query({ includeArchived: true });
      expect(experiments.map((e) => e.name).sort()).toEqual(['Default', 'churn']);
      expect(experiments.find((e) => e.name === 'churn')).toMatchObject({ description: 'Which customers leave, and why', tags: { team: 'risk' } });

      // The run id, name, user, commit, times and status survive; mlflow.runName is the name.
      const depth6 = await api.runs.get.query({ runId: RUN.depth6 });
      expect(depth6).toMatchObject({
        id: RUN.depth6,
        name: 'xgb-depth-6',
        userId: 'bo',
        experimentName: 'churn',
        status: 'FINISHED',
        startTime: 1_700_007_200_000,
        endTime: 1_700_007_320_000,
        sourceCommit: '9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b',
        params: { max_depth: '6', eta: '0.3', objective: 'binary:logistic' },
      });
      expect(depth6.tags).toMatchObject({ 'mlflow.user': 'bo', stage: 'tuning', [IMPORT_MARKER_TAG]: `${path.resolve(FIXTURE)}#${RUN.depth6}` });
      expect(depth6.tags['mlflow.runName']).toBeUndefined();
      expect(depth6.inputs).toMatchObject([{ name: 'churn-train', digest: 'a1b2c3d4', context: 'train' }]);
      expect((await api.runs.get.query({ runId: RUN.depth12 })).status).toBe('FAILED');
      const baseline = await api.runs.get.query({ runId: RUN.baseline });
      expect(baseline).toMatchObject({ experimentName: 'Default', status: 'FINISHED', sourceCommit: '3f2a9c1e8d7b6a5f4e3d2c1b0a9f8e7d6c5b4a39' });

      // Histories: nested keys, NaN and ±Infinity, a 2-field line at step 0.
      expect(await history(server, RUN.depth6, 'train/loss')).toHaveLength(5);
      expect((await history(server, RUN.depth6, 'val/auc')).map((p) => p.value)).toEqual([0.71, 'NaN', 0.74]);
      expect((await history(server, RUN.depth6, 'grad_norm')).map((p) => [p.step, p.value])).toEqual([
        [0, 1.5],
        [1, 'Infinity'],
        [2, '-Infinity'],
      ]);
      expect(await history(server, RUN.baseline, 'acc')).toEqual([{ key: 'acc', value: 0.81, timestamp: 1_700_000_050_000, step: 0 }]);

      // Deleted runs and experiments stay behind.
      await expect(api.runs.get.query({ runId: RUN.deleted })).rejects.toThrow(/No run/);
      await expect(api.runs.get.query({ runId: RUN.trashed })).rejects.toThrow(/No run/);

      // The registry, through Quorum's MLflow endpoints; stage and alias as tags only.
      const { registered_model: model } = await server.mlflowGet<{ registered_model: { description?: string; tags?: { key: string; value: string }[]; aliases?: unknown[] } }>(
        'registered-models/get',
        { name: 'churn-classifier' },
      );
      expect(model.description).toBe('Predicts which customers leave');
      expect(model.tags).toContainEqual({ key: 'owner', value: 'risk-team' });
      expect(model.aliases ?? []).toEqual([]);
      const { model_versions: versions = [] } = await server.mlflowGet<{ model_versions?: { version: string; run_id?: string; source: string; tags?: { key: string; value: string }[] }[] }>(
        'model-versions/search',
        { filter: "name='churn-classifier'" },
      );
      const byNumber = Object.fromEntries(versions.map((v) => [v.version, v]));
      expect(Object.keys(byNumber).sort()).toEqual(['1', '2']);
      expect(byNumber['1']).toMatchObject({ run_id: RUN.depth6 });
      expect(byNumber['1']!.tags).toEqual(expect.arrayContaining([{ key: 'validation', value: 'superseded' }, { key: 'quorum.import.stage', value: 'Archived' }]));
      expect(byNumber['2']).toMatchObject({ run_id: RUN.depth8, source: expect.stringContaining(`${RUN.depth8}/artifacts/model`) });
      expect(byNumber['2']!.tags).toEqual(
        expect.arrayContaining([
          { key: 'validation', value: 'approved' },
          { key: 'quorum.import.stage', value: 'Production' },
          { key: 'quorum.import.aliases', value: 'champion' },
        ]),
      );
    });

    it('imports nothing twice when run again', async () => {
      const before = await history(server, RUN.depth6, 'train/loss');
      const summary = await mlflowImport({ source: new MlrunsSource(FIXTURE), quorum: server.quorum });
      expect(summary).toMatchObject({
        experimentsCreated: 0,
        experimentsExisting: 2,
        runsImported: 0,
        runsResumed: 0,
        runsExisting: 4,
        pointsImported: 0,
        modelsImported: 0,
        modelsExisting: 1,
        versionsImported: 0,
        versionsExisting: 2,
        failures: [],
      });
      expect(await history(server, RUN.depth6, 'train/loss')).toEqual(before);
      expect(await server.quorum.api.experiments.list.query({ includeArchived: true })).toHaveLength(2);
    });

    it('finishes a run whose marker is missing without storing its points again', async () => {
      await server.mlflowPost('runs/delete-tag', { run_id: RUN.depth6, key: IMPORT_MARKER_TAG });
      const summary = await mlflowImport({ source: new MlrunsSource(FIXTURE), quorum: server.quorum });
      expect(summary).toMatchObject({ runsResumed: 1, runsExisting: 3, pointsImported: 0, pointsExisting: 11, failures: [] });
      expect(await history(server, RUN.depth6, 'val/auc')).toHaveLength(3);
      expect((await server.quorum.api.runs.get.query({ runId: RUN.depth6 })).tags[IMPORT_MARKER_TAG]).toBeDefined();
    });

    it('finishes an import cut short mid-run, with every chunk of points stored once', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'quorum-mlruns-'));
      try {
        const points = (n: number, scale: number) => Array.from({ length: n }, (_, i) => ({ step: i, timestamp: 1_700_100_000_000 + i, value: scale / (i + 1) }));
        const runs = ['a', 'b', 'c'].map((c, i) => ({ id: c.repeat(32), name: `long-${c}`, startTime: 1_700_100_000_000 + i, endTime: 1_700_200_000_000 }));
        await mlrunsExperimentWrite(dir, { id: '7', name: 'long-runs' }, [
          { ...runs[0]!, params: { n: '1' }, metrics: { loss: points(100, 1) } },
          // 15,000 + 10,000 points: three chunks; the source fails while reading `val`, after the first.
          { ...runs[1]!, params: { n: '2' }, metrics: { loss: points(15_000, 2), val: points(10_000, 3) } },
          { ...runs[2]!, params: { n: '3' }, metrics: { loss: points(50, 4) } },
        ]);
        const flaky = (): MlflowSource => {
          const real = new MlrunsSource(dir);
          return Object.assign(Object.create(real) as MlrunsSource, {
            metricHistory: (run: MlflowRun, key: string) => {
              if (run.id === runs[1]!.id && key === 'val') return Promise.reject(new MlflowUnreachableError('the disk went away'));
              return real.metricHistory(run, key);
            },
          });
        };
        // One run at a time, so the state at the cut is known: a done, b cut short, c not started.
        await expect(mlflowImport({ source: flaky(), quorum: server.quorum, concurrency: 1 })).rejects.toThrow('the disk went away');
        const cut = await server.quorum.api.runs.get.query({ runId: runs[1]!.id });
        expect(cut.tags[IMPORT_MARKER_TAG]).toBeUndefined();
        expect(cut.status).toBe('RUNNING');
        expect(await history(server, runs[1]!.id, 'loss')).toHaveLength(10_000);
        await expect(server.quorum.api.runs.get.query({ runId: runs[2]!.id })).rejects.toThrow(/No run/);

        const summary = await mlflowImport({ source: new MlrunsSource(dir), quorum: server.quorum });
        expect(summary).toMatchObject({ runsImported: 1, runsResumed: 1, pointsImported: 15_000 + 50, pointsExisting: 10_000, failures: [] });
        const loss = await history(server, runs[1]!.id, 'loss');
        expect(loss).toHaveLength(15_000);
        expect(new Set(loss.map((p) => p.step)).size).toBe(15_000);
        expect(await history(server, runs[1]!.id, 'val')).toHaveLength(10_000);
        const finished = await server.quorum.api.runs.get.query({ runId: runs[1]!.id });
        expect(finished).toMatchObject({ status: 'FINISHED', endTime: 1_700_200_000_000, params: { n: '2' } });
        expect(finished.tags[IMPORT_MARKER_TAG]).toBe(`${dir}#${runs[1]!.id}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
