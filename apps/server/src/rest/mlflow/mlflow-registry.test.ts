// Request/response tests for MLflow's model registry endpoints over HTTP against the real
// app: shapes, search, tags, and stage/alias moves through the promotion quorum.
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine, serveForSuite } from '../../test/harness';
import { mlflowHttp, type Json } from '../../test/mlflow-http';

describeEachEngine('MLflow REST API: model registry', (get) => {
  const served = serveForSuite(get, { maxBodyBytes: 2 * 1024 * 1024, artifactRoot: mkdtempSync(path.join(tmpdir(), 'quorum-registry-')) });
  let token = '';
  let mlopsToken = '';
  beforeAll(async () => {
    token = await get().tokenFor('data_scientist');
    mlopsToken = await get().tokenFor('mlops_engineer');
  });
  const { call, ok, fails } = mlflowHttp(served.url, () => token);
  /** Deletes are for MLOps engineers and admins. */
  const mlops = mlflowHttp(served.url, () => mlopsToken);

  async function finishedRun(experimentName: string) {
    const { experiment_id } = await ok('POST', 'experiments/create', { name: experimentName });
    const { run } = await ok('POST', 'runs/create', { experiment_id, run_name: 'train' });
    await ok('POST', 'runs/update', { run_id: run.info.run_id, status: 'FINISHED', end_time: get().clock.now() + 1_000 });
    return run.info.run_id as string;
  }

  /** Evaluates the (empty) gates and has the MLOps engineer sign the request. */
  async function approve(requestId: number, versionId: number) {
    const signer = get().callerAs('mlops_engineer');
    await signer.gates.check({ versionId });
    await signer.promotions.decide({ requestId, decision: 'approve', role: 'mlops_engineer' });
  }
  const requestIdIn = (message: string) => Number(/request #(\d+)/.exec(message)?.[1]);

  it('registered models: create, get, update, tags, rename, errors', async () => {
    const created = await ok('POST', 'registered-models/create', { name: 'churn', description: 'Who leaves', tags: [{ key: 'team', value: 'growth' }] });
    expect(created.registered_model).toMatchObject({ name: 'churn', description: 'Who leaves', tags: [{ key: 'team', value: 'growth' }], user_id: 'data_scientist@test.quorum' });
    expect(created.registered_model).not.toHaveProperty('latest_versions');
    expect(typeof created.registered_model.creation_timestamp).toBe('number');

    await fails('POST', 'registered-models/create', { name: 'churn' }, 400, 'RESOURCE_ALREADY_EXISTS', 'Registered Model (name=churn) already exists.');
    await fails('POST', 'registered-models/create', {}, 400, 'INVALID_PARAMETER_VALUE', expect.stringContaining("Missing value for required parameter 'name'"));
    await fails('POST', 'registered-models/create', { name: 'has spaces' }, 400, 'INVALID_PARAMETER_VALUE', expect.stringContaining('model name'));
    await fails('GET', 'registered-models/get', { name: 'nope' }, 404, 'RESOURCE_DOES_NOT_EXIST', 'Registered Model with name=nope not found');

    const updated = await ok('PATCH', 'registered-models/update', { name: 'churn', description: 'Customers who cancel' });
    expect(updated.registered_model.description).toBe('Customers who cancel');

    await ok('POST', 'registered-models/set-tag', { name: 'churn', key: 'tier', value: 'gold' });
    await ok('DELETE', 'registered-models/delete-tag', { name: 'churn', key: 'team' });
    expect((await ok('GET', 'registered-models/get', { name: 'churn' })).registered_model.tags).toEqual([{ key: 'tier', value: 'gold' }]);
    await fails('DELETE', 'registered-models/delete-tag', { name: 'churn', key: 'team' }, 404, 'RESOURCE_DOES_NOT_EXIST', 'No tag with name: team in registered model churn');
    await fails('POST', 'registered-models/set-tag', { name: 'churn', key: 'k', value: 'x'.repeat(5_001) }, 400, 'INVALID_PARAMETER_VALUE');

    const renamed = await ok('POST', 'registered-models/rename', { name: 'churn', new_name: 'churn-v2' });
    expect(renamed.registered_model.name).toBe('churn-v2');
    await ok('POST', 'registered-models/create', { name: 'other' });
    await fails('POST', 'registered-models/rename', { name: 'churn-v2', new_name: 'other' }, 400, 'RESOURCE_ALREADY_EXISTS');
    await fails('GET', 'registered-models/get', { name: 'churn' }, 404, 'RESOURCE_DOES_NOT_EXIST');

    // A model without versions can be deleted; the trail remembers it.
    await fails('DELETE', 'registered-models/delete', { name: 'other' }, 403, 'PERMISSION_DENIED', expect.stringContaining('models.delete'));
    await mlops.ok('DELETE', 'registered-models/delete', { name: 'other' });
    await fails('GET', 'registered-models/get', { name: 'other' }, 404, 'RESOURCE_DOES_NOT_EXIST');
  });

  it('model versions: create, get, update, tags, download URI, search', async () => {
    const runId = await finishedRun('registry-versions');
    await ok('POST', 'registered-models/create', { name: 'fraud' });
    const v1 = (await ok('POST', 'model-versions/create', { name: 'fraud', source: `mlflow-artifacts:/1/${runId}/artifacts/model`, run_id: runId, tags: [{ key: 'algo', value: 'xgb' }], run_link: 'http://ci/42' })).model_version;
    expect(v1).toMatchObject({ name: 'fraud', version: '1', current_stage: 'None', status: 'READY', run_id: runId, run_link: 'http://ci/42', tags: [{ key: 'algo', value: 'xgb' }] });
    const v2 = (await ok('POST', 'model-versions/create', { name: 'fraud', source: 's3://bucket/fraud/2' })).model_version;
    expect(v2).toMatchObject({ version: '2', source: 's3://bucket/fraud/2' });
    expect(v2).not.toHaveProperty('run_id');

    await fails('POST', 'model-versions/create', { name: 'ghost', source: 's3://x' }, 404, 'RESOURCE_DOES_NOT_EXIST', 'Registered Model with name=ghost not found');
    await fails('POST', 'model-versions/create', { name: 'fraud' }, 400, 'INVALID_PARAMETER_VALUE', expect.stringContaining("'source'"));
    await fails('POST', 'model-versions/create', { name: 'fraud', source: 's3://x', run_id: 'f'.repeat(32) }, 400, 'INVALID_PARAMETER_VALUE', expect.stringContaining('No run with id'));
    await fails('GET', 'model-versions/get', { name: 'fraud', version: '9' }, 404, 'RESOURCE_DOES_NOT_EXIST', 'Model Version (name=fraud, version=9) not found');
    await fails('GET', 'model-versions/get', { name: 'fraud', version: 'one' }, 400, 'INVALID_PARAMETER_VALUE');

    expect((await ok('PATCH', 'model-versions/update', { name: 'fraud', version: '2', description: 'retrained' })).model_version.description).toBe('retrained');
    await ok('POST', 'model-versions/set-tag', { name: 'fraud', version: '2', key: 'validated', value: 'yes' });
    await fails('POST', 'model-versions/set-tag', { name: 'fraud', version: '2', key: 'validated', value: null }, 400, 'INVALID_PARAMETER_VALUE');
    await ok('DELETE', 'model-versions/delete-tag', { name: 'fraud', version: '1', key: 'algo' });
    await fails('DELETE', 'model-versions/delete-tag', { name: 'fraud', version: '1', key: 'algo' }, 404, 'RESOURCE_DOES_NOT_EXIST');
    expect(await ok('GET', 'model-versions/get-download-uri', { name: 'fraud', version: '2' })).toEqual({ artifact_uri: 's3://bucket/fraud/2' });

    // The registry the web app reads holds the same versions.
    const native = await get().caller.models.byName({ name: 'fraud' });
    expect(native.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(native.versions.find((v) => v.version === 1)?.sourceRunId).toBe(runId);

    const versionsOf = (j: Json) => ((j.model_versions ?? []) as Json[]).map((v) => `${v.name}:${v.version}`);
    expect(versionsOf(await ok('GET', 'model-versions/search', { filter: "name = 'fraud'" }))).toEqual(['fraud:2', 'fraud:1']);
    expect(versionsOf(await ok('GET', 'model-versions/search', { filter: "name = 'fraud' AND version_number > 1" }))).toEqual(['fraud:2']);
    expect(versionsOf(await ok('GET', 'model-versions/search', { filter: `run_id IN ('${runId}', 'x')` }))).toEqual(['fraud:1']);
    expect(versionsOf(await ok('GET', 'model-versions/search', { filter: "tags.validated = 'yes'" }))).toEqual(['fraud:2']);
    expect(versionsOf(await ok('GET', 'model-versions/search', { filter: "name = 'fraud'", order_by: ['version_number ASC'] }))).toEqual(['fraud:1', 'fraud:2']);
    const page = await ok('GET', 'model-versions/search', { filter: "name = 'fraud'", max_results: 1 });
    expect(versionsOf(page)).toEqual(['fraud:2']);
    expect(versionsOf(await ok('GET', 'model-versions/search', { filter: "name = 'fraud'", max_results: 1, page_token: page.next_page_token }))).toEqual(['fraud:1']);
    await fails('GET', 'model-versions/search', { filter: "name = 'fraud' OR name = 'x'" }, 400, 'INVALID_PARAMETER_VALUE');
    await fails('GET', 'model-versions/search', { filter: "name IN ('fraud')" }, 400, 'INVALID_PARAMETER_VALUE', expect.stringContaining('IN'));
    await fails('GET', 'model-versions/search', { filter: "flavor = 'x'" }, 400, 'INVALID_PARAMETER_VALUE', expect.stringContaining("Invalid attribute key 'flavor'"));

    await ok('POST', 'registered-models/create', { name: 'fraud-eu', tags: [{ key: 'region', value: 'eu' }] });
    const namesOf = (j: Json) => ((j.registered_models ?? []) as Json[]).map((m) => m.name as string);
    expect(namesOf(await ok('GET', 'registered-models/search', { filter: "name LIKE 'fraud%'" }))).toEqual(['fraud', 'fraud-eu']);
    expect(namesOf(await ok('GET', 'registered-models/search', { filter: "name LIKE 'fraud%'", order_by: ['name DESC'] }))).toEqual(['fraud-eu', 'fraud']);
    expect(namesOf(await ok('GET', 'registered-models/search', { filter: "tags.region = 'eu'" }))).toEqual(['fraud-eu']);
    expect(await ok('GET', 'registered-models/search', { filter: "name = 'none'" })).toEqual({});
    // A tag named like an Object property exists only when set.
    expect(await ok('GET', 'registered-models/search', { filter: "tags.constructor LIKE '%'" })).toEqual({});
    const fraud = (await ok('GET', 'registered-models/search', { filter: "name = 'fraud'" })).registered_models[0];
    expect(fraud.latest_versions).toEqual([expect.objectContaining({ version: '2', current_stage: 'None' })]);
    await fails('GET', 'registered-models/search', { max_results: 1_001 }, 400, 'INVALID_PARAMETER_VALUE', expect.stringContaining('1000'));
    await fails('GET', 'registered-models/search', { order_by: ['flavor'] }, 400, 'INVALID_PARAMETER_VALUE');
  });

  it('a version registered from stored artifacts carries their digest as evidence', async () => {
    const runId = await finishedRun('registry-artifacts');
    const { run } = await ok('GET', 'runs/get', { run_id: runId });
    const file = `${(run.info.artifact_uri as string).replace('mlflow-artifacts:/', '')}/model/model.pkl`;
    const bytes = Buffer.from('weights of a very small model');
    const put = await fetch(`${served.url()}/api/2.0/mlflow-artifacts/artifacts/${file}`, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: bytes });
    expect(put.status).toBe(200);
    await ok('POST', 'registered-models/create', { name: 'stored' });
    await ok('POST', 'model-versions/create', { name: 'stored', source: `${run.info.artifact_uri}/model/model.pkl`, run_id: runId });
    await ok('POST', 'model-versions/create', { name: 'stored', source: 's3://elsewhere/model' });
    const native = await get().caller.models.byName({ name: 'stored' });
    const byNumber = (n: number) => native.versions.find((v) => v.version === n)!;
    expect(byNumber(1)).toMatchObject({ artifactSha256: createHash('sha256').update(bytes).digest('hex'), artifactSize: bytes.length });
    expect(byNumber(2)).toMatchObject({ artifactSha256: null, artifactSize: null });
  });

  it('stage transitions and aliases move only through the promotion quorum', async () => {
    const runId = await finishedRun('registry-quorum');
    await ok('POST', 'registered-models/create', { name: 'ranker' });
    await ok('POST', 'model-versions/create', { name: 'ranker', source: 's3://r/1', run_id: runId });
    await ok('POST', 'model-versions/create', { name: 'ranker', source: 's3://r/2', run_id: runId });
    const native = await get().caller.models.byName({ name: 'ranker' });
    const versionId = (n: number) => native.versions.find((v) => v.version === n)!.id;

    // First call: opens a request and refuses with a link to it.
    const refused = await fails('POST', 'model-versions/transition-stage', { name: 'ranker', version: '1', stage: 'production' }, 403, 'PERMISSION_DENIED', expect.stringMatching(/Opened promotion request #\d+: http:\/\/127\.0\.0\.1:\d+\/approvals\/\d+/));
    const requestId = requestIdIn(refused.message as string);
    expect((await get().caller.promotions.get({ requestId })).state).toBe('pending');
    // Again before sign-off: the same request, no second one.
    await fails('POST', 'model-versions/transition-stage', { name: 'ranker', version: '1', stage: 'Production' }, 403, 'PERMISSION_DENIED', expect.stringContaining(`request #${requestId} is pending`));
    // Another version while that request is open.
    await fails('POST', 'model-versions/transition-stage', { name: 'ranker', version: '2', stage: 'Production' }, 403, 'PERMISSION_DENIED', expect.stringContaining(`#${requestId}`));
    expect((await get().caller.promotions.list({ modelId: native.id })).length).toBe(1);

    await approve(requestId, versionId(1));
    const moved = await ok('POST', 'model-versions/transition-stage', { name: 'ranker', version: '1', stage: 'Production' });
    expect(moved.model_version).toMatchObject({ version: '1', current_stage: 'Production', aliases: ['production'] });
    expect((await get().caller.promotions.get({ requestId })).state).toBe('applied');
    const latest = await ok('GET', 'registered-models/get-latest-versions', { name: 'ranker', stages: ['Production'] });
    expect(latest.model_versions.map((v: Json) => v.version)).toEqual(['1']);
    expect((await ok('GET', 'registered-models/get', { name: 'ranker' })).registered_model.aliases).toEqual([{ alias: 'production', version: '1' }]);

    // A production version cannot be archived, deleted or moved to None directly.
    await fails('POST', 'model-versions/transition-stage', { name: 'ranker', version: '1', stage: 'Archived' }, 403, 'PERMISSION_DENIED', expect.stringContaining('Production'));
    await mlops.fails('DELETE', 'model-versions/delete', { name: 'ranker', version: '1' }, 400, 'INVALID_PARAMETER_VALUE', expect.stringContaining('serves @production'));
    await fails('POST', 'model-versions/transition-stage', { name: 'ranker', version: '1', stage: 'Gold' }, 400, 'INVALID_PARAMETER_VALUE', expect.stringContaining('None, Staging, Production, Archived'));
    await fails('POST', 'model-versions/transition-stage', { name: 'ranker', version: '2', stage: 'Archived', archive_existing_versions: true }, 400, 'INVALID_PARAMETER_VALUE');

    // Production to version 2 with archive_existing_versions: version 1 is archived once it applies.
    const second = requestIdIn((await fails('POST', 'model-versions/transition-stage', { name: 'ranker', version: '2', stage: 'Production', archive_existing_versions: 'true' }, 403, 'PERMISSION_DENIED')).message as string);
    await approve(second, versionId(2));
    expect((await ok('POST', 'model-versions/transition-stage', { name: 'ranker', version: '2', stage: 'Production', archive_existing_versions: 'true' })).model_version.current_stage).toBe('Production');
    expect((await ok('GET', 'model-versions/get', { name: 'ranker', version: '1' })).model_version.current_stage).toBe('Archived');
    expect((await ok('POST', 'model-versions/transition-stage', { name: 'ranker', version: '1', stage: 'None' })).model_version.current_stage).toBe('None');

    // Aliases: MLflow's and Quorum's naming rules, then the same quorum.
    await fails('POST', 'registered-models/alias', { name: 'ranker', alias: 'latest', version: '1' }, 400, 'INVALID_PARAMETER_VALUE', expect.stringContaining('reserved'));
    await fails('POST', 'registered-models/alias', { name: 'ranker', alias: 'v3', version: '1' }, 400, 'INVALID_PARAMETER_VALUE');
    await fails('POST', 'registered-models/alias', { name: 'ranker', alias: 'Champion', version: '1' }, 400, 'INVALID_PARAMETER_VALUE', expect.stringContaining('lowercase'));
    await fails('GET', 'registered-models/alias', { name: 'ranker', alias: 'champion' }, 400, 'INVALID_PARAMETER_VALUE', 'Registered model alias champion not found.');
    const third = requestIdIn((await fails('POST', 'registered-models/alias', { name: 'ranker', alias: 'champion', version: '1' }, 403, 'PERMISSION_DENIED')).message as string);
    await approve(third, versionId(1));
    await ok('POST', 'registered-models/alias', { name: 'ranker', alias: 'champion', version: '1' });
    expect((await ok('GET', 'registered-models/alias', { name: 'ranker', alias: 'champion' })).model_version).toMatchObject({ version: '1', aliases: ['champion'] });
    await fails('DELETE', 'registered-models/alias', { name: 'ranker', alias: 'champion' }, 403, 'PERMISSION_DENIED', expect.stringContaining('rollback'));

    // Deleting: not a serving version, not a model with versions; a deleted version disappears.
    await mlops.fails('DELETE', 'registered-models/delete', { name: 'ranker' }, 400, 'INVALID_PARAMETER_VALUE', expect.stringContaining('2 registered versions'));
    await ok('POST', 'model-versions/create', { name: 'ranker', source: 's3://r/3' });
    await mlops.ok('DELETE', 'model-versions/delete', { name: 'ranker', version: '3' });
    await fails('GET', 'model-versions/get', { name: 'ranker', version: '3' }, 404, 'RESOURCE_DOES_NOT_EXIST');
    expect(((await ok('GET', 'model-versions/search', { filter: "name = 'ranker'" })).model_versions as Json[]).map((v) => v.version)).toEqual(['2', '1']);

    const trail = await get().callerAs('compliance_lead').audit.list({ limit: 200 });
    const actions = trail.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['models.create', 'versions.create', 'promotions.request', 'promotions.execute', 'versions.update', 'versions.delete']));
  });

  it('authenticates and authorises every write', async () => {
    await ok('POST', 'registered-models/create', { name: 'guarded' });
    const noAuth = await call('POST', 'registered-models/create', { name: 'x' }, null);
    expect(noAuth).toMatchObject({ status: 401, json: { error_code: 'UNAUTHENTICATED' } });
    const po = await get().tokenFor('product_owner');
    expect(await call('POST', 'registered-models/create', { name: 'x' }, `Bearer ${po}`)).toMatchObject({ status: 403, json: { error_code: 'PERMISSION_DENIED' } });
    expect(await call('POST', 'model-versions/create', { name: 'guarded', source: 's3://g' }, `Bearer ${po}`)).toMatchObject({ status: 403, json: { error_code: 'PERMISSION_DENIED' } });
    // Reads are open to every signed-in role; a data scientist may not delete versions.
    expect((await call('GET', 'registered-models/get', { name: 'guarded' }, `Bearer ${po}`)).status).toBe(200);
    await ok('POST', 'model-versions/create', { name: 'guarded', source: 's3://g' });
    await fails('DELETE', 'model-versions/delete', { name: 'guarded', version: '1' }, 403, 'PERMISSION_DENIED');
  });
});
