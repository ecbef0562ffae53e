// Output shapes of the promotion endpoints this feature reads.
import type { RouterOutputs } from '../../../lib/trpc';

export type PromotionRow = RouterOutputs['promotions']['list'][number];
export type PromotionDetail = RouterOutputs['promotions']['get'];
export type PromotionApproval = PromotionDetail['approvals'][number];
export type ReviewRow = RouterOutputs['reviews']['list'][number];
export type VersionDetail = RouterOutputs['versions']['get'];
export type RunDetail = RouterOutputs['runs']['get'];
