// Sign-in, sessions, CSRF, tokens and the REST audit endpoints, over HTTP against the real app.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import superjson from 'superjson';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../app';
import { systemContext } from '../services/context';
import { SIGN_IN_MAX_FAILURES, SESSION_TTL_MS } from '../services/auth';
import { userCreate } from '../services/users';
import { describeEachEngine } from '../test/harness';

describeEachEngine('auth over HTTP', (get) => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    const { handle, clock } = get();
    await userCreate(systemContext(handle.db, clock, 'test'), { email: 'ana@test.quorum', name: 'Ana', roles: ['data_scientist'], kind: 'human', password: 'correct horse battery' });
    server = createApp({ db: handle.db, clock }).listen(0);
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  /** One tRPC call as raw HTTP, so cookies and headers are in plain view. */
  async function call(path: string, input: unknown, opts: { cookie?: string; csrf?: string; bearer?: string; mutation?: boolean } = {}) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (opts.cookie) headers.cookie = opts.cookie;
    if (opts.csrf) headers['x-csrf-token'] = opts.csrf;
    if (opts.bearer) headers.authorization = `Bearer ${opts.bearer}`;
    const body = JSON.stringify(superjson.serialize(input));
    const res = opts.mutation
      ? await fetch(`${base}/api/trpc/${path}`, { method: 'POST', headers, body })
      : await fetch(`${base}/api/trpc/${path}?input=${encodeURIComponent(body)}`, { headers });
    const json = (await res.json()) as { result?: { data: unknown }; error?: { json: { message: string } } };
    return { status: res.status, setCookie: res.headers.get('set-cookie'), data: json.result ? superjson.deserialize(json.result.data as never) : undefined, message: json.error?.json.message };
  }
  const signIn = (password = 'correct horse battery', email = 'ana@test.quorum') => call('auth.signIn', { email, password }, { mutation: true });

  it('signs in with an httpOnly SameSite cookie, needs the CSRF token to write, and signs out', async () => {
    const res = await signIn();
    expect(res.status).toBe(200);
    expect(res.setCookie).toMatch(/^quorum_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200/);
    const cookie = res.setCookie!.split(';')[0]!;
    const { csrfToken } = res.data as { csrfToken: string };
    expect(JSON.stringify(res.data)).not.toContain(cookie.split('=')[1]);

    const me = await call('auth.me', undefined, { cookie });
    expect(me.data).toMatchObject({ email: 'ana@test.quorum', roles: ['data_scientist'], csrfToken });

    const noCsrf = await call('experiments.create', { name: 'csrf-less' }, { cookie, mutation: true });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.message).toContain('CSRF');
    const ok = await call('experiments.create', { name: 'with-csrf' }, { cookie, csrf: csrfToken, mutation: true });
    expect(ok.status).toBe(200);

    const out = await call('auth.signOut', undefined, { cookie, csrf: csrfToken, mutation: true });
    expect(out.status).toBe(200);
    expect(out.setCookie).toContain('Max-Age=0');
    expect((await call('experiments.list', {}, { cookie })).status).toBe(401);
  });

  it('expires sessions', async () => {
    const res = await signIn();
    const cookie = res.setCookie!.split(';')[0]!;
    expect((await call('experiments.list', {}, { cookie })).status).toBe(200);
    get().clock.advance(SESSION_TTL_MS + 1);
    const expired = await call('experiments.list', {}, { cookie });
    expect(expired.status).toBe(401);
    expect(expired.message).toContain('Sign in first');
  });

  it('rate-limits failed sign-ins per account and audits each failure', async () => {
    const { callerAs, clock } = get();
    clock.advance(60 * 60_000);
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) {
      const bad = await signIn('wrong password!');
      expect(bad.status).toBe(401);
      expect(bad.message).toBe('Wrong email or password');
    }
    const limited = await signIn();
    expect(limited.status).toBe(429);
    expect(limited.message).toContain('Too many failed sign-ins');
    const failures = await callerAs('compliance_lead').audit.list({ action: 'auth.signIn', entityId: 'ana@test.quorum' });
    expect(failures.filter((f) => f.outcome === 'failed').length).toBeGreaterThanOrEqual(SIGN_IN_MAX_FAILURES);
    expect(JSON.stringify(failures)).not.toContain('wrong password');
    clock.advance(16 * 60_000);
    expect((await signIn()).status).toBe(200);
    // Unknown accounts fail the same way.
    expect((await signIn('whatever-it-is', 'nobody@test.quorum')).message).toBe('Wrong email or password');
  });

  it('accepts Bearer tokens within their scope, and stops at revocation', async () => {
    const { tokenFor, callerAs, actors } = get();
    const secret = await tokenFor('data_scientist');
    expect((await call('experiments.create', { name: 'by-token' }, { bearer: secret, mutation: true })).status).toBe(200);
    expect((await call('experiments.list', {}, { bearer: 'qrm_forged-token-value' })).message).toContain('not valid');

    // A token cannot carry a role its owner lacks…
    await expect(callerAs('data_scientist').tokens.create({ name: 'escalate', roles: ['admin'] })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('cannot carry admin') });
    // …and a narrowed token acts with the narrower roles.
    const narrow = await callerAs('mlops_engineer').tokens.create({ name: 'narrow', roles: ['mlops_engineer'] });
    expect(narrow.secret).toMatch(/^qrm_/);
    const listed = await callerAs('mlops_engineer').tokens.list();
    expect(JSON.stringify(listed)).not.toContain(narrow.secret);
    expect(listed[0]).toMatchObject({ name: 'narrow', prefix: narrow.secret.slice(0, 10) });

    const dsTokens = await callerAs('data_scientist').tokens.list();
    const id = dsTokens.find((t) => t.name === 'test-data_scientist')!.id;
    await expect(callerAs('mlops_engineer').tokens.revoke({ id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await callerAs('data_scientist').tokens.revoke({ id });
    expect((await call('experiments.list', {}, { bearer: secret })).status).toBe(401);
    expect(actors.admin.roles).toEqual(['admin']);
  });

  it('serves verify and exports of the trail to compliance leads only', async () => {
    const { tokenFor } = get();
    const compliance = await tokenFor('compliance_lead');
    const scientist = await tokenFor('data_scientist');
    const verify = await fetch(`${base}/api/audit/verify`, { headers: { authorization: `Bearer ${compliance}` } });
    expect(verify.status).toBe(200);
    expect(await verify.json()).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect((await fetch(`${base}/api/audit/verify`, { headers: { authorization: `Bearer ${scientist}` } })).status).toBe(403);
    expect((await fetch(`${base}/api/audit/verify`)).status).toBe(401);

    const csv = await (await fetch(`${base}/api/audit/export?format=csv&action=experiments`, { headers: { authorization: `Bearer ${compliance}` } })).text();
    expect(csv.split('\n')[0]).toBe('seq,at,actorType,actorId,actorLabel,action,entityType,entityId,outcome,summary,prevHash,hash');
    expect(csv).toContain('experiments.create');
    const jsonl = await (await fetch(`${base}/api/audit/export?format=jsonl`, { headers: { authorization: `Bearer ${compliance}` } })).text();
    const lines = jsonl.trim().split('\n').map((l) => JSON.parse(l) as { hash: string; prevHash: string });
    expect(lines.length).toBeGreaterThan(3);
    expect(lines[1]!.prevHash).toBe(lines[0]!.hash);
    // No secret ever reaches the trail.
    expect(jsonl).not.toMatch(/qrm_[A-Za-z0-9_-]{20,}/);
    expect(jsonl).not.toContain('correct horse');
  });
});
