// The real app over HTTP: the tRPC client the SDK and the web app use, and raw requests.
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import { beforeAll, expect, it } from 'vitest';
import type { AppRouter } from './routers';
import { describeEachEngine, serveForSuite } from './test/harness';

describeEachEngine('HTTP API', (get) => {
  const served = serveForSuite(get);
  let token = '';
  beforeAll(async () => {
    token = await get().tokenFor('data_scientist');
  });

  const client = () =>
    createTRPCClient<AppRouter>({ links: [httpLink({ url: `${served.url()}/api/trpc`, transformer: superjson, headers: { authorization: `Bearer ${token}` } })] });
  const auth = () => ({ authorization: `Bearer ${token}` });

  it('answers /healthz', async () => {
    const res = await fetch(`${served.url()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('logs a batch over HTTP and reads NaN and ±Infinity back', async () => {
    const api = client();
    const exp = await api.experiments.create.mutate({ name: 'http' });
    const run = await api.runs.create.mutate({ experimentId: exp.id });
    const metrics = Array.from({ length: 10_000 }, (_, i) => ({ key: 'loss', value: i === 5 ? NaN : i === 6 ? Infinity : 1 / (i + 1), step: i, timestamp: 1_000 + i }));
    const res = await api.runs.logBatch.mutate({ runId: run.id, metrics });
    expect(res.metrics).toBe(10_000);
    const series = await api.metrics.series.query({ runIds: [run.id], keys: ['loss'], fromStep: 0, toStep: 9 });
    expect(series.series[0]!.values.slice(4, 7)).toEqual([1 / 5, NaN, Infinity]);
  });

  it('answers invalid input with 400 and a readable message', async () => {
    const err = await client()
      .runs.search.query({ experimentIds: [], filter: '' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    const e = err as TRPCClientError<AppRouter>;
    expect(e.data?.httpStatus).toBe(400);
    expect(e.message).toBe('experimentIds: Search at least one experiment');
  });

  it('answers a bad filter with 400 and the position of the problem', async () => {
    const api = client();
    const exp = await api.experiments.create.mutate({ name: 'http-filter' });
    const e = (await api.runs.search.query({ experimentIds: [exp.id], filter: 'params.lr = ' }).catch((x: unknown) => x)) as TRPCClientError<AppRouter>;
    expect(e.data?.httpStatus).toBe(400);
    expect(e.data?.detail).toMatchObject({ position: expect.any(Number), column: expect.any(Number) });
  });

  it('rejects malformed JSON, oversize bodies and unknown paths with 4xx, never 500', async () => {
    const malformed = await fetch(`${served.url()}/api/trpc/experiments.create`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth() }, body: '{"json":' });
    expect(malformed.status).toBe(400);
    const huge = await fetch(`${served.url()}/api/trpc/experiments.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth() },
      body: JSON.stringify({ json: { name: 'x'.repeat(3 * 1024 * 1024) } }),
    });
    expect(huge.status).toBe(413);
    const unknown = await fetch(`${served.url()}/api/trpc/nope.nothing`, { headers: auth() });
    expect(unknown.status).toBe(404);
    const wrongVerb = await fetch(`${served.url()}/api/trpc/experiments.create?input=${encodeURIComponent('{"json":{"name":"via-get"}}')}`, { headers: auth() });
    expect(wrongVerb.status).toBe(405);
    const formPost = await fetch(`${served.url()}/api/trpc/experiments.create`, { method: 'POST', headers: { 'content-type': 'text/plain', ...auth() }, body: '{"json":{"name":"via-form"}}' });
    expect(formPost.status).toBe(415);
    const list = await client().experiments.list.query({ includeArchived: true });
    expect(list.map((x) => x.name)).not.toContain('via-get');
    expect(list.map((x) => x.name)).not.toContain('via-form');
  });
});
