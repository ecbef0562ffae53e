// npm run bench: prints `BENCH <name> <value> <unit>` lines, on the embedded database
// and, when DATABASE_URL is set, on PostgreSQL.
import type { DbHandle } from '@quorum/db';
import { testEngines } from '@quorum/db/testing';
import pg from 'pg';
import { benchDatasets } from './datasets';
import { benchMlflowLogBatch } from './mlflow';
import { benchMlflowImport } from './mlflow-import';
import { benchMonitoringWindow } from './monitoring';
import { benchStats } from './stats';
import { benchIngest, benchSearch, benchSeries, benchWriters, type Report } from './tracking';

const report: Report = (name, value, unit) => console.log(`BENCH ${name} ${Number(value.toPrecision(6))} ${unit}`);

async function freshPostgresUrl(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `quorum_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function main() {
  // `npm run bench -- tracking`, `-- stats`, `-- mlflow`, `-- import` or `-- monitoring` runs one part.
  const only = process.argv[2];
  if (only === 'stats') return benchStats(report);
  if (only === 'mlflow') return benchMlflow();
  if (only === 'import') return benchImport();
  if (only === 'monitoring') return benchMonitoring();
  await benchIngest(report, 'embedded');
  if (process.env.DATABASE_URL) {
    const pgDb = await freshPostgresUrl(process.env.DATABASE_URL);
    try {
      // The server migrates the fresh database itself.
      await benchIngest(report, 'postgres', pgDb.url);
    } finally {
      await pgDb.drop();
    }
  }
  await benchMlflow();
  await benchImport();
  for (const engine of testEngines()) {
    const label = engine.name === 'pglite' ? 'embedded' : 'postgres';
    const handle: DbHandle = await engine.open();
    try {
      await benchWriters(report, label, handle);
      await benchSearch(report, label, handle);
      await benchSeries(report, label, handle);
      await benchDatasets(report, label, handle);
      await benchMonitoringWindow(report, label, handle);
    } finally {
      await handle.close();
    }
  }
  if (only !== 'tracking') await benchStats(report);
}

/** One monitoring window computed and stored, on each engine. */
async function benchMonitoring() {
  for (const engine of testEngines()) {
    const handle: DbHandle = await engine.open();
    try {
      await benchMonitoringWindow(report, engine.name === 'pglite' ? 'embedded' : 'postgres', handle);
    } finally {
      await handle.close();
    }
  }
}

/** MLflow's log-batch over HTTP, on each engine. */
async function benchMlflow() {
  await benchMlflowLogBatch(report, 'embedded');
  if (process.env.DATABASE_URL) {
    const pgDb = await freshPostgresUrl(process.env.DATABASE_URL);
    try {
      await benchMlflowLogBatch(report, 'postgres', pgDb.url);
    } finally {
      await pgDb.drop();
    }
  }
}

/** `quorum import mlflow` from a generated mlruns store, on each engine. */
async function benchImport() {
  await benchMlflowImport(report, 'embedded');
  if (process.env.DATABASE_URL) {
    const pgDb = await freshPostgresUrl(process.env.DATABASE_URL);
    try {
      await benchMlflowImport(report, 'postgres', pgDb.url);
    } finally {
      await pgDb.drop();
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
