import { alertRefInput, alertRuleCreateInput, deliveryRefInput, alertRuleUpdateInput, monitorIngestInput, monitorLabelsInput, monitorModelInput } from '@quorum/contracts';
import { alertAcknowledge, alertRuleChange, alertRuleCreate, alertsOpen, monitorModel, monitorOverview } from '../services/alerts';
import { monitorIngest, monitorLabels } from '../services/monitoring';
import { deliveryRetry } from '../services/webhooks';
import { authedProcedure, router } from '../trpc/init';

export const monitoringRouter = router({
  overview: authedProcedure.query(({ ctx }) => monitorOverview(ctx)),
  model: authedProcedure.input(monitorModelInput).query(({ ctx, input }) => monitorModel(ctx, input)),
  alerts: authedProcedure.query(({ ctx }) => alertsOpen(ctx)),
  ingest: authedProcedure.input(monitorIngestInput).mutation(({ ctx, input }) => monitorIngest(ctx, input)),
  labels: authedProcedure.input(monitorLabelsInput).mutation(({ ctx, input }) => monitorLabels(ctx, input)),
  createRule: authedProcedure.input(alertRuleCreateInput).mutation(({ ctx, input }) => alertRuleCreate(ctx, input)),
  updateRule: authedProcedure.input(alertRuleUpdateInput).mutation(({ ctx, input }) => alertRuleChange(ctx, input)),
  acknowledge: authedProcedure.input(alertRefInput).mutation(({ ctx, input }) => alertAcknowledge(ctx, input.alertId)),
  retryDelivery: authedProcedure.input(deliveryRefInput).mutation(({ ctx, input }) => deliveryRetry(ctx, input.deliveryId)),
});
