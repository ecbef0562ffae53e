import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createApiClient, isUnauthorized, TRPCProvider } from '../lib/trpc';

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => {
    // A 401 anywhere means the session ended (expired, signed out elsewhere): reload
    // who is signed in, which shows the sign-in page.
    const onError = (error: unknown) => {
      if (isUnauthorized(error)) void client.invalidateQueries({ queryKey: [['auth', 'me']] });
    };
    const client: QueryClient = new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: {
        queries: {
          staleTime: 10_000,
          // A 4xx will not change on retry; a dropped connection might.
          retry: (count, error) => count < 2 && !/^4\d\d$/.test(String((error as { data?: { httpStatus?: number } }).data?.httpStatus ?? '')),
        },
      },
    });
    return client;
  });
  const [trpcClient] = useState(createApiClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
