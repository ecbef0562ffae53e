// Request/response tests for experiment tags (create, set, delete, the npm client's
// path, search filters) and for experiments/delete|restore cascading to the runs, over
// HTTP against the real app.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine, serveForSuite } from '../../test/harness';
import { mlflowHttp, type Json } from '../../test/mlflow-http';

describeEachEngine('MLflow REST API: experiment tags and cascades', (get) => {
  const served = serveForSuite(get);
  let token = '';
  beforeAll(async () => {
    token = await get().tokenFor('data_scientist');
  });

  const { call, ok } = mlflowHttp(served.url, () => token);
  const err = (status: number, error_code: string, message: string) => ({ status, json: { error_code, message } });
  const tagsOf = async (experiment_id: string) => (await ok('GET', 'experiments/get', { experiment_id })).experiment.tags as Json[] | undefined;
  const auditOf = async (entityId: string) => get().callerAs('compliance_lead').audit.list({ entityId });

  it('experiments/create stores its tags; mlflow.note.content becomes the description', async () => {
    const { experiment_id } = await ok('POST', 'experiments/create', {
      name: 'tags-create',
      tags: [
        { key: 'team', value: 'risk' },
        { key: 'mlflow.note.content', value: 'Fraud models' },
        { key: 'team', value: 'ml' },
        { key: 'empty', value: '' },
      ],
    });
    const expected = [
      { key: 'empty', value: '' },
      { key: 'mlflow.note.content', value: 'Fraud models' },
      { key: 'team', value: 'ml' },
    ];
    expect(await tagsOf(experiment_id)).toEqual(expected);
    expect((await ok('GET', 'experiments/get-by-name', { experiment_name: 'tags-create' })).experiment.tags).toEqual(expected);
    const native = await get().caller.experiments.get({ id: Number(experiment_id) });
    expect(native).toMatchObject({ description: 'Fraud models', tags: { team: 'ml', empty: '' } });

    // A bad tag refuses the whole experiment: nothing is created.
    const long = { name: 'tags-create-long', tags: [{ key: 'ok', value: 'x' }, { key: 'big', value: 'v'.repeat(5_001) }] };
    expect(await call('POST', 'experiments/create', long)).toEqual(err(400, 'INVALID_PARAMETER_VALUE', "'tags[1].value' exceeds the maximum length of 5000 characters"));
    expect(await call('POST', 'experiments/create', { name: 'tags-create-key', tags: [{ key: 'a//b', value: 'x' }] })).toMatchObject({
      status: 400,
      json: { error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining('Invalid value "a//b" for parameter \'key\'') },
    });
    expect(await call('POST', 'experiments/create', { name: 'tags-create-nokey', tags: [{ value: 'x' }] })).toEqual(
      err(400, 'INVALID_PARAMETER_VALUE', "Missing value for required parameter 'key'. See the API docs for more information about request parameters."),
    );
    for (const name of ['tags-create-long', 'tags-create-key', 'tags-create-nokey']) {
      expect(await call('GET', 'experiments/get-by-name', { experiment_name: name })).toEqual(err(404, 'RESOURCE_DOES_NOT_EXIST', `Could not find experiment with name '${name}'`));
    }
  });

  it('set-experiment-tag upserts and delete-experiment-tag removes, on both paths, audited', async () => {
    const { experiment_id } = await ok('POST', 'experiments/create', { name: 'tags-set' });
    expect(await tagsOf(experiment_id)).toBeUndefined();
    expect(await ok('POST', 'experiments/set-experiment-tag', { experiment_id, key: 'team', value: 'risk' })).toEqual({});
    expect(await ok('POST', 'experiments/set-experiment-tag', { experiment_id, key: 'team', value: 'growth' })).toEqual({});
    // The path the npm `mlflow` client sends (a missing slash).
    expect(await ok('POST', 'experimentsset-experiment-tag', { experiment_id, key: 'data/version', value: 'v2' })).toEqual({});
    expect(await ok('POST', 'experiments/set-experiment-tag', { experiment_id, key: 'mlflow.note.content', value: 'Notes' })).toEqual({});
    expect(await tagsOf(experiment_id)).toEqual([
      { key: 'data/version', value: 'v2' },
      { key: 'mlflow.note.content', value: 'Notes' },
      { key: 'team', value: 'growth' },
    ]);

    expect(await ok('POST', 'experiments/delete-experiment-tag', { experiment_id, key: 'team' })).toEqual({});
    expect(await ok('POST', 'experiments/delete-experiment-tag', { experiment_id, key: 'mlflow.note.content' })).toEqual({});
    expect(await tagsOf(experiment_id)).toEqual([{ key: 'data/version', value: 'v2' }]);
    for (const key of ['team', 'mlflow.note.content', 'never-set']) {
      expect(await call('POST', 'experiments/delete-experiment-tag', { experiment_id, key })).toEqual(
        err(404, 'RESOURCE_DOES_NOT_EXIST', `No tag with name: ${key} in experiment with id ${experiment_id}`),
      );
    }

    const entries = await auditOf(experiment_id);
    const setTags = entries.filter((e) => e.action === 'experiments.setTags');
    expect(setTags.map((e) => e.summary)).toEqual(
      expect.arrayContaining([{ set: { team: { from: null, to: 'risk' } } }, { set: { team: { from: 'risk', to: 'growth' } } }, { removed: { team: 'growth' } }]),
    );
    expect(entries.some((e) => e.action === 'experiments.describe')).toBe(true);
  });

  it('refuses bad tag requests with MLflow errors and changes nothing', async () => {
    const { experiment_id } = await ok('POST', 'experiments/create', { name: 'tags-bad', tags: [{ key: 'keep', value: '1' }] });
    const missing = (name: string) => err(400, 'INVALID_PARAMETER_VALUE', `Missing value for required parameter '${name}'. See the API docs for more information about request parameters.`);
    expect(await call('POST', 'experiments/set-experiment-tag', { experiment_id, value: 'x' })).toEqual(missing('key'));
    expect(await call('POST', 'experiments/set-experiment-tag', { key: 'k', value: 'x' })).toEqual(missing('experiment_id'));
    expect(await call('POST', 'experiments/delete-experiment-tag', { experiment_id })).toEqual(missing('key'));
    expect(await call('POST', 'experiments/set-experiment-tag', { experiment_id, key: 'k'.repeat(251), value: 'x' })).toEqual(
      err(400, 'INVALID_PARAMETER_VALUE', "'key' exceeds the maximum length of 250 characters"),
    );
    expect(await call('POST', 'experiments/set-experiment-tag', { experiment_id, key: 'k', value: 'x'.repeat(5_001) })).toEqual(
      err(400, 'INVALID_PARAMETER_VALUE', "'value' exceeds the maximum length of 5000 characters"),
    );
    for (const key of ['/abs', 'a/', './a', '../a']) {
      const r = await call('POST', 'experiments/set-experiment-tag', { experiment_id, key, value: 'x' });
      expect(r).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining(`Invalid value "${key}" for parameter 'key'`) } });
    }
    const badChars = await call('POST', 'experiments/set-experiment-tag', { experiment_id, key: 'semi;colon', value: 'x' });
    expect(badChars).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining('letters, digits') } });
    expect(await call('POST', 'experiments/set-experiment-tag', { experiment_id: '888888', key: 'k', value: 'x' })).toEqual(err(404, 'RESOURCE_DOES_NOT_EXIST', 'No Experiment with id=888888 exists'));
    const viewer = `Bearer ${await get().tokenFor('product_owner')}`;
    expect(await call('POST', 'experiments/set-experiment-tag', { experiment_id, key: 'k', value: 'x' }, viewer)).toMatchObject({ status: 403, json: { error_code: 'PERMISSION_DENIED' } });
    expect(await call('POST', 'experiments/delete-experiment-tag', { experiment_id, key: 'keep' }, viewer)).toMatchObject({ status: 403, json: { error_code: 'PERMISSION_DENIED' } });

    await ok('POST', 'experiments/delete', { experiment_id });
    const inactive = err(400, 'INVALID_PARAMETER_VALUE', `The experiment ${experiment_id} must be in the 'active' state. Current state is deleted.`);
    expect(await call('POST', 'experiments/set-experiment-tag', { experiment_id, key: 'k', value: 'x' })).toEqual(inactive);
    expect(await call('POST', 'experimentsset-experiment-tag', { experiment_id, key: 'k', value: 'x' })).toEqual(inactive);
    expect(await call('POST', 'experiments/delete-experiment-tag', { experiment_id, key: 'keep' })).toEqual(inactive);
    expect(await tagsOf(experiment_id)).toEqual([{ key: 'keep', value: '1' }]);
  });

  it('the native experiments.setTags sets and removes atomically', async () => {
    const { caller } = get();
    const { id } = await caller.experiments.create({ name: 'tags-native', tags: [{ key: 'a', value: '1' }] });
    expect((await caller.experiments.setTags({ id, set: [{ key: 'b', value: '2' }], remove: ['a'] })).tags).toEqual({ b: '2' });
    // One absent key refuses the whole request.
    await expect(caller.experiments.setTags({ id, set: [{ key: 'c', value: '3' }], remove: ['a'] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `No tag with name: a in experiment with id ${id}`,
    });
    await expect(caller.experiments.setTags({ id, set: [{ key: 'mlflow.note.content', value: 'x' }] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.experiments.setTags({ id })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('Nothing to change') });
    await expect(get().callerAs('product_owner').experiments.setTags({ id, remove: ['b'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await caller.experiments.get({ id })).tags).toEqual({ b: '2' });
  });

  it('experiments/search filters on tags.<key> with = != LIKE ILIKE', async () => {
    const seed = [
      { name: 'xs-a', tags: [{ key: 'team', value: 'Risk' }, { key: 'data-set', value: 'cards' }, { key: 'mlflow.note.content', value: 'fraud detection' }] },
      { name: 'xs-b', tags: [{ key: 'team', value: 'growth' }] },
      { name: 'xs-c', tags: [] },
    ];
    for (const e of seed) await ok('POST', 'experiments/create', e);
    const names = async (filter: string) => {
      const found = await ok('POST', 'experiments/search', { filter: `name LIKE 'xs-%' AND ${filter}`, order_by: ['name'] });
      return ((found.experiments ?? []) as Json[]).map((e) => e.name as string);
    };
    expect(await names("tags.team = 'Risk'")).toEqual(['xs-a']);
    // An experiment without the tag never matches, not even !=.
    expect(await names("tags.team != 'Risk'")).toEqual(['xs-b']);
    expect(await names("tag.team LIKE 'r%'")).toEqual([]);
    expect(await names("tag.team ILIKE 'r%'")).toEqual(['xs-a']);
    expect(await names('tags.`data-set` = "cards"')).toEqual(['xs-a']);
    expect(await names("tags.mlflow.note.content ILIKE '%FRAUD%'")).toEqual(['xs-a']);
    expect(await names("tags.team LIKE '%' AND tags.team != 'growth'")).toEqual(['xs-a']);
    expect((await ok('GET', 'experiments/search', { filter: "tags.team = 'growth'" })).experiments.map((e: Json) => e.name)).toEqual(['xs-b']);

    const bad = async (filter: string, message: RegExp) =>
      expect(await call('POST', 'experiments/search', { filter })).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringMatching(message) } });
    await bad("tags.team > 'a'", /tags.team takes =, !=, LIKE or ILIKE/);
    await bad('tags.team = 5', /quoted string/);
    await bad("params.lr = '1'", /Invalid entity type 'params'/);
  });

  it('experiments/delete soft-deletes the runs; restore brings back those deleted with it', async () => {
    const { experiment_id } = await ok('POST', 'experiments/create', { name: 'cascade' });
    const ids: string[] = [];
    for (const run_name of ['early', 'kept', 'also-kept']) ids.push((await ok('POST', 'runs/create', { experiment_id, run_name })).run.info.run_id);
    const [early, kept, alsoKept] = ids as [string, string, string];
    const stage = async (run_id: string) => (await ok('GET', 'runs/get', { run_id })).run.info.lifecycle_stage as string;

    await ok('POST', 'runs/delete', { run_id: early });
    get().clock.advance(1_000);
    expect(await ok('POST', 'experiments/delete', { experiment_id })).toEqual({});
    for (const id of ids) expect(await stage(id)).toBe('deleted');
    expect(await call('POST', 'runs/log-metric', { run_id: kept, key: 'm', value: 1, timestamp: 1 })).toEqual(
      err(400, 'INVALID_PARAMETER_VALUE', `The run ${kept} must be in the 'active' state. Current state is deleted.`),
    );
    expect(await call('POST', 'experiments/delete', { experiment_id })).toEqual(err(404, 'RESOURCE_DOES_NOT_EXIST', `No Experiment with id=${experiment_id} exists`));

    get().clock.advance(1_000);
    expect(await ok('POST', 'experiments/restore', { experiment_id })).toEqual({});
    expect([await stage(early), await stage(kept), await stage(alsoKept)]).toEqual(['deleted', 'active', 'active']);
    expect(await call('POST', 'experiments/restore', { experiment_id })).toEqual(err(404, 'RESOURCE_DOES_NOT_EXIST', `No Experiment with id=${experiment_id} exists`));

    const archives = (await auditOf(experiment_id)).filter((e) => e.action === 'experiments.archive').map((e) => e.summary as Json);
    expect(archives).toEqual(
      expect.arrayContaining([
        { archived: true, runsDeleted: expect.arrayContaining([kept, alsoKept]) },
        { archived: false, runsRestored: expect.arrayContaining([kept, alsoKept]) },
      ]),
    );
    expect(archives.find((s) => s.archived)!.runsDeleted).not.toContain(early);
  });
});
