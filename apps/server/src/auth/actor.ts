// Who is calling: a signed-in user (session cookie) or an API token (Bearer). Resolved
// once per request; the roles of a token are its scope, narrowed to what its owner
// still holds.
import type { Role } from '@quorum/domain';
import { sessionFind, sessionTouch, tokenFindBySecretHash, tokenTouch, type Database, type PublicUser } from '@quorum/db';
import { sha256Hex } from './secrets';

export interface Actor {
  via: 'session' | 'token';
  userId: number;
  email: string;
  name: string;
  roles: Role[];
  /** Roles the user holds, whatever a token narrows them to. */
  userRoles: Role[];
  tokenId?: number;
  tokenName?: string;
  /** The session's CSRF token, which cookie-authenticated writes must echo. */
  csrfToken?: string;
  sessionIdHash?: string;
}

export const SESSION_COOKIE = 'quorum_session';

/** Audit fields for an actor (or anonymous). */
export function actorAuditFields(actor: Actor | null) {
  if (!actor) return { actorType: 'anonymous' as const, actorId: '', actorLabel: 'anonymous' };
  if (actor.via === 'token') {
    return { actorType: 'token' as const, actorId: `token:${actor.tokenId}`, actorLabel: `token "${actor.tokenName}" of ${actor.name} <${actor.email}>` };
  }
  return { actorType: 'user' as const, actorId: `user:${actor.userId}`, actorLabel: `${actor.name} <${actor.email}>` };
}

function fromUser(user: PublicUser): Pick<Actor, 'userId' | 'email' | 'name' | 'userRoles'> {
  return { userId: user.id, email: user.email, name: user.name, userRoles: user.roles };
}

export async function actorFromSession(db: Database, secret: string, now: number): Promise<Actor | null> {
  const idHash = sha256Hex(secret);
  const found = await sessionFind(db, idHash, now);
  if (!found) return null;
  // Recording activity at most once a minute keeps reads from writing.
  if (now - found.session.lastSeenAt > 60_000) await sessionTouch(db, idHash, now);
  return { via: 'session', ...fromUser(found.user), roles: found.user.roles, csrfToken: found.session.csrfToken, sessionIdHash: idHash };
}

interface CachedToken {
  actor: Actor | null;
  until: number;
}

/**
 * Token lookups are cached for a few seconds so the ingest path does not query per
 * request; revocation through this server clears the entry at once (another server
 * behind the same database notices within TOKEN_CACHE_MS).
 */
export const TOKEN_CACHE_MS = 5_000;
const tokenCache = new Map<string, CachedToken>();
const tokenTouched = new Map<number, number>();

export function actorTokenCacheClear(): void {
  tokenCache.clear();
}

export async function actorFromToken(db: Database, secret: string, now: number): Promise<Actor | null> {
  const hash = sha256Hex(secret);
  const cached = tokenCache.get(hash);
  if (cached && cached.until > now) return cached.actor;
  const found = await tokenFindBySecretHash(db, hash, now);
  const actor: Actor | null = found
    ? {
        via: 'token',
        ...fromUser(found.user),
        roles: found.token.roles.filter((r) => found.user.roles.includes(r)),
        tokenId: found.token.id,
        tokenName: found.token.name,
      }
    : null;
  const until = Math.min(now + TOKEN_CACHE_MS, found?.token.expiresAt ?? Infinity);
  if (tokenCache.size > 10_000) tokenCache.clear();
  tokenCache.set(hash, { actor, until });
  if (found && now - (tokenTouched.get(found.token.id) ?? 0) > 60_000) {
    tokenTouched.set(found.token.id, now);
    await tokenTouch(db, found.token.id, now);
  }
  return actor;
}

/** Reads a cookie from a Cookie header without a parser dependency. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** Resolves the actor of an HTTP request: Bearer token first, then the session cookie. */
export async function actorFromRequest(
  db: Database,
  headers: { authorization?: string | undefined; cookie?: string | undefined },
  now: number,
): Promise<{ actor: Actor | null; badCredentials: 'token' | null }> {
  const auth = headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const actor = m ? await actorFromToken(db, m[1]!, now) : null;
    return { actor, badCredentials: actor ? null : 'token' };
  }
  const secret = cookieValue(headers.cookie, SESSION_COOKIE);
  return { actor: secret ? await actorFromSession(db, secret, now) : null, badCredentials: null };
}
