import { auditListInput } from '@quorum/contracts';
import { auditPage, auditVerify } from '../services/audit';
import { restrictedProcedure, router } from '../trpc/init';

export const auditRouter = router({
  list: restrictedProcedure('audit.list')
    .input(auditListInput)
    .query(({ ctx, input }) => {
      const { limit, beforeSeq, ...filter } = input;
      return auditPage(ctx, filter, { limit, beforeSeq });
    }),
  verify: restrictedProcedure('audit.verify').query(({ ctx }) => auditVerify(ctx)),
});
