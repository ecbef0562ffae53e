// createDb: the one place that chooses the storage engine. PGlite (embedded, a data
// folder or memory) by default; PostgreSQL through node-postgres when a URL is given.
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema';
import type { Database } from './types';

export interface DbHandle {
  db: Database;
  engine: 'pglite' | 'postgres';
  /** Applies the committed SQL migrations (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

// node-postgres returns int8 as strings; PGlite returns numbers. Steps and epoch
// milliseconds stay below 2^53, so both engines hand back plain numbers.
const INT8_ARRAY = 1016;
const FLOAT8_ARRAY = 1022;
type AnyTypeId = Parameters<typeof pg.types.getTypeParser>[0];
const int8AsNumber = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8) return (v: string) => Number(v);
    // int8[] parses as float8[] does: element-wise to numbers.
    if (oid === INT8_ARRAY) return pg.types.getTypeParser(FLOAT8_ARRAY as AnyTypeId, 'text');
    return pg.types.getTypeParser(oid as AnyTypeId, format ?? 'text');
  },
} as pg.CustomTypesConfig;

export interface CreateDbOptions {
  /** postgres:// URL; when absent the embedded engine is used. */
  url?: string | undefined;
  /** PGlite data folder; absent means in memory. Ignored with a URL. */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, types: int8AsNumber });
    // An idle connection the server drops (restart, failover, a dropped test database)
    // emits 'error' on the pool; unhandled, that would end the process. The pool replaces
    // the connection on the next query, so a log line is all it takes.
    pool.on('error', (error) => console.error(`PostgreSQL closed an idle connection: ${error.message}`));
    // Surface connection problems at start-up rather than on the first request.
    const probe = await pool.connect();
    probe.release();
    const db = drizzlePg({ client: pool, schema }) as unknown as Database;
    return {
      db,
      engine: 'postgres',
      migrate: () => migratePg(drizzlePg({ client: pool, schema }), { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await client.waitReady;
  const pgliteDb = drizzlePglite({ client, schema });
  return {
    db: pgliteDb as unknown as Database,
    engine: 'pglite',
    migrate: () => migratePglite(pgliteDb, { migrationsFolder }),
    close: () => client.close(),
  };
}
