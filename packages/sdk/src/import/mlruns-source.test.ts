// Reading MLflow's file store: the committed fixture, and the metric line format.
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { metricLinesParse, MlrunsSource } from './mlruns-source';
import type { MlflowExperiment, MlflowRun } from './source';

const FIXTURE = fileURLToPath(new URL('../../test-fixtures/mlruns', import.meta.url));

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('MlrunsSource on the fixture', () => {
  it('lists experiments, the trashed one as deleted, with their tags', async () => {
    const source = new MlrunsSource(FIXTURE);
    await source.check();
    const experiments = await all(source.experiments());
    expect(experiments.map((e) => [e.id, e.name, e.lifecycleStage])).toEqual([
      ['0', 'Default', 'active'],
      ['428712049812345678', 'churn', 'active'],
      ['731502946381620457', 'old-trials', 'deleted'],
    ]);
    expect(experiments[1]!.tags).toEqual({ 'mlflow.note.content': 'Which customers leave, and why', team: 'risk' });
  });

  it('reads runs with integer statuses, nested keys, deleted runs and dataset inputs', async () => {
    const source = new MlrunsSource(FIXTURE);
    const churn = (await all(source.experiments())).find((e) => e.name === 'churn') as MlflowExperiment;
    const runs = await all(source.runs(churn));
    expect(runs.map((r) => [r.name, r.status, r.lifecycleStage])).toEqual([
      ['xgb-depth-6', 'FINISHED', 'active'],
      ['xgb-depth-8', 'FINISHED', 'active'],
      ['xgb-depth-12', 'FAILED', 'active'],
      ['discarded', 'FINISHED', 'deleted'],
    ]);
    const depth6 = runs[0]!;
    expect(depth6).toMatchObject({ userId: 'bo', startTime: 1_700_007_200_000, endTime: 1_700_007_320_000, params: { max_depth: '6', objective: 'binary:logistic' } });
    expect(depth6.tags['mlflow.source.git.commit']).toBe('9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b');
    expect(depth6.metricKeys).toEqual(['grad_norm', 'train/loss', 'val/auc']);
    expect(depth6.inputs).toEqual([
      {
        name: 'churn-train',
        digest: 'a1b2c3d4',
        sourceType: 'local',
        source: '{"uri": "/data/churn/train.parquet"}',
        schema: '{"mlflow_colspec": [{"type": "double", "name": "tenure"}, {"type": "string", "name": "plan"}]}',
        context: 'train',
      },
    ]);
    expect((await source.metricHistory(depth6, 'val/auc')).map((p) => p.value)).toEqual([0.71, NaN, 0.74]);
    expect((await source.metricHistory(depth6, 'grad_norm')).map((p) => p.value)).toEqual([1.5, Infinity, -Infinity]);
  });

  it('reads a 2-field metric line as step 0', async () => {
    const source = new MlrunsSource(FIXTURE);
    const defaults = (await all(source.experiments()))[0]!;
    const [baseline] = await all(source.runs(defaults));
    expect(await source.metricHistory(baseline as MlflowRun, 'acc')).toEqual([{ key: 'acc', value: 0.81, timestamp: 1_700_000_050_000, step: 0 }]);
  });

  it('reads registered models with versions in order, stages, aliases and tags', async () => {
    const [model, ...rest] = await all(new MlrunsSource(FIXTURE).registeredModels());
    expect(rest).toEqual([]);
    expect(model).toMatchObject({ name: 'churn-classifier', description: 'Predicts which customers leave', tags: { owner: 'risk-team' } });
    expect(model!.versions.map((v) => [v.version, v.stage, v.aliases, v.runId, v.tags])).toEqual([
      [1, 'Archived', [], 'd8e11a7844f54796a157614715e7a139', { validation: 'superseded' }],
      [2, 'Production', ['champion'], '73c7779da4f54fad850dca3470f2806c', { validation: 'approved' }],
    ]);
  });
});

describe('MlrunsSource edge cases', () => {
  it('leaves out a version the registry marked deleted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quorum-mlruns-'));
    try {
      for (const [n, stage] of [
        [1, 'None'],
        [2, 'Deleted_Internal'],
        [3, 'Staging'],
      ] as const) {
        await mkdir(path.join(dir, 'models', 'm', `version-${n}`), { recursive: true });
        await writeFile(path.join(dir, 'models', 'm', `version-${n}`, 'meta.yaml'), `current_stage: ${stage}\nname: m\nsource: s3://b/${n}\nversion: ${n}\n`);
      }
      await writeFile(path.join(dir, 'models', 'm', 'meta.yaml'), 'name: m\n');
      const [model] = await all(new MlrunsSource(dir).registeredModels());
      expect(model!.versions.map((v) => [v.version, v.stage])).toEqual([
        [1, 'None'],
        [3, 'Staging'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('metricLinesParse', () => {
  it("reads Python's nan, inf and -inf, and 2- or 3-field lines", () => {
    expect(metricLinesParse('m', '100 nan 1\n101 inf 2\n102 -inf\n103 1e-05 4\n')).toEqual([
      { key: 'm', timestamp: 100, value: NaN, step: 1 },
      { key: 'm', timestamp: 101, value: Infinity, step: 2 },
      { key: 'm', timestamp: 102, value: -Infinity, step: 0 },
      { key: 'm', timestamp: 103, value: 0.00001, step: 4 },
    ]);
  });

  it('names the file and line of a malformed point', () => {
    expect(() => metricLinesParse('m', '100 0.5 1\n101 oops 2\n', 'metrics/m')).toThrow('metrics/m, line 2: "oops" is not a number');
    expect(() => metricLinesParse('m', '100 0.5 1 9\n', 'metrics/m')).toThrow('metrics/m, line 1: expected 2 or 3 fields, found 4');
    expect(() => metricLinesParse('m', '1.5 0.5 1\n', 'metrics/m')).toThrow('timestamp "1.5" is not a whole number');
  });
});
