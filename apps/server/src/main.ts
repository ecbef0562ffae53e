// Start-up: environment → database → migrations → demo seed (on an empty database) →
// app → listen.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, experimentList } from '@quorum/db';
import { createApp } from './app';
import { demoSeed } from './demo/seed';
import { systemClock } from './services/context';

async function main() {
  const port = Number(process.env.PORT ?? 8080);
  const url = process.env.DATABASE_URL || undefined;
  const dataDir = path.resolve(process.env.QUORUM_DATA_DIR ?? '.quorum-data');
  if (!url) mkdirSync(dataDir, { recursive: true });

  const started = Date.now();
  const handle = await createDb({ url, dataDir });
  await handle.migrate();
  const empty = (await experimentList(handle.db, { includeArchived: true })).length === 0;
  if (empty && process.env.QUORUM_DEMO !== '0') {
    console.log('Empty database: seeding the demo workspace…');
    const stats = await demoSeed({ db: handle.db, clock: systemClock });
    console.log(`Seeded ${stats.experiments} experiments, ${stats.runs} runs, ${stats.points.toLocaleString('en')} metric points.`);
  }

  const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
  const app = createApp({ db: handle.db, config: { webDist } });
  const server = app.listen(port, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const where = url ? 'PostgreSQL' : `embedded PGlite in ${dataDir}`;
    console.log(`Quorum is ready at http://localhost:${actualPort} (storage: ${where}; started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  });

  const shutdown = () => {
    server.close();
    // Closing the database flushes PGlite's data folder.
    handle.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  // A failed query's message carries its parameters; the cause is what a person needs.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  console.error('Quorum could not start:', cause instanceof Error ? cause.message : cause);
  process.exit(1);
});
