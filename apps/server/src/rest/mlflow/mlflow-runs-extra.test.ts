// Request/response tests for runs/search's run_view_type, over HTTP against the real app.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine, serveForSuite } from '../../test/harness';

describeEachEngine('MLflow REST API: run views, inputs and bulk history', (get) => {
  const served = serveForSuite(get);
  let token = '';
  beforeAll(async () => {
    token = await get().tokenFor('data_scientist');
  });

  type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const call = async (method: 'GET' | 'POST', path: string, body: Json = {}, auth = `Bearer ${token}`): Promise<{ status: number; json: Json }> => {
    const headers: Record<string, string> = { accept: 'application/json', authorization: auth };
    let url = `${served.url()}/api/2.0/mlflow/${path}`;
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
  const ok = async (method: 'GET' | 'POST', path: string, body: Json = {}) => {
    const r = await call(method, path, body);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return r.json;
  };
  const err = (status: number, error_code: string, message: string) => ({ status, json: { error_code, message } });

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
});
