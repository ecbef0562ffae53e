// MLflow's artifact proxy and artifact endpoints over HTTP against the real app, as
// MLflow's Python client calls them (PUT/GET/DELETE /mlflow-artifacts/artifacts/<path>,
// GET ?path=, artifacts/list, runs/log-model).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, serveForSuite } from '../../test/harness';

const MAX_ARTIFACT_BYTES = 64 * 1024;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json: Json;
}

/** An HTTP request sent exactly as written: no URL normalisation of `..` or `%2e%2e`, as a hostile client would send it. */
function raw(base: string, method: string, pathname: string, opts: { body?: Buffer | string; chunks?: Buffer[]; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path: pathname, headers: opts.headers ?? {} }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const body = Buffer.concat(parts);
        let json: Json = {};
        if (String(res.headers['content-type']).startsWith('application/json')) json = JSON.parse(body.toString()) as Json;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
      });
    });
    req.on('error', reject);
    if (opts.chunks) {
      for (const c of opts.chunks) req.write(c);
      req.end();
    } else req.end(opts.body);
  });
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describeEachEngine('MLflow artifacts', (get) => {
  const root = mkdtempSync(path.join(tmpdir(), 'quorum-artifacts-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const served = serveForSuite(get, { maxBodyBytes: 2 * 1024 * 1024, artifactRoot: root, maxArtifactBytes: MAX_ARTIFACT_BYTES });
  let token = '';
  beforeAll(async () => {
    token = await get().tokenFor('data_scientist');
  });
  const bearer = (t = token) => ({ authorization: `Bearer ${t}` });

  /** The artifact proxy: `/api/2.0/mlflow-artifacts/artifacts/<path>`. */
  const art = (method: string, rel: string, opts: { body?: Buffer | string; chunks?: Buffer[]; headers?: Record<string, string>; prefix?: string } = {}) =>
    raw(served.url(), method, `${opts.prefix ?? '/api/2.0'}/mlflow-artifacts/artifacts${rel === '' ? '' : `/${rel}`}`, { ...opts, headers: { ...bearer(), ...opts.headers } });
  const list = (dir: string, headers: Record<string, string> = bearer()) =>
    raw(served.url(), 'GET', `/api/2.0/mlflow-artifacts/artifacts?path=${encodeURIComponent(dir)}`, { headers });

  /** The tracking API (`/api/2.0/mlflow/...`), JSON in and out. */
  const mlflow = async (method: 'GET' | 'POST', rel: string, body: Json = {}, t = token) => {
    const qs = method === 'GET' ? `?${new URLSearchParams(body as Record<string, string>)}` : '';
    const res = await fetch(`${served.url()}/api/2.0/mlflow/${rel}${qs}`, {
      method,
      headers: { ...bearer(t), ...(method === 'POST' && { 'content-type': 'application/json' }) },
      ...(method === 'POST' && { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as Json };
  };
  const ok = async (method: 'GET' | 'POST', rel: string, body: Json = {}) => {
    const r = await mlflow(method, rel, body);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return r.json;
  };

  /** A new experiment and run; `base` is the run's artifact folder as the proxy names it. */
  async function newRun(name: string) {
    const { experiment_id } = await ok('POST', 'experiments/create', { name });
    const { run } = await ok('POST', 'runs/create', { experiment_id });
    const runId = run.info.run_id as string;
    expect(run.info.artifact_uri).toBe(`mlflow-artifacts:/${experiment_id}/${runId}/artifacts`);
    return { experimentId: experiment_id as string, runId, base: `${experiment_id}/${runId}/artifacts` };
  }
  const onDisk = (...rel: string[]) => path.join(root, ...rel);
  const stagingLeftovers = () => (existsSync(onDisk('.staging')) ? readdirSync(onDisk('.staging')) : []);
  const auditOf = (runId: string, action: string) => get().callerAs('compliance_lead').audit.list({ entityId: runId, action });

  it('uploads, lists and downloads binary files in nested folders, and audits each upload', async () => {
    const { runId, base } = await newRun('artifacts-roundtrip');
    const weights = randomBytes(40_000);
    const mlmodel = 'artifact_path: model\nflavors:\n  python_function: {}\n';
    expect(await art('PUT', `${base}/model/data/weights.bin`, { body: weights, headers: { 'content-type': 'application/octet-stream' } })).toMatchObject({ status: 200, json: {} });
    expect((await art('PUT', `${base}/model/MLmodel`, { body: mlmodel, headers: { 'content-type': 'text/plain' } })).status).toBe(200);
    // The Python client sends the guessed MIME type: a JSON file is stored as bytes, not parsed.
    expect((await art('PUT', `${base}/metrics%20summary.json`, { body: '{"auc": 0.9', headers: { 'content-type': 'application/json' } })).status).toBe(200);

    expect(readFileSync(onDisk(base, 'model', 'data', 'weights.bin')).equals(weights)).toBe(true);
    expect(readFileSync(onDisk(base, 'metrics summary.json'), 'utf8')).toBe('{"auc": 0.9');

    expect((await list(base)).json).toEqual({
      files: [
        { path: 'metrics summary.json', is_dir: false, file_size: 11 },
        { path: 'model', is_dir: true },
      ],
    });
    expect((await list(`${base}/model`)).json).toEqual({
      files: [
        { path: 'MLmodel', is_dir: false, file_size: Buffer.byteLength(mlmodel) },
        { path: 'data', is_dir: true },
      ],
    });
    expect(await list(`${base}/nothing-here`)).toMatchObject({ status: 200, json: {} });
    expect(await list(`${base}/model/MLmodel`)).toMatchObject({ status: 200, json: {} });

    const down = await art('GET', `${base}/model/data/weights.bin`);
    expect(down.status).toBe(200);
    expect(down.headers['content-type']).toBe('application/octet-stream');
    expect(down.body.equals(weights)).toBe(true);
    const text = await art('GET', `${base}/model/MLmodel`, { prefix: '/ajax-api/2.0' });
    expect(text.body.toString()).toBe(mlmodel);
    expect(text.headers['x-content-type-options']).toBe('nosniff');

    expect(await art('GET', `${base}/model/missing.bin`)).toMatchObject({ status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
    expect(await art('GET', `${base}/model`)).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining('is a folder') } });

    const entries = await auditOf(runId, 'artifacts.upload');
    expect(entries).toHaveLength(3);
    expect(entries.map((e) => e.summary)).toContainEqual({ path: `${base}/model/data/weights.bin`, size: 40_000, sha256: sha256(weights), replaced: false });
    expect(stagingLeftovers()).toEqual([]);
  });

  it('answers artifacts/list for a run with paths relative to its artifact_uri', async () => {
    const { runId, base } = await newRun('artifacts-list');
    expect(await ok('GET', 'artifacts/list', { run_id: runId })).toEqual({ root_uri: `mlflow-artifacts:/${base}` });
    await art('PUT', `${base}/model/MLmodel`, { body: 'x' });
    await art('PUT', `${base}/model/env/conda.yaml`, { body: 'deps' });
    await art('PUT', `${base}/plot.png`, { body: randomBytes(10) });

    expect(await ok('GET', 'artifacts/list', { run_uuid: runId })).toEqual({
      root_uri: `mlflow-artifacts:/${base}`,
      files: [
        { path: 'model', is_dir: true },
        { path: 'plot.png', is_dir: false, file_size: 10 },
      ],
    });
    expect((await ok('GET', 'artifacts/list', { run_id: runId, path: 'model' })).files).toEqual([
      { path: 'model/MLmodel', is_dir: false, file_size: 1 },
      { path: 'model/env', is_dir: true },
    ]);
    expect((await ok('GET', 'artifacts/list', { run_id: runId, path: 'model/env' })).files).toEqual([{ path: 'model/env/conda.yaml', is_dir: false, file_size: 4 }]);
    expect(await mlflow('GET', 'artifacts/list', { run_id: runId, path: '../other' })).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(await mlflow('GET', 'artifacts/list', { run_id: 'f'.repeat(32) })).toMatchObject({ status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
    expect(await mlflow('GET', 'artifacts/list', {})).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
  });

  it('overwrites a file in place, and deletes files and folders with an audit entry each', async () => {
    const { runId, base } = await newRun('artifacts-overwrite');
    await art('PUT', `${base}/model/model.pkl`, { body: 'first version' });
    await art('PUT', `${base}/model/model.pkl`, { body: 'second' });
    expect((await art('GET', `${base}/model/model.pkl`)).body.toString()).toBe('second');
    expect((await auditOf(runId, 'artifacts.upload')).map((e) => e.summary)).toContainEqual({ path: `${base}/model/model.pkl`, size: 6, sha256: sha256('second'), replaced: true });

    await art('PUT', `${base}/model/MLmodel`, { body: 'mlmodel' });
    await art('PUT', `${base}/keep.txt`, { body: 'keep' });
    expect(await art('DELETE', `${base}/model/MLmodel`)).toMatchObject({ status: 200, json: {} });
    expect(await art('GET', `${base}/model/MLmodel`)).toMatchObject({ status: 404 });
    // The Python client deletes a folder with a trailing slash.
    expect(await art('DELETE', `${base}/model/`)).toMatchObject({ status: 200, json: {} });
    expect(existsSync(onDisk(base, 'model'))).toBe(false);
    expect((await list(base)).json).toEqual({ files: [{ path: 'keep.txt', is_dir: false, file_size: 4 }] });
    // Deleting what is not there is not an error, as in MLflow.
    expect(await art('DELETE', `${base}/model/`)).toMatchObject({ status: 200, json: {} });

    const deletes = (await auditOf(runId, 'artifacts.delete')).map((e) => e.summary);
    expect(deletes).toContainEqual({ path: `${base}/model/MLmodel`, files: 1, bytes: 7 });
    expect(deletes).toContainEqual({ path: `${base}/model`, files: 1, bytes: 6 });
    expect(stagingLeftovers()).toEqual([]);

    // A file cannot hold files, and a folder cannot be overwritten by a file.
    expect(await art('PUT', `${base}/keep.txt/inner`, { body: 'x' })).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
    await art('PUT', `${base}/dir/a`, { body: 'x' });
    expect(await art('PUT', `${base}/dir`, { body: 'x' })).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(stagingLeftovers()).toEqual([]);
    // Refused uploads leave no audit entry: five stored files, five entries.
    expect(await auditOf(runId, 'artifacts.upload')).toHaveLength(5);
  });

  it('refuses paths that could leave the run folder, with 400 and nothing written', async () => {
    const { base } = await newRun('artifacts-traversal');
    const before = readdirSync(root).sort();
    const attempts = [
      `${base}/../../../escape.txt`,
      `${base}/%2e%2e/%2e%2e/%2E%2E/escape.txt`,
      `${base}/a%2F..%2F..%2Fescape.txt`,
      `${base}/..%5C..%5Cescape.txt`,
      `${base}/nul%00.txt`,
      `${base}//double.txt`,
      `/etc/escape.txt`,
      `%2Fetc%2Fescape.txt`,
      `${base.split('/').slice(0, 2).join('/')}/outside-artifacts.txt`,
      `${base.split('/').slice(0, 2).join('/')}`,
      `${base}/bad%zzencoding`,
    ];
    for (const attempt of attempts) {
      const res = await art('PUT', attempt, { body: 'pwned' });
      expect(res.status, `${attempt}: ${res.body.toString()}`).toBe(400);
      expect(res.json.error_code, attempt).toBe('INVALID_PARAMETER_VALUE');
      expect(res.json.message, attempt).toMatch(/artifact path|not valid percent-encoding/);
    }
    for (const attempt of [`${base}/../..`, `${base}/%2e%2e/x`]) expect((await art('GET', attempt)).status, attempt).toBe(400);
    for (const attempt of [`${base}/..`, `/etc`, `${base}\\..\\..`, '']) expect((await list(attempt)).status, attempt).toBe(400);
    expect((await art('DELETE', `${base}/../../..`)).status).toBe(400);

    expect(existsSync(path.join(root, '..', 'escape.txt'))).toBe(false);
    expect(readdirSync(root).sort()).toEqual(before);
    expect(stagingLeftovers()).toEqual([]);
  });

  it('checks the experiment and the run a path names', async () => {
    const a = await newRun('artifacts-owner-a');
    const b = await newRun('artifacts-owner-b');
    expect(await art('PUT', `${b.experimentId}/${a.runId}/artifacts/x.txt`, { body: 'x' })).toMatchObject({
      status: 400,
      json: { error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining(`belongs to experiment ${a.experimentId}`) },
    });
    const nope = 'e'.repeat(32);
    expect(await art('PUT', `${a.experimentId}/${nope}/artifacts/x.txt`, { body: 'x' })).toMatchObject({ status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: `Run with id=${nope} not found` } });
    expect(await art('PUT', `424242/${a.runId}/artifacts/x.txt`, { body: 'x' })).toMatchObject({ status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'No Experiment with id=424242 exists' } });
    expect(await art('PUT', `not-a-number/${a.runId}/artifacts/x.txt`, { body: 'x' })).toMatchObject({ status: 404 });
    expect(await list(`${b.experimentId}/${a.runId}/artifacts`)).toMatchObject({ status: 400 });
    expect(existsSync(onDisk(b.experimentId))).toBe(false);
  });

  it('refuses writes to a deleted run but still serves its files', async () => {
    const { runId, base } = await newRun('artifacts-deleted');
    await art('PUT', `${base}/kept.txt`, { body: 'kept' });
    await ok('POST', 'runs/delete', { run_id: runId });
    const inactive = { status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE', message: `The run ${runId} must be in the 'active' state. Current state is deleted.` } };
    expect(await art('PUT', `${base}/late.txt`, { body: 'late' })).toMatchObject(inactive);
    expect(await art('DELETE', `${base}/kept.txt`)).toMatchObject(inactive);
    const modelJson = JSON.stringify({ run_id: runId, artifact_path: 'model', utc_time_created: '2026-11-01 10:00:00.000000', flavors: {} });
    expect(await mlflow('POST', 'runs/log-model', { run_id: runId, model_json: modelJson })).toMatchObject(inactive);
    expect((await art('GET', `${base}/kept.txt`)).body.toString()).toBe('kept');
    expect(existsSync(onDisk(base, 'late.txt'))).toBe(false);
  });

  it('answers 401 without valid credentials and 403 to a role that may not log', async () => {
    const { base } = await newRun('artifacts-auth');
    await art('PUT', `${base}/a.txt`, { body: 'a' });
    const anonymous = `/api/2.0/mlflow-artifacts/artifacts/${base}`;
    expect(await raw(served.url(), 'PUT', `${anonymous}/b.txt`, { body: 'b' })).toMatchObject({ status: 401, json: { error_code: 'UNAUTHENTICATED' } });
    expect(await raw(served.url(), 'GET', `${anonymous}/a.txt`)).toMatchObject({ status: 401, json: { error_code: 'UNAUTHENTICATED' } });
    expect(await raw(served.url(), 'GET', `/ajax-api/2.0/mlflow-artifacts/artifacts/${base}/a.txt`)).toMatchObject({ status: 401 });
    expect(await list(base, {})).toMatchObject({ status: 401, json: { error_code: 'UNAUTHENTICATED' } });
    expect(await art('GET', `${base}/a.txt`, { headers: { authorization: 'Bearer not-a-token' } })).toMatchObject({ status: 401 });

    // The product owner reads but may not log (runs.logBatch).
    const viewer = await get().tokenFor('product_owner');
    expect((await art('GET', `${base}/a.txt`, { headers: bearer(viewer) })).body.toString()).toBe('a');
    expect(await art('PUT', `${base}/b.txt`, { body: 'b', headers: bearer(viewer) })).toMatchObject({ status: 403, json: { error_code: 'PERMISSION_DENIED', message: expect.stringContaining('runs.logBatch') } });
    expect(await art('DELETE', `${base}/a.txt`, { headers: bearer(viewer) })).toMatchObject({ status: 403 });
    expect(existsSync(onDisk(base, 'b.txt'))).toBe(false);
    expect(existsSync(onDisk(base, 'a.txt'))).toBe(true);
    // A platform engineer may log.
    expect((await art('PUT', `${base}/c.txt`, { body: 'c', headers: bearer(await get().tokenFor('platform_engineer')) })).status).toBe(200);
  });

  it('refuses a file over the size limit, whether its length is declared or streamed, and keeps nothing', async () => {
    const { runId, base } = await newRun('artifacts-oversize');
    const tooLarge = { status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining('larger than this server accepts') } };
    expect(await art('PUT', `${base}/big.bin`, { body: randomBytes(MAX_ARTIFACT_BYTES + 1) })).toMatchObject(tooLarge);
    // Chunked: no Content-Length, so the limit is found while streaming.
    const chunks = Array.from({ length: 5 }, () => randomBytes(16 * 1024 + 1));
    expect(await art('PUT', `${base}/streamed.bin`, { chunks })).toMatchObject(tooLarge);
    expect(existsSync(onDisk(base, 'big.bin'))).toBe(false);
    expect(existsSync(onDisk(base, 'streamed.bin'))).toBe(false);
    expect(stagingLeftovers()).toEqual([]);
    expect(await auditOf(runId, 'artifacts.upload')).toEqual([]);

    const exact = randomBytes(MAX_ARTIFACT_BYTES);
    expect((await art('PUT', `${base}/exact.bin`, { chunks: [exact.subarray(0, 1000), exact.subarray(1000)] })).status).toBe(200);
    expect(readFileSync(onDisk(base, 'exact.bin')).equals(exact)).toBe(true);
  });

  it('records log_model in the mlflow.log-model.history tag', async () => {
    const { runId } = await newRun('artifacts-log-model');
    const model = (artifactPath: string) => ({
      run_id: runId,
      artifact_path: artifactPath,
      utc_time_created: '2026-11-01 10:00:00.000000',
      model_uuid: `uuid-${artifactPath}`,
      flavors: { python_function: { loader_module: 'mlflow.sklearn', config: { big: true } }, sklearn: { sklearn_version: '1.5.0' } },
      signature: { inputs: '[]' },
      mlflow_version: '2.17.0',
    });
    expect(await ok('POST', 'runs/log-model', { run_id: runId, model_json: JSON.stringify(model('model')) })).toEqual({});
    expect(await ok('POST', 'runs/log-model', { run_id: runId, model_json: JSON.stringify(model('model-2')) })).toEqual({});
    const { run } = await ok('GET', 'runs/get', { run_id: runId });
    const tag = (run.data.tags as { key: string; value: string }[]).find((t) => t.key === 'mlflow.log-model.history');
    expect(JSON.parse(tag!.value)).toEqual(
      ['model', 'model-2'].map((p) => ({
        run_id: runId,
        utc_time_created: '2026-11-01 10:00:00.000000',
        artifact_path: p,
        model_uuid: `uuid-${p}`,
        flavors: { python_function: { loader_module: 'mlflow.sklearn' }, sklearn: { sklearn_version: '1.5.0' } },
      })),
    );
    expect(JSON.stringify(await auditOf(runId, 'runs.logBatch'))).toContain('runs.logBatch');

    expect(await mlflow('POST', 'runs/log-model', { run_id: runId, model_json: '{not json' })).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE', message: expect.stringContaining('Malformed model info') } });
    expect(await mlflow('POST', 'runs/log-model', { run_id: runId, model_json: JSON.stringify({ run_id: runId, flavors: {} }) })).toMatchObject({
      status: 400,
      json: { message: "Model json is missing mandatory fields: {'artifact_path', 'utc_time_created'}" },
    });
    expect(await mlflow('POST', 'runs/log-model', { run_id: runId })).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(await mlflow('POST', 'runs/log-model', { run_id: runId, model_json: JSON.stringify(model('x')) }, await get().tokenFor('product_owner'))).toMatchObject({
      status: 403,
      json: { error_code: 'PERMISSION_DENIED' },
    });
  });

  describe('without an artifact folder', () => {
    const bare = serveForSuite(get);
    it('answers 503 on every artifact endpoint', async () => {
      const unavailable = { status: 503, json: { error_code: 'TEMPORARILY_UNAVAILABLE', message: expect.stringContaining('not configured') } };
      expect(await raw(bare.url(), 'PUT', '/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts/x', { body: 'x', headers: bearer() })).toMatchObject(unavailable);
      expect(await raw(bare.url(), 'GET', '/api/2.0/mlflow-artifacts/artifacts?path=1', { headers: bearer() })).toMatchObject(unavailable);
      expect(await raw(bare.url(), 'GET', '/api/2.0/mlflow/artifacts/list?run_id=abc', { headers: bearer() })).toMatchObject(unavailable);
    });
  });
});
