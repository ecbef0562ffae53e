// Request/response tests for runs/search, runs/delete|restore|delete-tag and
// experiments/update|delete|restore|list, over HTTP against the real app.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, serveForSuite } from '../../test/harness';
import { mlflowHttp, type Json } from '../../test/mlflow-http';
import { mlflowRunFilterCheck, mlflowRunOrderBy } from './runs-routes';

describeEachEngine('MLflow REST API: search and lifecycle', (get) => {
  const served = serveForSuite(get);
  let token = '';
  beforeAll(async () => {
    token = await get().tokenFor('data_scientist');
  });

  const { call, ok } = mlflowHttp(served.url, () => token);
  const err = (status: number, error_code: string, message?: string) => ({ status, json: { error_code, ...(message !== undefined && { message }) } });

  async function seed(name: string) {
    const { experiment_id } = await ok('POST', 'experiments/create', { name });
    const ids: string[] = [];
    for (const [i, auc] of [0.7, 0.9, 0.8].entries()) {
      const { run } = await ok('POST', 'runs/create', { experiment_id, start_time: 1_000 + i, run_name: `r${i}`, tags: [{ key: 'user-name', value: i === 1 ? 'ana' : 'bo' }] });
      await ok('POST', 'runs/log-batch', { run_id: run.info.run_id, metrics: [{ key: 'auc', value: auc, timestamp: 5, step: 0 }], params: [{ key: 'lr', value: String(i / 10) }] });
      ids.push(run.info.run_id);
    }
    const { run } = await ok('POST', 'runs/create', { experiment_id, start_time: 999, run_name: 'no-metrics' });
    ids.push(run.info.run_id);
    return { experiment_id, ids };
  }

  it('runs/search: filter, order_by and page tokens', async () => {
    const { experiment_id, ids } = await seed('search-runs');
    const [r0, r1, r2, r3] = ids as [string, string, string, string];
    const idsOf = (j: Json) => ((j.runs ?? []) as Json[]).map((r) => r.info.run_id as string);

    const all = await ok('POST', 'runs/search', { experiment_ids: [experiment_id] });
    expect(Object.keys(all)).toEqual(['runs']);
    expect(idsOf(all)).toEqual([r2, r1, r0, r3]); // start_time DESC
    expect(all.runs[0]).toMatchObject({ info: { run_id: r2, run_name: 'r2', experiment_id, lifecycle_stage: 'active' }, data: { metrics: [{ key: 'auc', value: 0.8, timestamp: 5, step: 0 }] } });

    expect(idsOf(await ok('POST', 'runs/search', { experiment_ids: [experiment_id], filter: 'metrics.auc >= 0.8' }))).toEqual([r2, r1]);
    expect(idsOf(await ok('POST', 'runs/search', { experiment_ids: [experiment_id], filter: "metrics.auc > 0.5 AND params.lr = '0.1'" }))).toEqual([r1]);
    expect(idsOf(await ok('POST', 'runs/search', { experiment_ids: [experiment_id], filter: 'tags.`user-name` = "ana"' }))).toEqual([r1]);
    expect(idsOf(await ok('POST', 'runs/search', { experiment_ids: [experiment_id], filter: "attributes.run_name LIKE 'r%' and run_id IN ('" + r0 + "')" }))).toEqual([r0]);
    expect(await ok('POST', 'runs/search', { experiment_ids: [experiment_id], filter: 'metrics.auc > 5' })).toEqual({});
    expect(await ok('POST', 'runs/search', { experiment_ids: ['424242'] })).toEqual({});

    // Missing values sort last in both directions; the default direction is ASC.
    expect(idsOf(await ok('POST', 'runs/search', { experiment_ids: [experiment_id], order_by: ['metrics.auc'] }))).toEqual([r0, r2, r1, r3]);
    expect(idsOf(await ok('POST', 'runs/search', { experiment_ids: [experiment_id], order_by: ['metrics.`auc` DESC'] }))).toEqual([r1, r2, r0, r3]);
    expect(idsOf(await ok('POST', 'runs/search', { experiment_ids: [experiment_id], order_by: ['attribute.start_time asc'] }))).toEqual([r3, r0, r1, r2]);

    const p1 = await ok('POST', 'runs/search', { experiment_ids: [experiment_id], order_by: ['params.lr DESC'], max_results: 2 });
    expect(idsOf(p1)).toEqual([r2, r1]);
    expect(JSON.parse(Buffer.from(p1.next_page_token as string, 'base64').toString())).toEqual({ offset: 2 });
    const p2 = await ok('POST', 'runs/search', { experiment_ids: [experiment_id], order_by: ['params.lr DESC'], max_results: 2, page_token: p1.next_page_token });
    expect(idsOf(p2)).toEqual([r0, r3]);
    expect(p2.next_page_token).toBeUndefined();

    const base = { experiment_ids: [experiment_id] };
    expect(await call('POST', 'runs/search', { ...base, filter: 'metrics.auc > 0.5 OR metrics.auc < 0.1' })).toMatchObject(err(400, 'INVALID_PARAMETER_VALUE'));
    expect(await call('POST', 'runs/search', { ...base, filter: 'metrics.auc >' })).toMatchObject(err(400, 'INVALID_PARAMETER_VALUE'));
    expect(await call('POST', 'runs/search', { ...base, order_by: ['bogus.auc'] })).toMatchObject(err(400, 'INVALID_PARAMETER_VALUE'));
    expect(await call('POST', 'runs/search', { ...base, max_results: 0 })).toMatchObject(err(400, 'INVALID_PARAMETER_VALUE'));
    expect(await call('POST', 'runs/search', { ...base, max_results: 50_001 })).toMatchObject(err(400, 'INVALID_PARAMETER_VALUE'));
    expect(await call('POST', 'runs/search', { ...base, page_token: 'not-a-token' })).toMatchObject(err(400, 'INVALID_PARAMETER_VALUE'));
    expect(await call('POST', 'runs/search', { ...base, run_view_type: 'SOME' })).toMatchObject(err(400, 'INVALID_PARAMETER_VALUE'));
    expect(await call('GET', 'runs/search', base)).toMatchObject(err(404, 'ENDPOINT_NOT_FOUND'));
  });

  it('runs/delete, runs/restore and runs/delete-tag', async () => {
    const { ids } = await seed('lifecycle-runs');
    const runId = ids[0]!;
    expect(await ok('POST', 'runs/delete', { run_id: runId })).toEqual({});
    expect(await ok('POST', 'runs/delete', { run_id: runId })).toEqual({}); // idempotent
    expect((await ok('GET', 'runs/get', { run_id: runId })).run.info.lifecycle_stage).toBe('deleted');
    expect(await call('POST', 'runs/set-tag', { run_id: runId, key: 'k', value: 'v' })).toEqual(
      err(400, 'INVALID_PARAMETER_VALUE', `The run ${runId} must be in the 'active' state. Current state is deleted.`),
    );
    expect(await call('POST', 'runs/delete-tag', { run_id: runId, key: 'user-name' })).toMatchObject(err(400, 'INVALID_PARAMETER_VALUE'));
    expect(await ok('POST', 'runs/restore', { run_uuid: runId })).toEqual({});
    expect(await ok('POST', 'runs/restore', { run_id: runId })).toEqual({});
    expect((await ok('GET', 'runs/get', { run_id: runId })).run.info.lifecycle_stage).toBe('active');

    expect(await ok('POST', 'runs/delete-tag', { run_id: runId, key: 'user-name' })).toEqual({});
    expect((await ok('GET', 'runs/get', { run_id: runId })).run.data.tags).toEqual([{ key: 'mlflow.runName', value: 'r0' }]);
    expect(await call('POST', 'runs/delete-tag', { run_id: runId, key: 'user-name' })).toEqual(err(404, 'RESOURCE_DOES_NOT_EXIST', `No tag with name: user-name in run with id ${runId}`));
    expect(await call('POST', 'runs/delete-tag', { run_id: runId })).toMatchObject(err(400, 'INVALID_PARAMETER_VALUE'));

    const nope = 'e'.repeat(32);
    expect(await call('POST', 'runs/delete', { run_id: nope })).toEqual(err(404, 'RESOURCE_DOES_NOT_EXIST', `Run with id=${nope} not found`));
    expect(await call('POST', 'runs/restore', {})).toMatchObject(err(400, 'INVALID_PARAMETER_VALUE'));
    expect(await call('POST', 'runs/delete', { run_id: runId }, `Bearer ${await get().tokenFor('product_owner')}`)).toMatchObject(err(403, 'PERMISSION_DENIED'));

    const audit = JSON.stringify(await get().callerAs('compliance_lead').audit.list({ entityId: runId }));
    for (const action of ['runs.delete', 'runs.restore', 'runs.deleteTag']) expect(audit).toContain(action);
  });

  it('experiments/update, delete, restore and the legacy list', async () => {
    const { experiment_id } = await ok('POST', 'experiments/create', { name: 'life-exp' });
    await ok('POST', 'experiments/create', { name: 'life-taken' });
    expect(await ok('POST', 'experiments/update', { experiment_id, new_name: 'life-exp-2' })).toEqual({});
    expect((await ok('GET', 'experiments/get', { experiment_id })).experiment.name).toBe('life-exp-2');
    expect(await call('POST', 'experiments/update', { experiment_id, new_name: 'life-taken' })).toMatchObject(err(400, 'RESOURCE_ALREADY_EXISTS'));
    expect(await call('POST', 'experiments/update', { experiment_id })).toMatchObject(err(400, 'INVALID_PARAMETER_VALUE'));
    expect(await call('POST', 'experiments/update', { experiment_id: '777777', new_name: 'x' })).toEqual(err(404, 'RESOURCE_DOES_NOT_EXIST', 'No Experiment with id=777777 exists'));

    expect(await ok('POST', 'experiments/delete', { experiment_id })).toEqual({});
    expect((await ok('GET', 'experiments/get', { experiment_id })).experiment.lifecycle_stage).toBe('deleted');
    expect(await call('POST', 'experiments/delete', { experiment_id })).toEqual(err(404, 'RESOURCE_DOES_NOT_EXIST', `No Experiment with id=${experiment_id} exists`));
    expect(await call('POST', 'experiments/update', { experiment_id, new_name: 'life-exp-3' })).toMatchObject(err(500, 'INVALID_STATE'));
    expect(await call('POST', 'runs/create', { experiment_id })).toMatchObject(err(400, 'INVALID_PARAMETER_VALUE'));

    const names = (j: Json) => ((j.experiments ?? []) as Json[]).map((e) => e.name as string);
    expect(names(await ok('GET', 'experiments/list'))).not.toContain('life-exp-2');
    expect(names(await ok('GET', 'experiments/list', { view_type: 'DELETED_ONLY' }))).toEqual(['life-exp-2']);
    expect(names(await ok('GET', 'experiments/list', { view_type: 'ALL' }))).toEqual(expect.arrayContaining(['life-exp-2', 'life-taken']));
    expect(names(await ok('POST', 'experiments/search', { view_type: 'DELETED_ONLY' }))).toEqual(['life-exp-2']);
    const page = await ok('GET', 'experiments/list', { view_type: 'ALL', max_results: 1 });
    expect(page.experiments).toHaveLength(1);
    expect(page.next_page_token).toEqual(expect.any(String));
    expect(await call('GET', 'experiments/list', { view_type: 'SOME' })).toMatchObject(err(400, 'INVALID_PARAMETER_VALUE'));

    expect(await ok('POST', 'experiments/restore', { experiment_id })).toEqual({});
    expect(await call('POST', 'experiments/restore', { experiment_id })).toEqual(err(404, 'RESOURCE_DOES_NOT_EXIST', `No Experiment with id=${experiment_id} exists`));
    expect((await ok('GET', 'experiments/get', { experiment_id })).experiment.lifecycle_stage).toBe('active');
    expect(await call('POST', 'experiments/delete', { experiment_id }, `Bearer ${await get().tokenFor('product_owner')}`)).toMatchObject(err(403, 'PERMISSION_DENIED'));

    const audit = JSON.stringify(await get().callerAs('compliance_lead').audit.list({ entityId: experiment_id }));
    for (const action of ['experiments.rename', 'experiments.archive']) expect(audit).toContain(action);
  });

  it('experiment tags: mlflow.note.content is the description', async () => {
    const { experiment_id } = await ok('POST', 'experiments/create', { name: 'tag-exp' });
    const note = { experiment_id, key: 'mlflow.note.content', value: 'What this experiment is for' };
    expect(await ok('POST', 'experiments/set-experiment-tag', note)).toEqual({});
    expect((await ok('GET', 'experiments/get', { experiment_id })).experiment.tags).toEqual([{ key: 'mlflow.note.content', value: 'What this experiment is for' }]);
    expect(await ok('POST', 'experimentsset-experiment-tag', { ...note, value: 'npm client path' })).toEqual({});
    expect((await ok('GET', 'experiments/get', { experiment_id })).experiment.tags).toEqual([{ key: 'mlflow.note.content', value: 'npm client path' }]);
    expect(await ok('POST', 'experiments/delete-experiment-tag', { experiment_id, key: 'mlflow.note.content' })).toEqual({});
    expect((await ok('GET', 'experiments/get', { experiment_id })).experiment.tags).toBeUndefined();
    expect(await call('POST', 'experiments/delete-experiment-tag', { experiment_id, key: 'mlflow.note.content' })).toEqual(
      err(404, 'RESOURCE_DOES_NOT_EXIST', `No tag with name: mlflow.note.content in experiment with id ${experiment_id}`),
    );
    expect(await call('POST', 'experiments/set-experiment-tag', { experiment_id: '888888', key: 'mlflow.note.content', value: 'x' })).toMatchObject(err(404, 'RESOURCE_DOES_NOT_EXIST'));
    await ok('POST', 'experiments/delete', { experiment_id });
    expect(await call('POST', 'experiments/set-experiment-tag', note)).toMatchObject(err(400, 'INVALID_PARAMETER_VALUE'));
    const audit = JSON.stringify(await get().callerAs('compliance_lead').audit.list({ entityId: experiment_id }));
    expect(audit).toContain('experiments.describe');
  });
});

