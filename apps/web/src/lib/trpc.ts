// The typed tRPC client and its React Query bindings. Components use
// useTRPC().x.y.queryOptions() / mutationOptions(), never hand-written cache keys.
import type { AppRouter } from '@quorum/server';
import { createTRPCClient, httpBatchLink, type TRPCClientErrorLike } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: '/api/trpc', transformer: superjson, maxURLLength: 4_000 })],
  });
}

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type ApiError = TRPCClientErrorLike<AppRouter>;
