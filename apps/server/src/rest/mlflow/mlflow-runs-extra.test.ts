// Request/response tests for runs/search's run_view_type, runs/log-inputs (and the inputs
// in runs/get and runs/search) and metrics/get-history-bulk-interval, over HTTP against
// the real app.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine, serveForSuite } from '../../test/harness';
import { mlflowHttp, type Json } from '../../test/mlflow-http';

describeEachEngine('MLflow REST API: run views, inputs and bulk history', (get) => {
  const served = serveForSuite(get);
  let token = '';
  beforeAll(async () => {
    token = await get().tokenFor('data_scientist');
  });

  const { call, ok } = mlflowHttp(served.url, () => token);
  const err = (status: number, error_code: string, message: string) => ({ status, json: { error_code, message } });
  const missing = (name: string) => err(400, 'INVALID_PARAMETER_VALUE', `Missing value for required parameter '${name}'. See the API docs for more information about request parameters.`);

  async function experimentWithRuns(name: string, runNames: string[]) {
    const { experiment_id } = await ok('POST', 'experiments/create', { name });
    const ids: string[] = [];
    for (const [i, run_name] of runNames.entries()) ids.push((await ok('POST', 'runs/create', { experiment_id, run_name, start_time: 1_000 + i })).run.info.run_id);
    return { experiment_id: experiment_id as string, ids };
  }

  it('runs/search: run_view_type ACTIVE_ONLY, DELETED_ONLY and ALL, by name or number', async () => {
    const { experiment_id, ids } = await experimentWithRuns('views', ['a', 'b', 'c']);
    const [a, b, c] = ids as [string, string, string];
    await ok('POST', 'runs/delete', { run_id: b });
    const search = async (run_view_type?: string | number, extra: Json = {}) => {
      const found = await ok('POST', 'runs/search', { experiment_ids: [experiment_id], ...(run_view_type !== undefined && { run_view_type }), ...extra });
      return ((found.runs ?? []) as Json[]).map((r) => [r.info.run_id as string, r.info.lifecycle_stage as string]);
    };
    const active = [
      [c, 'active'],
      [a, 'active'],
    ];
    expect(await search()).toEqual(active);
    expect(await search('ACTIVE_ONLY')).toEqual(active);
    expect(await search(1)).toEqual(active);
    expect(await search('DELETED_ONLY')).toEqual([[b, 'deleted']]);
    expect(await search('deleted_only')).toEqual([[b, 'deleted']]);
    expect(await search(2)).toEqual([[b, 'deleted']]);
    expect(await search('ALL')).toEqual([
      [c, 'active'],
      [b, 'deleted'],
      [a, 'active'],
    ]);
    expect(await search('3', { filter: "attributes.run_name != 'c'" })).toEqual([
      [b, 'deleted'],
      [a, 'active'],
    ]);
    const firstPage = await ok('POST', 'runs/search', { experiment_ids: [experiment_id], run_view_type: 'ALL', max_results: 2 });
    expect(firstPage.runs).toHaveLength(2);
    const secondPage = await ok('POST', 'runs/search', { experiment_ids: [experiment_id], run_view_type: 'ALL', max_results: 2, page_token: firstPage.next_page_token });
    expect(secondPage.runs.map((r: Json) => r.info.run_id)).toEqual([a]);
    expect(secondPage.next_page_token).toBeUndefined();

    // Deleting the experiment deletes its runs: they move to DELETED_ONLY.
    await ok('POST', 'experiments/delete', { experiment_id });
    expect(await search()).toEqual([]);
    expect((await search('DELETED_ONLY')).map(([id]) => id)).toEqual([c, b, a]);

    for (const bad of ['SOME', 4, 0, 'ACTIVE ONLY']) {
      expect(await call('POST', 'runs/search', { experiment_ids: [experiment_id], run_view_type: bad })).toEqual(
        err(400, 'INVALID_PARAMETER_VALUE', `Invalid value '${bad}' for parameter 'run_view_type': use ACTIVE_ONLY (1), DELETED_ONLY (2) or ALL (3)`),
      );
    }
  });

  const colspec = JSON.stringify({ mlflow_colspec: [{ type: 'double', name: 'amount', required: true }, { type: 'string', name: 'merchant' }] });
  const dataset = (name: string, digest: string, extra: Json = {}) => ({ name, digest, source_type: 'local', source: `{"uri": "/data/${name}.csv"}`, ...extra });
  const context = (value: string) => [{ key: 'mlflow.data.context', value }];

  it('runs/log-inputs links datasets under their context; runs/get and runs/search return them', async () => {
    const { experiment_id, ids } = await experimentWithRuns('inputs', ['with-inputs', 'without']);
    const [run_id, other] = ids as [string, string];
    expect(
      await ok('POST', 'runs/log-inputs', {
        run_id,
        datasets: [
          { tags: context('train'), dataset: dataset('cards', 'd1', { schema: colspec, profile: '{"num_rows": 3}' }) },
          { tags: [...context('eval'), { key: 'other', value: 'x' }], dataset: dataset('holdout', 'd2') },
          // The same (name, digest) again in one request: the first wins.
          { tags: context('eval'), dataset: dataset('cards', 'd1') },
          { dataset: dataset('tensors', 'd3', { schema: JSON.stringify({ mlflow_tensorspec: { features: '[]' } }) }) },
        ],
        models: [{ model_id: 'm-123' }],
      }),
    ).toEqual({});
    // Already linked to the run: skipped, whatever the context.
    expect(await ok('POST', 'runs/log-inputs', { run_id, datasets: [{ tags: context('test'), dataset: dataset('cards', 'd1') }] })).toEqual({});
    // Nothing to link is fine too.
    expect(await ok('POST', 'runs/log-inputs', { run_id })).toEqual({});

    const expected = [
      { dataset: { name: 'tensors', digest: 'd3', source_type: 'local', source: '{"uri": "/data/tensors.csv"}' } },
      { tags: context('eval'), dataset: { name: 'holdout', digest: 'd2', source_type: 'local', source: '{"uri": "/data/holdout.csv"}' } },
      {
        tags: context('train'),
        dataset: {
          name: 'cards',
          digest: 'd1',
          source_type: 'local',
          source: '{"uri": "/data/cards.csv"}',
          schema: JSON.stringify({ mlflow_colspec: [{ type: 'double', name: 'amount' }, { type: 'string', name: 'merchant' }] }),
        },
      },
    ];
    expect((await ok('GET', 'runs/get', { run_id })).run.inputs).toEqual({ dataset_inputs: expected });
    expect((await ok('GET', 'runs/get', { run_id: other })).run.inputs).toEqual({});
    const found = await ok('POST', 'runs/search', { experiment_ids: [experiment_id], order_by: ['attributes.run_name ASC'] });
    expect(found.runs.map((r: Json) => [r.info.run_id, r.inputs])).toEqual([
      [run_id, { dataset_inputs: expected }],
      [other, {}],
    ]);

    // A dataset version is stored once: another run that logs it gets the stored source.
    expect(await ok('POST', 'runs/log-inputs', { run_id: other, datasets: [{ dataset: dataset('cards', 'd1', { source: '{"uri": "elsewhere"}' }) }] })).toEqual({});
    expect((await ok('GET', 'runs/get', { run_id: other })).run.inputs.dataset_inputs).toEqual([{ dataset: { ...expected[2]!.dataset } }]);

    const native = await get().caller.runs.get({ runId: run_id });
    expect(native.inputs.map((i) => [i.context, i.name, i.schema?.columns.length ?? null])).toEqual([
      ['', 'tensors', null],
      ['eval', 'holdout', null],
      ['train', 'cards', 2],
    ]);
    const trail = await get().callerAs('compliance_lead').audit.list({ entityId: run_id, action: 'runs.logBatch' });
    expect(trail.map((e) => e.summary)).toContainEqual({ inputs: ['cards@d1 (train)', 'holdout@d2 (eval)', 'tensors@d3 (no context)'] });
  });

  it('runs/log-inputs refuses bad requests with MLflow errors and links nothing', async () => {
    const { ids } = await experimentWithRuns('inputs-bad', ['r']);
    const run_id = ids[0]!;
    const bad = async (body: Json, expected: ReturnType<typeof err>) => expect(await call('POST', 'runs/log-inputs', { run_id, ...body })).toEqual(expected);
    const d = dataset('x', 'dx');
    expect(await call('POST', 'runs/log-inputs', { datasets: [{ dataset: d }] })).toEqual(missing('run_id'));
    for (const field of ['name', 'digest', 'source_type', 'source'] as const) {
      await bad({ datasets: [{ dataset: d }, { dataset: { ...d, [field]: undefined } }] }, missing(`datasets[1].dataset.${field}`));
      await bad({ datasets: [{ dataset: { ...d, [field]: '' } }] }, missing(`datasets[0].dataset.${field}`));
    }
    await bad({ datasets: [{ tags: context('train') }] }, missing('datasets[0].dataset'));
    await bad({ datasets: [{ tags: [{ value: 'train' }], dataset: d }] }, missing('datasets[0].tags[0].key'));
    await bad({ datasets: [{ tags: [{ key: 'mlflow.data.context' }], dataset: d }] }, missing('datasets[0].tags[0].value'));
    await bad({ datasets: { dataset: d } }, err(400, 'INVALID_PARAMETER_VALUE', "Invalid value for parameter 'datasets' supplied: expected a list of objects"));
    await bad({ datasets: [{ dataset: d }], models: 'm-1' }, err(400, 'INVALID_PARAMETER_VALUE', "Invalid value for parameter 'models' supplied: expected a list of objects"));
    await bad({ datasets: [{ dataset: { ...d, name: 7 } }] }, err(400, 'INVALID_PARAMETER_VALUE', "Invalid value 7 for parameter 'datasets[0].dataset.name' supplied: expected a string"));
    await bad({ datasets: [{ dataset: { ...d, source: 's'.repeat(2_001) } }] }, err(400, 'INVALID_PARAMETER_VALUE', "'datasets[0].dataset.source' exceeds the maximum length of 2000 characters"));
    await bad({ datasets: [{ dataset: { ...d, digest: 'd'.repeat(65) } }] }, err(400, 'INVALID_PARAMETER_VALUE', "'datasets[0].dataset.digest' exceeds the maximum length of 64 characters"));
    await bad({ datasets: [{ tags: context('c'.repeat(51)), dataset: d }] }, err(400, 'INVALID_PARAMETER_VALUE', 'The mlflow.data.context tag of datasets[0] exceeds the maximum length of 50 characters'));
    await bad(
      { datasets: Array.from({ length: 101 }, (_, i) => ({ dataset: dataset(`d${i}`, 'x') })) },
      err(400, 'INVALID_PARAMETER_VALUE', 'A log-inputs request can contain at most 100 datasets. Received 101 datasets.'),
    );
    const nope = 'f'.repeat(32);
    expect(await call('POST', 'runs/log-inputs', { run_id: nope, datasets: [{ dataset: d }] })).toEqual(err(404, 'RESOURCE_DOES_NOT_EXIST', `Run with id=${nope} not found`));
    const viewer = `Bearer ${await get().tokenFor('product_owner')}`;
    expect(await call('POST', 'runs/log-inputs', { run_id, datasets: [{ dataset: d }] }, viewer)).toMatchObject({ status: 403, json: { error_code: 'PERMISSION_DENIED' } });
    expect((await ok('GET', 'runs/get', { run_id })).run.inputs).toEqual({});

    await ok('POST', 'runs/delete', { run_id });
    expect(await call('POST', 'runs/log-inputs', { run_id, datasets: [{ dataset: d }] })).toEqual(
      err(400, 'INVALID_PARAMETER_VALUE', `The run ${run_id} must be in the 'active' state. Current state is deleted.`),
    );
  });

  it('metrics/get-history-bulk-interval: every point, run by run, then sampled steps keeping the ends', async () => {
    const { ids } = await experimentWithRuns('bulk', ['a', 'b', 'c']);
    const [a, b, c] = ids as [string, string, string];
    const aPoints = Array.from({ length: 21 }, (_, step) => ({ key: 'loss', value: step === 19 ? 'Infinity' : step === 20 ? 'NaN' : step / 10, timestamp: 100 + step, step }));
    await ok('POST', 'runs/log-batch', { run_id: a, metrics: [...aPoints, { key: 'loss', value: 0.55, timestamp: 999, step: 5 }] });
    await ok('POST', 'runs/log-batch', {
      run_id: b,
      metrics: [
        { key: 'loss', value: 3, timestamp: 1, step: 3 },
        { key: 'loss', value: 7, timestamp: 1, step: 7 },
        { key: 'loss', value: '-Infinity', timestamp: 1, step: 30 },
      ],
    });
    await ok('POST', 'runs/log-metric', { run_id: c, key: 'acc', value: 1, timestamp: 1, step: 0 });
    const bulk = async (query: Json) => ((await ok('GET', 'metrics/get-history-bulk-interval', { metric_key: 'loss', ...query })).metrics ?? []) as Json[];
    const shape = (points: Json[]) => points.map((p) => `${p.run_id === a ? 'a' : p.run_id === b ? 'b' : 'c'}@${p.step}`);

    const all = await bulk({ run_ids: [a, b] });
    expect(shape(all)).toEqual([...[0, 1, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20].map((s) => `a@${s}`), 'b@3', 'b@7', 'b@30']);
    expect(all[5]).toEqual({ key: 'loss', value: 0.5, timestamp: 105, step: 5, run_id: a });
    expect(all[6]).toEqual({ key: 'loss', value: 0.55, timestamp: 999, step: 5, run_id: a });
    expect(all.filter((p) => typeof p.value === 'string').map((p) => p.value)).toEqual(['Infinity', 'NaN', '-Infinity']);

    // 22 distinct steps, 4 wanted: those at positions 0, 5, 11 and 16, the last (30), and
    // each run's first and last step (a: 0 and 20, b: 3 and 30).
    expect(shape(await bulk({ run_ids: [a, b], max_results: 4 }))).toEqual(['a@0', 'a@3', 'a@5', 'a@5', 'a@11', 'a@16', 'a@20', 'b@3', 'b@30']);
    // In [4, 12]: steps 4..12, positions 0 and 4, the last; no run starts or ends inside.
    expect(shape(await bulk({ run_ids: [a, b], max_results: 2, start_step: 4, end_step: 12 }))).toEqual(['a@4', 'a@8', 'a@12']);
    expect(shape(await bulk({ run_ids: [b, a], start_step: 7, end_step: 7 }))).toEqual(['b@7', 'a@7']);
    expect(await ok('GET', 'metrics/get-history-bulk-interval', { run_ids: [c], metric_key: 'loss' })).toEqual({});
    // Reads include deleted runs.
    await ok('POST', 'runs/delete', { run_id: b });
    expect(shape(await bulk({ run_ids: [b] }))).toEqual(['b@3', 'b@7', 'b@30']);
  });

  it('metrics/get-history-bulk-interval refuses bad requests with MLflow errors', async () => {
    const { ids } = await experimentWithRuns('bulk-bad', ['a']);
    const run_ids = [ids[0]!];
    const bad = async (query: Json, expected: ReturnType<typeof err>) => expect(await call('GET', 'metrics/get-history-bulk-interval', query)).toEqual(expected);
    const invalidValue = (message: string) => err(400, 'INVALID_PARAMETER_VALUE', message);
    await bad({ metric_key: 'loss' }, missing('run_ids'));
    await bad({ run_ids }, missing('metric_key'));
    await bad({ run_ids: Array.from({ length: 101 }, (_, i) => `r${i}`), metric_key: 'loss' }, invalidValue('GetMetricHistoryBulkInterval request must specify at most 100 run_ids. Received 101 run_ids.'));
    await bad({ run_ids, metric_key: 'loss', start_step: 1 }, invalidValue('If either start step or end step are specified, both must be specified.'));
    await bad({ run_ids, metric_key: 'loss', end_step: 1 }, invalidValue('If either start step or end step are specified, both must be specified.'));
    await bad({ run_ids, metric_key: 'loss', start_step: 5, end_step: 4 }, invalidValue('end_step must be greater than start_step. Found start_step=5 and end_step=4.'));
    for (const max_results of [0, 2_501, -1]) await bad({ run_ids, metric_key: 'loss', max_results }, invalidValue('max_results must be between 1 and 2500.'));
    await bad({ run_ids, metric_key: 'loss', max_results: 'many' }, invalidValue(`Invalid value "many" for parameter 'max_results' supplied: expected an integer`));
    await bad({ run_ids, metric_key: 'loss', start_step: '1.5', end_step: 2 }, invalidValue(`Invalid value "1.5" for parameter 'start_step' supplied: expected an integer`));
    const nope = 'e'.repeat(32);
    await bad({ run_ids: [...run_ids, nope], metric_key: 'loss' }, err(404, 'RESOURCE_DOES_NOT_EXIST', `Run with id=${nope} not found`));
    expect(await call('POST', 'metrics/get-history-bulk-interval', { run_ids, metric_key: 'loss' })).toMatchObject({ status: 404, json: { error_code: 'ENDPOINT_NOT_FOUND' } });
  });
});
