// The real npm `mlflow` 2.0.7 client (Yuhsak/mlflow) against the real app over HTTP:
// what an unchanged Node training script would send. The client takes extra headers in
// its constructor, so it authenticates with `Authorization: Bearer <Quorum API token>`.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Mlflow from 'mlflow';
import { MLflowBase } from 'mlflow/lib/mlflow';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createApp } from '../../app';
import { describeEachEngine } from '../../test/harness';

/**
 * The client has no experiments/get-by-name or experiments/search method; this calls them
 * through the client's own transport (MLflowBase.req: URL building, headers, error wrapping).
 */
class ExperimentsExtra extends MLflowBase {
  constructor(args: ConstructorParameters<typeof MLflowBase>[0]) {
    super(args);
    this.path = '/experiments';
  }
  getByName(experiment_name: string) {
    return this.req('get', '/get-by-name', { experiment_name }) as Promise<{ experiment: { experiment_id: string; name: string } }>;
  }
  search(body: { filter?: string; max_results?: number; order_by?: string[]; page_token?: string; view_type?: string }) {
    return this.req('post', '/search', body) as Promise<{ experiments?: { experiment_id: string; name: string }[]; next_page_token?: string }>;
  }
}

/** The client throws `Error("Error: {status, statusText, data}")`. */
async function clientError(p: Promise<unknown>): Promise<{ status: number; data: { error_code: string; message: string } }> {
  const e: unknown = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof Error)) throw new Error('expected the client to throw');
  return JSON.parse(e.message.replace(/^Error: /, '')) as { status: number; data: { error_code: string; message: string } };
}

