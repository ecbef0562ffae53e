// The per-request context: the services' dependencies. Built once per app and shared.
import type { ServiceContext } from '../services/context';

export type TrpcContext = ServiceContext;
