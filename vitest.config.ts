import { defineConfig } from 'vitest/config';

// Unit and integration tests: pure domain tests, and db/server tests against
// real PGlite (and PostgreSQL when DATABASE_URL is set). Browser tests live in e2e/.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
