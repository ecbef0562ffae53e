// `quorum import mlflow` as a user types it: arguments, bad input and its exit codes,
// the summary. Bad input is refused before anything is written. One engine suffices:
// nothing here depends on the database.
import { testEngines } from '@quorum/db/testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli';
import { testServerStart, type TestServer } from './test-server';

const FIXTURE = fileURLToPath(new URL('../../test-fixtures/mlruns', import.meta.url));

describe('quorum import mlflow (CLI)', () => {
  let server: TestServer;
  let dir: string;
  const saved = { url: process.env.QUORUM_URL, token: process.env.QUORUM_TOKEN };

  beforeAll(async () => {
    server = await testServerStart(testEngines()[0]!);
    dir = mkdtempSync(path.join(tmpdir(), 'quorum-import-cli-'));
    process.env.QUORUM_URL = server.url;
    process.env.QUORUM_TOKEN = server.token;
  });
  afterAll(async () => {
    process.env.QUORUM_URL = saved.url;
    process.env.QUORUM_TOKEN = saved.token;
    rmSync(dir, { recursive: true, force: true });
    await server?.close();
  });

  async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, (l) => out.push(l), (l) => err.push(l));
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('refuses bad input with a clear message and exit code, writing nothing', async () => {
    expect(await cli('import', 'mlflow')).toMatchObject({ code: 2, err: expect.stringContaining('--from is required') });
    expect(await cli('import', 'wandb', '--from', FIXTURE)).toMatchObject({ code: 2, err: expect.stringContaining('quorum import mlflow --from') });

    const missing = path.join(dir, 'nope');
    expect(await cli('import', 'mlflow', '--from', missing)).toMatchObject({ code: 2, err: `quorum import: No such folder: ${missing}` });

    const project = path.join(dir, 'project');
    mkdirSync(path.join(project, 'mlruns'), { recursive: true });
    writeFileSync(path.join(project, 'train.py'), 'print(1)\n');
    const notAStore = await cli('import', 'mlflow', '--from', project);
    expect(notAStore.code).toBe(2);
    expect(notAStore.err).toContain(`${project} is not an MLflow file store`);
    expect(notAStore.err).toContain(`did you mean ${path.join(project, 'mlruns')}?`);

    const database = await cli('import', 'mlflow', '--from', 'postgresql://mlflow@db/mlflow');
    expect(database).toMatchObject({ code: 2, err: expect.stringContaining("give the tracking server's http(s) URL") });

    // A port that was just free: nothing listens there.
    const probe = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => probe.once('listening', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const unreachable = await cli('import', 'mlflow', '--from', `http://127.0.0.1:${port}`);
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toContain(`Cannot reach the MLflow tracking server at http://127.0.0.1:${port}`);

    const unknown = await cli('import', 'mlflow', '--from', FIXTURE, '--experiment', 'fraud');
    expect(unknown).toMatchObject({ code: 2, err: expect.stringContaining('No experiment named "fraud"') });

    process.env.QUORUM_TOKEN = 'qrm_not-a-real-token';
    try {
      const badToken = await cli('import', 'mlflow', '--from', FIXTURE);
      expect(badToken.code).toBe(1);
      expect(badToken.err).toContain(`Quorum at ${server.url} did not accept the token`);
    } finally {
      process.env.QUORUM_TOKEN = server.token;
    }

    expect(await server.quorum.api.experiments.list.query({ includeArchived: true })).toEqual([]);
  });

  it('imports one experiment, then the rest, then reports everything as already there', async () => {
    const one = await cli('import', 'mlflow', '--from', FIXTURE, '--experiment', 'churn');
    expect(one.code).toBe(0);
    expect(one.out).toContain(`Imported from ${FIXTURE}`);
    expect(one.out).toMatch(/runs +3 imported, 0 skipped as already there/);
    expect(one.out).toContain('registry       not imported: only some experiments were imported (--experiment)');
    expect(one.out).toContain('Skipped as deleted in MLflow: 0 experiments and 1 run');

    const all = await cli('import', 'mlflow', '--from', FIXTURE);
    expect(all.code).toBe(0);
    expect(all.out).toMatch(/experiments +1 created, 1 already there/);
    expect(all.out).toMatch(/runs +1 imported, 3 skipped as already there/);
    expect(all.out).toMatch(/versions +2 imported, 0 skipped as already there/);
    expect(all.out).toContain('Skipped as deleted in MLflow: 1 experiment and 1 run');
    expect(all.out).toContain('Stages (2) and aliases (1) were recorded as version tags quorum.import.stage and quorum.import.aliases');
    expect(all.out).toContain('needs a promotion request');

    const again = await cli('import', 'mlflow', '--from', FIXTURE);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/runs +0 imported, 4 skipped as already there/);
    expect(again.out).toMatch(/metric points +0 imported, 0 already there/);
    expect(again.out).toMatch(/models +0 imported, 1 already there/);

    const dry = await cli('import', 'mlflow', '--from', FIXTURE, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Dry run, nothing written');
  });

  it('lists the command in the usage text', async () => {
    const usage = await cli('help');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('quorum import mlflow --from <tracking URI | mlruns folder> [--experiment <name> ...] [--dry-run]');
  });
});
