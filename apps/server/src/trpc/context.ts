// The per-request context: the services' dependencies plus what only HTTP has (cookies,
// the CSRF header). Tests build it without HTTP through createCaller.
import type { ServiceContext } from '../services/context';

export interface HttpSide {
  setSessionCookie(secret: string, expiresAt: number): void;
  clearSessionCookie(): void;
  /** The x-csrf-token header, which cookie-authenticated writes must carry. */
  csrfHeader: string | undefined;
  /** Set when the request carried credentials that did not resolve (a bad token). */
  badCredentials: 'token' | null;
}

export interface TrpcContext extends ServiceContext {
  http?: HttpSide;
}
