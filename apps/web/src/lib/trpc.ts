// The typed tRPC client and its React Query bindings. Components use
// useTRPC().x.y.queryOptions() / mutationOptions(), never hand-written cache keys.
import type { AppRouter } from '@quorum/server';
import { createTRPCClient, httpBatchLink, type TRPCClientErrorLike } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/**
 * The session's CSRF token, echoed on every request: the server requires it on writes
 * made with the session cookie. Set by the session provider after sign-in or `auth.me`.
 */
let csrfToken: string | null = null;
export function csrfTokenSet(token: string | null) {
  csrfToken = token;
}

export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: '/api/trpc',
        transformer: superjson,
        maxURLLength: 4_000,
        headers: () => (csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      }),
    ],
  });
}

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type ApiError = TRPCClientErrorLike<AppRouter>;

/** True for an error the server answered with 401: the session is gone. */
export function isUnauthorized(error: unknown): boolean {
  return (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus === 401;
}