describeEachEngine('npm mlflow client', (get) => {
  let server: Server;
  let client: Mlflow;
  let extra: ExperimentsExtra;
  let anonymous: Mlflow;
  beforeAll(async () => {
    // The client console.logs every POST body.
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const token = await get().tokenFor('data_scientist');
    server = createApp({ db: get().handle.db, clock: get().clock, config: { maxBodyBytes: 2 * 1024 * 1024 } }).listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const headers = { Authorization: `Bearer ${token}` };
    client = new Mlflow({ endpoint, headers });
    extra = new ExperimentsExtra({ endpoint, headers });
    anonymous = new Mlflow({ endpoint });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('creates, reads and finds experiments', async () => {
    const { experiment_id } = await client.Experiments.create({ name: 'npm-client-exp', artifact_location: '' });
    expect(experiment_id).toMatch(/^\d+$/);
    const { experiment } = await client.Experiments.get({ experiment_id });
    expect(experiment).toMatchObject({ experiment_id, name: 'npm-client-exp', lifecycle_stage: 'active' });
    expect((await extra.getByName('npm-client-exp')).experiment.experiment_id).toBe(experiment_id);
    const found = await extra.search({ filter: "name LIKE 'npm-client-%'", max_results: 10 });
    expect(found.experiments?.map((e) => e.name)).toContain('npm-client-exp');

    const dup = await clientError(client.Experiments.create({ name: 'npm-client-exp', artifact_location: '' }));
    expect(dup).toMatchObject({ status: 400, data: { error_code: 'RESOURCE_ALREADY_EXISTS' } });
    const missing = await clientError(client.Experiments.get({ experiment_id: '987654' }));
    expect(missing).toMatchObject({ status: 404, data: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'No Experiment with id=987654 exists' } });
    const anon = await clientError(anonymous.Experiments.get({ experiment_id }));
    expect(anon).toMatchObject({ status: 401, data: { error_code: 'UNAUTHENTICATED' } });
  });

  it('logs a run (metric, param, tag, batch), finishes it, reads it back and searches it', async () => {
    const { experiment_id } = await client.Experiments.create({ name: 'npm-client-runs', artifact_location: '' });
    const { run } = await client.Runs.create({ experiment_id, user_id: 'node-trainer', start_time: 1_000, tags: [{ key: 'team', value: 'ml' }] });
    const run_id = run.info.run_id;
    expect(run.info).toMatchObject({ run_uuid: run_id, experiment_id, user_id: 'node-trainer', status: 'RUNNING', start_time: 1_000, lifecycle_stage: 'active' });

    await client.Runs.logMetric({ run_id, key: 'loss', value: 0.9, timestamp: 2_000, step: 0 });
    await client.Runs.logMetric({ run_id, key: 'loss', value: 0.5, timestamp: 2_001, step: 1 });
    await client.Runs.logParameter({ run_id, key: 'lr', value: '0.01' });
    await client.Runs.setTag({ run_id, key: 'phase', value: 'train' });
    await client.Runs.logBatch({
      run_id,
      metrics: [
        { key: 'loss', value: 0.25, timestamp: 2_002, step: 2 },
        { key: 'auc', value: 0.8, timestamp: 2_002, step: 2 },
      ],
      params: [{ key: 'epochs', value: '3' }],
      tags: [{ key: 'phase', value: 'eval' }],
    });
    const changed = await clientError(client.Runs.logParameter({ run_id, key: 'lr', value: '0.02' }));
    expect(changed).toMatchObject({ status: 400, data: { error_code: 'INVALID_PARAMETER_VALUE' } });

    const { run_info } = await client.Runs.update({ run_id, status: 'FINISHED' as never, end_time: 5_000 });
    expect(run_info).toMatchObject({ run_id, status: 'FINISHED', end_time: 5_000 });

    const got = (await client.Runs.get({ run_id })).run;
    expect(got.info.status).toBe('FINISHED');
    expect(got.data.params).toEqual(expect.arrayContaining([{ key: 'lr', value: '0.01' }, { key: 'epochs', value: '3' }]));
    expect(got.data.tags).toEqual(expect.arrayContaining([{ key: 'team', value: 'ml' }, { key: 'phase', value: 'eval' }]));
    expect(got.data.metrics).toEqual(expect.arrayContaining([{ key: 'loss', value: 0.25, timestamp: 2_002, step: 2 }, { key: 'auc', value: 0.8, timestamp: 2_002, step: 2 }]));

    const history = await client.Metrics.getHistory({ run_id, metric_key: 'loss' });
    expect(history.metrics.map((m) => [m.step, m.value])).toEqual([
      [0, 0.9],
      [1, 0.5],
      [2, 0.25],
    ]);

    const { run: other } = await client.Runs.create({ experiment_id, user_id: 'node-trainer', start_time: 1_500 });
    await client.Runs.logMetric({ run_id: other.info.run_id, key: 'auc', value: 0.9, timestamp: 2_100, step: 0 });
    const all = await client.Runs.search({ experiment_ids: [experiment_id] });
    expect(all.runs.map((r) => r.info.run_id)).toEqual([other.info.run_id, run_id]); // start_time DESC
    const good = await client.Runs.search({ experiment_ids: [experiment_id], filter: "metrics.auc > 0.85 and attributes.status = 'RUNNING'" });
    expect(good.runs.map((r) => r.info.run_id)).toEqual([other.info.run_id]);
    const byAuc = await client.Runs.search({ experiment_ids: [experiment_id], order_by: ['metrics.auc ASC'], max_results: 1 });
    expect(byAuc.runs.map((r) => r.info.run_id)).toEqual([run_id]);
    const page2 = await client.Runs.search({ experiment_ids: [experiment_id], order_by: ['metrics.auc ASC'], max_results: 1, page_token: byAuc.next_page_token });
    expect(page2.runs.map((r) => r.info.run_id)).toEqual([other.info.run_id]);

    const missing = await clientError(client.Runs.get({ run_id: 'f'.repeat(32) }));
    expect(missing).toMatchObject({ status: 404, data: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: `Run with id=${'f'.repeat(32)} not found` } });
  });

  it('deletes and restores runs and run tags, and renames, deletes, restores and lists experiments', async () => {
    const { experiment_id } = await client.Experiments.create({ name: 'npm-client-life', artifact_location: '' });
    const { run } = await client.Runs.create({ experiment_id, user_id: 'u', start_time: 1_000 });
    const run_id = run.info.run_id;
    await client.Runs.setTag({ run_id, key: 'scratch', value: 'x' });
    await client.Runs.deleteTag({ run_id, key: 'scratch' });
    expect((await client.Runs.get({ run_id })).run.data.tags?.map((t) => t.key)).not.toContain('scratch');
    expect(await clientError(client.Runs.deleteTag({ run_id, key: 'scratch' }))).toMatchObject({ status: 404, data: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });

    await client.Runs.delete({ run_id });
    expect((await client.Runs.get({ run_id })).run.info.lifecycle_stage).toBe('deleted');
    expect((await client.Runs.search({ experiment_ids: [experiment_id] })).runs ?? []).toEqual([]);
    await client.Runs.restore({ run_id });
    expect((await client.Runs.get({ run_id })).run.info.lifecycle_stage).toBe('active');

    // setExperimentTag posts to `experimentsset-experiment-tag` (the client's missing slash), served as an alias.
    await client.Experiments.setExperimentTag({ experiment_id, key: 'mlflow.note.content', value: 'from node' });
    expect((await client.Experiments.get({ experiment_id })).experiment.tags).toEqual([{ key: 'mlflow.note.content', value: 'from node' }]);
    await client.Experiments.update({ experiment_id, new_name: 'npm-client-life-renamed' });
    expect((await client.Experiments.get({ experiment_id })).experiment.name).toBe('npm-client-life-renamed');
    await client.Experiments.delete({ experiment_id });
    expect((await client.Experiments.get({ experiment_id })).experiment.lifecycle_stage).toBe('deleted');
    const listed = await client.Experiments.list({ view_type: 'DELETED_ONLY' as never });
    expect(listed.experiments.map((e) => e.experiment_id)).toContain(experiment_id);
    await client.Experiments.restore({ experiment_id });
    expect((await client.Experiments.list()).experiments.map((e) => e.experiment_id)).toContain(experiment_id);
  });
});
