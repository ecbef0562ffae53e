// Runs a suite once per storage engine under test, against a freshly migrated database
// with one account per role.
import { testEngines } from '@quorum/db/testing';
import type { DbHandle } from '@quorum/db';
import { ROLES, type Role } from '@quorum/domain';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe } from 'vitest';
import { createApp, createCaller, type AppConfig } from '../app';
import type { Actor } from '../auth/actor';
import { demoActor } from '../bootstrap';
import { systemContext, type Clock } from '../services/context';
import { tokenCreate } from '../services/tokens';
import { userCreate } from '../services/users';

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2026, 10, 1)): Clock & { advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

export interface EngineFixture {
  handle: DbHandle;
  clock: ReturnType<typeof manualClock>;
  /** Acting as the data scientist. */
  caller: ReturnType<typeof createCaller>;
  actors: Record<Role, Actor>;
  callerAs(role: Role): ReturnType<typeof createCaller>;
  /** A fresh API token (secret) for the role's account. */
  tokenFor(role: Role, roles?: Role[]): Promise<string>;
}

/** One service account per role (no password to hash, so set-up stays fast). */
async function roleAccounts(handle: DbHandle, clock: Clock): Promise<Record<Role, Actor>> {
  const system = systemContext(handle.db, clock, 'test set-up');
  const entries = await Promise.all(
    ROLES.map(async (role) => {
      const user = await userCreate(system, { email: `${role}@test.quorum`, name: role.replace('_', ' '), roles: [role], kind: 'service' });
      return [role, demoActor(user)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Role, Actor>;
}

/** describe() once per engine; `get()` gives the fixture inside tests. */
export function describeEachEngine(title: string, body: (get: () => EngineFixture) => void) {
  for (const engine of testEngines()) {
    describe(`${title} [${engine.name}]`, () => {
      let fixture: EngineFixture | undefined;
      beforeAll(async () => {
        const handle = await engine.open();
        const clock = manualClock();
        const actors = await roleAccounts(handle, clock);
        const callerAs = (role: Role) => createCaller({ db: handle.db, clock, actor: actors[role] });
        fixture = {
          handle,
          clock,
          actors,
          callerAs,
          caller: callerAs('data_scientist'),
          tokenFor: async (role, roles) => (await tokenCreate({ db: handle.db, clock, actor: actors[role] }, { name: `test-${role}`, roles })).secret,
        };
      });
      afterAll(async () => {
        await fixture?.handle.close();
      });
      body(() => {
        if (!fixture) throw new Error('fixture not ready');
        return fixture;
      });
    });
  }
}

/**
 * Serves the real app on a free loopback port for the surrounding suite; call `url()`
 * inside tests for its base URL.
 */
export function serveForSuite(get: () => EngineFixture, config: AppConfig = { maxBodyBytes: 2 * 1024 * 1024 }) {
  let server: Server | undefined;
  let url = '';
  beforeAll(async () => {
    const listening = createApp({ db: get().handle.db, clock: get().clock, config }).listen(0);
    server = listening;
    await new Promise((resolve) => listening.once('listening', resolve));
    url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));
  return { url: () => url };
}
