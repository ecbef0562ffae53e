// Start-up accounts: demo users (demo mode only), the first admin from the environment,
// and the automation token QUORUM_BOOTSTRAP_TOKEN. None of them ever repeats itself.
import { adminExists, tokenFindBySecretHash, userFindByEmail, type Database } from '@quorum/db';
import type { Role } from '@quorum/domain';
import { passwordHash, PASSWORD_MIN_LENGTH } from './auth/passwords';
import { sha256Hex } from './auth/secrets';
import type { Actor } from './auth/actor';
import { systemContext, type Clock } from './services/context';
import { teamCreate } from './services/teams';
import { tokenCreate } from './services/tokens';
import { userCreate } from './services/users';

export const DEMO_PASSWORD = 'quorum-demo';
export const BOOTSTRAP_TOKEN_MIN_LENGTH = 32;

export interface DemoUser {
  email: string;
  name: string;
  roles: Role[];
}

/** One person per role, plus the data scientists whose runs fill the demo workspace. */
export const DEMO_USERS: DemoUser[] = [
  { email: 'ana.silva@quorum.demo', name: 'Ana Silva', roles: ['data_scientist'] },
  { email: 'marco.rossi@quorum.demo', name: 'Marco Rossi', roles: ['mlops_engineer'] },
  { email: 'dara.okoye@quorum.demo', name: 'Dara Okoye', roles: ['data_engineer'] },
  { email: 'priya.nair@quorum.demo', name: 'Priya Nair', roles: ['platform_engineer'] },
  { email: 'paul.meyer@quorum.demo', name: 'Paul Meyer', roles: ['product_owner'] },
  { email: 'clara.schmidt@quorum.demo', name: 'Clara Schmidt', roles: ['compliance_lead'] },
  { email: 'alex.admin@quorum.demo', name: 'Alex Admin', roles: ['admin'] },
  { email: 'bo.chen@quorum.demo', name: 'Bo Chen', roles: ['data_scientist'] },
  { email: 'chidi.okafor@quorum.demo', name: 'Chidi Okafor', roles: ['data_scientist'] },
  { email: 'dana.levi@quorum.demo', name: 'Dana Levi', roles: ['data_scientist', 'data_engineer'] },
  { email: 'emil.nowak@quorum.demo', name: 'Emil Nowak', roles: ['data_scientist'] },
  { email: 'sam.kofi@quorum.demo', name: 'Sam Kofi', roles: ['mlops_engineer', 'platform_engineer'] },
];

const DEMO_TEAMS = [
  { name: 'Subscriptions', description: 'Churn and retention models', members: ['ana.silva', 'bo.chen', 'marco.rossi', 'dara.okoye', 'clara.schmidt', 'paul.meyer'] },
  { name: 'Risk', description: 'Fraud detection', members: ['chidi.okafor', 'dana.levi', 'emil.nowak', 'priya.nair'] },
  { name: 'Supply chain', description: 'Demand forecasting', members: ['emil.nowak', 'sam.kofi', 'marco.rossi', 'clara.schmidt'] },
];

/** Signs in as a demo user without a session: the actor the demo seed writes as. */
export function demoActor(user: { id: number; email: string; name: string; roles: Role[] }): Actor {
  return { via: 'session', userId: user.id, email: user.email, name: user.name, roles: user.roles, userRoles: user.roles };
}

/** Creates the demo users and squads; returns the users by email prefix. */
export async function bootstrapDemoUsers(db: Database, clock: Clock) {
  const ctx = systemContext(db, clock, 'demo setup');
  const byHandle = new Map<string, Awaited<ReturnType<typeof userCreate>>>();
  for (const u of DEMO_USERS) {
    const user = await userCreate(ctx, { ...u, kind: 'human', password: DEMO_PASSWORD });
    byHandle.set(u.email.split('@')[0]!, user);
  }
  for (const t of DEMO_TEAMS) {
    await teamCreate(ctx, { name: t.name, description: t.description, memberIds: t.members.map((m) => byHandle.get(m)!.id) });
  }
  return byHandle;
}

/** A token for the demo data scientist, so the SDK and MLflow clients work at once. */
export async function bootstrapDemoToken(db: Database, clock: Clock, ana: { id: number; email: string; name: string; roles: Role[] }) {
  const token = await tokenCreate({ db, clock, actor: demoActor(ana) }, { name: 'demo-training-scripts' });
  return token.secret;
}

/** The first admin from QUORUM_ADMIN_EMAIL / QUORUM_ADMIN_PASSWORD, when that email is new. */
export async function bootstrapAdminFromEnv(db: Database, clock: Clock, env: NodeJS.ProcessEnv): Promise<string | null> {
  const email = env.QUORUM_ADMIN_EMAIL?.trim().toLowerCase();
  if (!email) return null;
  const password = env.QUORUM_ADMIN_PASSWORD ?? '';
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new Error(`QUORUM_ADMIN_PASSWORD must have at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (await userFindByEmail(db, email)) return null;
  await userCreate(systemContext(db, clock, 'start-up (QUORUM_ADMIN_EMAIL)'), {
    email,
    name: env.QUORUM_ADMIN_NAME?.trim() || 'Administrator',
    roles: ['admin'],
    kind: 'human',
    password,
  });
  return email;
}

/**
 * QUORUM_BOOTSTRAP_TOKEN: once, an admin service account and a token whose secret is the
 * given value. As powerful as an admin; meant for CI bootstrap and scripted installs.
 */
export async function bootstrapToken(db: Database, clock: Clock, secret: string | undefined): Promise<'created' | 'exists' | null> {
  if (!secret) return null;
  if (secret.length < BOOTSTRAP_TOKEN_MIN_LENGTH) {
    throw new Error(`QUORUM_BOOTSTRAP_TOKEN must have at least ${BOOTSTRAP_TOKEN_MIN_LENGTH} characters (it is as powerful as an admin)`);
  }
  if (await tokenFindBySecretHash(db, sha256Hex(secret), clock.now())) return 'exists';
  const system = systemContext(db, clock, 'start-up (QUORUM_BOOTSTRAP_TOKEN)');
  const existing = await userFindByEmail(db, 'bootstrap@quorum.local');
  const account = existing ?? (await userCreate(system, { email: 'bootstrap@quorum.local', name: 'Bootstrap automation', roles: ['admin'], kind: 'service' }));
  await tokenCreate({ ...system, actor: demoActor({ ...account, roles: ['admin'] }) }, { name: 'bootstrap' }, secret);
  return 'created';
}

export { adminExists, passwordHash };
