// The typed tRPC client over HTTP, the same one the web app uses.
import type { AppRouter } from '@quorum/server';
import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';

export type QuorumApi = ReturnType<typeof quorumApi>;

export function quorumApi(baseUrl: string, headers: Record<string, string> = {}) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl.replace(/\/$/, '')}/api/trpc`, transformer: superjson, headers: () => headers })],
  });
}