describe('MLflow run search mapping', () => {
  it('maps order_by onto Quorum sort fields (ASC by default)', () => {
    expect(mlflowRunOrderBy([])).toBeUndefined();
    expect(mlflowRunOrderBy(['metrics.auc DESC'])).toEqual({ field: 'metrics.`auc`', direction: 'desc' });
    expect(mlflowRunOrderBy(['params."my lr"'])).toEqual({ field: 'params.`my lr`', direction: 'asc' });
    expect(mlflowRunOrderBy(['attr.start_time'])).toEqual({ field: 'attributes.start_time', direction: 'asc' });
    expect(mlflowRunOrderBy(['start_time desc'])).toEqual({ field: 'attributes.start_time', direction: 'desc' });
    expect(() => mlflowRunOrderBy(['metrics.a', 'metrics.b'])).toThrow();
    expect(() => mlflowRunOrderBy(['datasets.name'])).toThrow();
  });
  it('accepts AND-joined clauses only', () => {
    expect(() => mlflowRunFilterCheck("metrics.a > 1 and params.p = 'x'")).not.toThrow();
    expect(() => mlflowRunFilterCheck('metrics.a > 1 or metrics.b > 1')).toThrow(/Invalid clause/);
    expect(() => mlflowRunFilterCheck('not metrics.a > 1')).toThrow(/Invalid clause/);
  });
});
