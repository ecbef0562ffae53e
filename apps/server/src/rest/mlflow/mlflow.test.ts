// The MLflow REST API over HTTP against the real app, as MLflow clients call it.
import { beforeAll, describe, expect, it } from 'vitest';
import { passwordHash } from '../../auth/passwords';
import { userInsert } from '@quorum/db';
import { describeEachEngine, serveForSuite } from '../../test/harness';
import { experimentFilterParse } from './experiment-search';
import { mlflowBasicCacheClear } from './auth';

describeEachEngine('MLflow REST API', (get) => {
  const served = serveForSuite(get);
  let token = '';
  beforeAll(async () => {
    token = await get().tokenFor('data_scientist');
  });

  type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const call = async (
    method: 'GET' | 'POST',
    path: string,
    body: Json = {},
    opts: { auth?: string | null; prefix?: string } = {},
  ): Promise<{ status: number; json: Json }> => {
    const authorization = opts.auth === undefined ? `Bearer ${token}` : opts.auth;
    const headers: Record<string, string> = { accept: 'application/json', ...(authorization && { authorization }) };
    let url = `${served.url()}${opts.prefix ?? '/api/2.0/mlflow'}/${path}`;
    let init: RequestInit = { method, headers };
    if (method === 'GET') {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(body)) for (const x of Array.isArray(v) ? v : [v]) qs.append(k, String(x));
      url += `?${qs}`;
    } else {
      init = { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
    }
    const res = await fetch(url, init);
    return { status: res.status, json: (await res.json()) as Json };
  };
  const ok = async (method: 'GET' | 'POST', path: string, body: Json = {}, opts: { auth?: string | null; prefix?: string } = {}) => {
    const r = await call(method, path, body, opts);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return r.json;
  };

  it('creates an experiment and a run, logs a batch with NaN and ±Infinity, and reads the history back', async () => {
    const { experiment_id } = await ok('POST', 'experiments/create', { name: 'mlflow-basic', tags: [{ key: 'mlflow.note.content', value: 'from mlflow' }] });
    expect(experiment_id).toMatch(/^\d+$/);
    const { experiment } = await ok('GET', 'experiments/get', { experiment_id });
    expect(experiment).toMatchObject({ experiment_id, name: 'mlflow-basic', lifecycle_stage: 'active', tags: [{ key: 'mlflow.note.content', value: 'from mlflow' }] });
    expect((await ok('GET', 'experiments/get-by-name', { experiment_name: 'mlflow-basic' })).experiment.experiment_id).toBe(experiment_id);

    const { run } = await ok('POST', 'runs/create', { experiment_id, start_time: 1_000, user_id: 'alice', tags: [{ key: 'mlflow.runName', value: 'bold-fox' }, { key: 'team', value: 'ml' }] });
    const runId: string = run.info.run_id;
    expect(run.info).toMatchObject({ run_uuid: runId, run_name: 'bold-fox', experiment_id, user_id: 'alice', status: 'RUNNING', start_time: 1_000, lifecycle_stage: 'active' });
    expect(run.info.end_time).toBeUndefined();
    expect(run.data.tags).toEqual(expect.arrayContaining([{ key: 'mlflow.runName', value: 'bold-fox' }, { key: 'team', value: 'ml' }]));

    await ok('POST', 'runs/log-batch', {
      run_id: runId,
      metrics: [
        { key: 'loss', value: 0.5, timestamp: 2_000, step: 0 },
        { key: 'loss', value: 'NaN', timestamp: 2_001, step: 1 },
        { key: 'loss', value: 'Infinity', timestamp: 2_002, step: 2 },
        { key: 'loss', value: '-Infinity', timestamp: '2003', step: '3' },
      ],
      params: [{ key: 'lr', value: '0.01' }],
      tags: [{ key: 'phase', value: 'train' }],
    });
    await ok('POST', 'runs/log-metric', { run_id: runId, run_uuid: runId, key: 'acc', value: 0.9, timestamp: 2_010 });
    await ok('POST', 'runs/log-parameter', { run_uuid: runId, key: 'epochs', value: '3' });
    await ok('POST', 'runs/set-tag', { run_id: runId, key: 'phase', value: 'eval' });

    const history = await ok('GET', 'metrics/get-history', { run_id: runId, metric_key: 'loss' });
    expect(history.metrics).toEqual([
      { key: 'loss', value: 0.5, timestamp: 2_000, step: 0 },
      { key: 'loss', value: 'NaN', timestamp: 2_001, step: 1 },
      { key: 'loss', value: 'Infinity', timestamp: 2_002, step: 2 },
      { key: 'loss', value: '-Infinity', timestamp: 2_003, step: 3 },
    ]);
    const page = await ok('GET', 'metrics/get-history', { run_uuid: runId, metric_key: 'loss', max_results: 3 });
    expect(page.metrics).toHaveLength(3);
    const rest = await ok('GET', 'metrics/get-history', { run_id: runId, metric_key: 'loss', max_results: 3, page_token: page.next_page_token });
    expect(rest.metrics).toEqual([{ key: 'loss', value: '-Infinity', timestamp: 2_003, step: 3 }]);
    expect(rest.next_page_token).toBeUndefined();
    expect(await ok('GET', 'metrics/get-history', { run_id: runId, metric_key: 'never-logged' })).toEqual({});

    const { run_info } = await ok('POST', 'runs/update', { run_id: runId, run_uuid: runId, status: 'FINISHED', end_time: 5_000 });
    expect(run_info).toMatchObject({ run_id: runId, status: 'FINISHED', end_time: 5_000 });

    const got = (await ok('GET', 'runs/get', { run_id: runId })).run;
    expect(got.info.status).toBe('FINISHED');
    expect(got.data.params).toEqual(expect.arrayContaining([{ key: 'lr', value: '0.01' }, { key: 'epochs', value: '3' }]));
    expect(got.data.metrics).toEqual(expect.arrayContaining([{ key: 'acc', value: 0.9, timestamp: 2_010, step: 0 }, { key: 'loss', value: '-Infinity', timestamp: 2_003, step: 3 }]));
    expect(got.data.tags).toEqual(expect.arrayContaining([{ key: 'phase', value: 'eval' }]));

    // The same run, seen through Quorum's own API.
    const found = await get().caller.runs.search({ experimentIds: [Number(experiment_id)] });
    expect(found.runs.map((r) => r.id)).toEqual([runId]);
    expect(found.runs[0]).toMatchObject({ name: 'bold-fox', status: 'FINISHED', params: { lr: '0.01', epochs: '3' }, tags: { team: 'ml', phase: 'eval' } });
    expect(found.runs[0]!.metrics.loss!.value).toBe(-Infinity);

    // Writes are audited under the Quorum procedure they map to.
    const audit = await get().callerAs('compliance_lead').audit.list({ entityId: runId });
    expect(JSON.stringify(audit)).toContain('runs.logBatch');
    expect(JSON.stringify(audit)).toContain('runs.update');
  });

  it('renames a run through set-tag mlflow.runName and update run_name', async () => {
    const { experiment_id } = await ok('POST', 'experiments/create', { name: 'mlflow-rename' });
    const { run } = await ok('POST', 'runs/create', { experiment_id });
    expect(run.info.run_name).toMatch(/^\w+-\w+-\d+$/);
    await ok('POST', 'runs/set-tag', { run_id: run.info.run_id, key: 'mlflow.runName', value: 'renamed' });
    expect((await ok('GET', 'runs/get', { run_id: run.info.run_id })).run.info.run_name).toBe('renamed');
    const { run_info } = await ok('POST', 'runs/update', { run_id: run.info.run_id, run_name: 'again' });
    expect(run_info.run_name).toBe('again');
    const conflict = await call('POST', 'runs/create', { experiment_id, run_name: 'a', tags: [{ key: 'mlflow.runName', value: 'b' }] });
    expect(conflict.status).toBe(400);
  });

  it('creates runs without an experiment in "Default" (experiment "0")', async () => {
    const { run } = await ok('POST', 'runs/create', {});
    const { experiment } = await ok('GET', 'experiments/get', { experiment_id: '0' });
    expect(experiment.name).toBe('Default');
    expect(run.info.experiment_id).toBe(experiment.experiment_id);
  });

  it('searches experiments by name with pagination', async () => {
    for (const n of ['search-a', 'search-b', 'search-c']) await ok('POST', 'experiments/create', { name: n });
    const first = await ok('POST', 'experiments/search', { filter: "name LIKE 'search-%'", max_results: 2, order_by: ['name ASC'] });
    expect(first.experiments.map((e: Json) => e.name)).toEqual(['search-a', 'search-b']);
    const second = await ok('GET', 'experiments/search', { filter: "name LIKE 'search-%'", max_results: 2, order_by: 'name ASC', page_token: first.next_page_token });
    expect(second.experiments.map((e: Json) => e.name)).toEqual(['search-c']);
    expect(second.next_page_token).toBeUndefined();
    expect(await ok('POST', 'experiments/search', { filter: "name = 'nothing-like-this'" })).toEqual({});
    const bad = await call('POST', 'experiments/search', { filter: "name = 'x' OR name = 'y'" });
    expect(bad).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
  });

  it("answers errors in MLflow's format and statuses", async () => {
    const unknownRun = await call('GET', 'runs/get', { run_id: 'f'.repeat(32) });
    expect(unknownRun).toEqual({ status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: `Run with id=${'f'.repeat(32)} not found` } });
    expect((await call('POST', 'runs/log-metric', { run_id: 'nope', key: 'm', value: 1, timestamp: 1 })).json.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(await call('GET', 'experiments/get-by-name', { experiment_name: 'no-such' })).toMatchObject({ status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
    expect(await call('GET', 'experiments/get', { experiment_id: '999999' })).toMatchObject({ status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });

    const { experiment_id } = await ok('POST', 'experiments/create', { name: 'mlflow-errors' });
    expect(await call('POST', 'experiments/create', { name: 'mlflow-errors' })).toMatchObject({ status: 400, json: { error_code: 'RESOURCE_ALREADY_EXISTS' } });
    const { run } = await ok('POST', 'runs/create', { experiment_id });
    const runId: string = run.info.run_id;
    await ok('POST', 'runs/log-parameter', { run_id: runId, key: 'lr', value: '0.1' });
    await ok('POST', 'runs/log-parameter', { run_id: runId, key: 'lr', value: '0.1' }); // idempotent
    const changed = await call('POST', 'runs/log-parameter', { run_id: runId, key: 'lr', value: '0.2' });
    expect(changed).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
    const changedInBatch = await call('POST', 'runs/log-batch', { run_id: runId, params: [{ key: 'lr', value: '0.3' }] });
    expect(changedInBatch).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });

    expect(await call('POST', 'runs/log-metric', { run_id: runId, key: 'm', timestamp: 1 })).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE', message: "Missing value for required parameter 'value'" } });
    expect((await call('POST', 'runs/log-metric', { run_id: runId, key: 'm', value: true, timestamp: 1 })).status).toBe(400);
    expect((await call('POST', 'runs/log-metric', { run_id: runId, key: 'a//b', value: 1, timestamp: 1 })).status).toBe(400);
    const tooMany = await call('POST', 'runs/log-batch', { run_id: runId, metrics: Array.from({ length: 1001 }, (_, i) => ({ key: 'm', value: i, timestamp: 1, step: i })) });
    expect(tooMany).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(await call('GET', 'metrics/get-history', { run_id: runId })).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(await call('GET', 'runs/nothing-here')).toMatchObject({ status: 404, json: { error_code: 'ENDPOINT_NOT_FOUND' } });
  });

  it('refuses missing or bad credentials with 401 and writes outside the policy with 403', async () => {
    expect(await call('GET', 'experiments/search', {}, { auth: null })).toMatchObject({ status: 401, json: { error_code: 'UNAUTHENTICATED' } });
    expect(await call('POST', 'experiments/create', { name: 'anon' }, { auth: null })).toMatchObject({ status: 401, json: { error_code: 'UNAUTHENTICATED' } });
    expect(await call('GET', 'experiments/search', {}, { auth: 'Bearer not-a-token' })).toMatchObject({ status: 401, json: { error_code: 'UNAUTHENTICATED' } });
    expect(await call('GET', 'experiments/search', {}, { auth: null, prefix: '/ajax-api/2.0/mlflow' })).toMatchObject({ status: 401 });

    const viewer = await get().tokenFor('product_owner');
    const refused = await call('POST', 'experiments/create', { name: 'not-allowed' }, { auth: `Bearer ${viewer}` });
    expect(refused).toMatchObject({ status: 403, json: { error_code: 'PERMISSION_DENIED' } });
    // Reads are open to every signed-in role.
    await ok('GET', 'experiments/search', {}, { auth: `Bearer ${viewer}` });
  });

  it('accepts Basic credentials (MLFLOW_TRACKING_USERNAME / PASSWORD) and the /ajax-api prefix', async () => {
    const email = 'basic-user@test.quorum';
    const password = 'correct horse battery';
    await userInsert(get().handle.db, { email, name: 'Basic User', kind: 'human', roles: ['data_scientist'], passwordHash: await passwordHash(password), createdAt: get().clock.now() });
    const basic = (p: string) => `Basic ${Buffer.from(`${email}:${p}`).toString('base64')}`;
    const { experiment_id } = await ok('POST', 'experiments/create', { name: 'via-basic' }, { auth: basic(password) });
    const { experiment } = await ok('GET', 'experiments/get', { experiment_id }, { auth: basic(password), prefix: '/ajax-api/2.0/mlflow' });
    expect(experiment.name).toBe('via-basic');
    mlflowBasicCacheClear();
    expect(await call('GET', 'experiments/get', { experiment_id }, { auth: basic('wrong password!') })).toMatchObject({ status: 401, json: { error_code: 'UNAUTHENTICATED' } });
    // Token auth works under /ajax-api too, and POSTs there must be JSON.
    await ok('GET', 'experiments/get', { experiment_id }, { prefix: '/ajax-api/2.0/mlflow' });
    const form = await fetch(`${served.url()}/ajax-api/2.0/mlflow/experiments/create`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, body: '{"name":"form"}' });
    expect(form.status).toBe(400);
  });
});

