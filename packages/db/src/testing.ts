// Test support: a freshly migrated database on every engine under test. PGlite always
// (in memory); PostgreSQL too when DATABASE_URL is set, each in a database of its own
// so test files can run in parallel and leave nothing behind.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type DbHandle } from './client';

export interface TestEngine {
  name: 'pglite' | 'postgres';
  open(): Promise<DbHandle>;
}

/** The engines every data test runs on. */
export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = [{ name: 'pglite', open: openPglite }];
  const url = process.env.DATABASE_URL;
  if (url) engines.push({ name: 'postgres', open: () => openPostgres(url) });
  return engines;
}

async function openPglite(): Promise<DbHandle> {
  const handle = await createDb();
  await handle.migrate();
  return handle;
}

async function openPostgres(baseUrl: string): Promise<DbHandle> {
  const name = `quorum_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ url: url.toString(), poolSize: 4 });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: baseUrl });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
