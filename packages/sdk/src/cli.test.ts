// A fresh install without demo data: the first admin comes from the bootstrap token and
// the CLI, and no password exists until someone sets one.
import { ServerExit, serverStart, type ServerProcess } from '@quorum/server/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './cli';

const BOOTSTRAP = 'bootstrap-secret-for-tests-0123456789abcdef';

describe('first admin on a non-demo install', () => {
  let server: ServerProcess;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'quorum-cli-'));
    server = await serverStart({ QUORUM_DATA_DIR: dir, QUORUM_DEMO: '0', QUORUM_BOOTSTRAP_TOKEN: BOOTSTRAP, DATABASE_URL: '' });
    process.env.QUORUM_URL = server.url;
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the first admin with `quorum admin create`, who can then sign in', async () => {
    const lines: string[] = [];
    process.env.QUORUM_TOKEN = BOOTSTRAP;
    expect(await main(['whoami'], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toContain('Bootstrap automation');
    const code = await main(['admin', 'create', '--email', 'root@example.org', '--name', 'Root'], (l) => lines.push(l), (l) => lines.push(l));
    expect(code).toBe(1);
    expect(lines.at(-1)).toContain('A person needs a password');
    const ok = await main(['admin', 'create', '--email', 'ops@example.org', '--name', 'Ops bot', '--service', '--roles', 'mlops_engineer'], (l) => lines.push(l));
    expect(ok).toBe(0);
    expect(lines.at(-1)).toMatch(/Created service account ops@example.org .* mlops_engineer/);

    // No demo accounts exist on a non-demo install.
    const res = await fetch(`${server.url}/api/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'ana.silva@quorum.demo', password: 'quorum-demo' } }),
    });
    expect(res.status).toBe(401);
  });

  it('refuses to start with a short bootstrap token', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'quorum-cli-'));
    const failed = await serverStart({ QUORUM_DATA_DIR: other, QUORUM_DEMO: '0', QUORUM_BOOTSTRAP_TOKEN: 'too-short', DATABASE_URL: '' }).then(
      (s) => s.stop().then(() => null),
      (e: unknown) => e,
    );
    rmSync(other, { recursive: true, force: true });
    expect(failed).toBeInstanceOf(ServerExit);
    expect((failed as ServerExit).output).toContain('QUORUM_BOOTSTRAP_TOKEN must have at least 32 characters');
  });
});
