// Output shapes of the registry endpoints this feature reads.
import type { RouterOutputs } from '../../../lib/trpc';

export type ModelSummary = RouterOutputs['models']['list'][number];
export type ModelDetail = RouterOutputs['models']['get'];
export type ModelVersion = ModelDetail['versions'][number];
export type AliasMove = ModelDetail['timeline'][number];
export type ModelRequest = ModelDetail['requests'][number];
export type VersionDetail = RouterOutputs['versions']['get'];