describe('experiment filter', () => {
  it('parses AND-joined clauses and rejects the rest', () => {
    expect(experimentFilterParse(`name = 'a b' AND creation_time > 5`)).toEqual([
      { attr: 'name', op: '=', value: 'a b' },
      { attr: 'creation_time', op: '>', value: 5 },
    ]);
    expect(experimentFilterParse(`attributes.name ILIKE "%x%"`)).toEqual([{ attr: 'name', op: 'ILIKE', value: '%x%' }]);
    expect(experimentFilterParse("tags.team = 'x' AND tag.`data-set` LIKE 'a%' AND tags.mlflow.note.content != \"n\"")).toEqual([
      { attr: 'tag', key: 'team', op: '=', value: 'x' },
      { attr: 'tag', key: 'data-set', op: 'LIKE', value: 'a%' },
      { attr: 'tag', key: 'mlflow.note.content', op: '!=', value: 'n' },
    ]);
    expect(() => experimentFilterParse(`tags.team > 'x'`)).toThrow(/tags.team takes =, !=, LIKE or ILIKE/);
    expect(() => experimentFilterParse(`tags.team = 5`)).toThrow(/quoted string/);
    expect(() => experimentFilterParse(`params.lr = '1'`)).toThrow(/Invalid entity type 'params'/);
    expect(() => experimentFilterParse(`description = 'x'`)).toThrow(/Invalid attribute key 'description'/);
    expect(() => experimentFilterParse(`name = 'a' AND`)).toThrow();
  });
});
