// Start-up: environment → database → migrations → accounts (demo users, first admin,
// bootstrap token) → demo seed on an empty database (runs, registry, 60 days of
// production, KPIs) → app → listen.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, experimentList, usersCount } from '@quorum/db';
import { createApp } from './app';
import { webhookWorkerStart } from './services/webhooks';
import { bootstrapAdminFromEnv, bootstrapDemoToken, bootstrapDemoUsers, bootstrapToken, demoActor, DEMO_PASSWORD, DEMO_USERS, adminExists } from './bootstrap';
import { demoKpis } from './demo/kpis';
import { DEMO_MONITOR_DAYS, demoProduction } from './demo/production';
import { demoRegistry } from './demo/registry';
import { demoSeed } from './demo/seed';
import { systemClock } from './services/context';

async function main() {
  const port = Number(process.env.PORT ?? 8080);
  const url = process.env.DATABASE_URL || undefined;
  const dataDir = path.resolve(process.env.QUORUM_DATA_DIR ?? '.quorum-data');
  const demo = process.env.QUORUM_DEMO !== '0';
  // MLflow artifact files live in the data folder whichever database holds the rest.
  const artifactRoot = path.join(dataDir, 'artifacts');
  mkdirSync(artifactRoot, { recursive: true });
  const maxArtifactBytes = process.env.QUORUM_MAX_ARTIFACT_BYTES ? Number(process.env.QUORUM_MAX_ARTIFACT_BYTES) : undefined;
  if (maxArtifactBytes !== undefined && !(Number.isSafeInteger(maxArtifactBytes) && maxArtifactBytes > 0)) {
    throw new Error(`QUORUM_MAX_ARTIFACT_BYTES must be a positive whole number of bytes, not "${process.env.QUORUM_MAX_ARTIFACT_BYTES}"`);
  }

  const started = Date.now();
  const handle = await createDb({ url, dataDir });
  await handle.migrate();
  const db = handle.db;
  const clock = systemClock;

  const banner: string[] = [];
  const empty = (await usersCount(db)) === 0 && (await experimentList(db, { includeArchived: true })).length === 0;
  if (empty && demo) {
    console.log('Empty database: seeding the demo workspace…');
    const people = await bootstrapDemoUsers(db, clock);
    const actors = new Map([...people].map(([handle, user]) => [handle, demoActor(user)]));
    const stats = await demoSeed({ db, clock, actor: null }, actors);
    const registry = await demoRegistry(db, clock, actors);
    const production = await demoProduction(db, clock, actors, registry);
    const kpis = await demoKpis(db, clock, actors, registry);
    console.log(
      `Seeded ${stats.experiments} experiments, ${stats.runs} runs, ${stats.points.toLocaleString('en')} metric points, ${Object.keys(registry.models).length} registered models, ` +
        `${production.windows} monitoring windows over ${DEMO_MONITOR_DAYS} days and ${kpis.kpis} KPIs.`,
    );
    const token = await bootstrapDemoToken(db, clock, people.get('ana.silva')!);
    banner.push(
      `Demo sign-ins (password "${DEMO_PASSWORD}" for all; demo mode only):`,
      ...DEMO_USERS.slice(0, 7).map((u) => `  ${u.roles.join(', ').padEnd(18)} ${u.email}`),
      `API token of the demo data scientist (for the SDK and MLflow clients):`,
      `  ${token}`,
    );
  }
  const admin = await bootstrapAdminFromEnv(db, clock, process.env);
  if (admin) banner.push(`Created the admin ${admin} from QUORUM_ADMIN_EMAIL.`);
  const bootstrap = await bootstrapToken(db, clock, process.env.QUORUM_BOOTSTRAP_TOKEN);
  if (bootstrap === 'created') banner.push('Created the admin API token given in QUORUM_BOOTSTRAP_TOKEN.');
  if (!(await adminExists(db)) && !bootstrap) {
    banner.push('No admin exists yet: set QUORUM_ADMIN_EMAIL and QUORUM_ADMIN_PASSWORD (or QUORUM_BOOTSTRAP_TOKEN) and restart.');
  }

  const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
  const app = createApp({
    db,
    clock,
    config: { webDist, secureCookies: process.env.QUORUM_SECURE_COOKIES === '1', artifactRoot, ...(maxArtifactBytes !== undefined && { maxArtifactBytes }) },
  });
  const server = app.listen(port, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const where = url ? 'PostgreSQL' : `embedded PGlite in ${dataDir}`;
    for (const line of banner) console.log(line);
    console.log(`Quorum is ready at http://localhost:${actualPort} (storage: ${where}; artifacts in ${artifactRoot}; started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  });

  // Retraining webhooks queued by alert rules are sent (and retried) in the background.
  const stopWebhooks = webhookWorkerStart(db, clock);

  const shutdown = () => {
    stopWebhooks();
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
