// Output shapes of the monitoring endpoints this feature reads.
import type { RouterOutputs } from '../../../lib/trpc';

export type MonitorOverviewModel = RouterOutputs['monitoring']['overview'][number];
export type MonitorPage = RouterOutputs['monitoring']['model'];
export type MonitorWindowRow = MonitorPage['windows'][number];
export type MonitorAlert = MonitorPage['alerts'][number];
export type MonitorAlertEvent = MonitorAlert['events'][number];
export type MonitorRule = MonitorPage['rules'][number];
export type MonitorDelivery = MonitorPage['deliveries'][number];
export type MonitorMove = MonitorPage['moves'][number];
