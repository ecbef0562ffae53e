// Entry point for training scripts: connect, pick an experiment, start runs.
import { quorumApi, type QuorumApi } from './client';
import { MonitorLogger, type MonitorLoggerOptions } from './monitor-logger';
import { RunLogger, type RunLoggerOptions } from './run-logger';

export interface QuorumOptions {
  /** Server URL, e.g. http://localhost:8080 (default: QUORUM_URL or that). */
  url?: string;
  /** API token (default: QUORUM_TOKEN), sent as `Authorization: Bearer`. */
  token?: string;
  headers?: Record<string, string>;
}

export class Quorum {
  readonly api: QuorumApi;
  readonly url: string;
  readonly token: string | undefined;

  constructor(options: QuorumOptions = {}) {
    this.token = options.token ?? process.env.QUORUM_TOKEN;
    this.url = options.url ?? process.env.QUORUM_URL ?? 'http://localhost:8080';
    this.api = quorumApi(this.url, {
      ...(this.token && { authorization: `Bearer ${this.token}` }),
      ...options.headers,
    });
  }

  /** The experiment's id, creating it when it does not exist yet. */
  async experiment(name: string): Promise<number> {
    const find = async () => (await this.api.experiments.list.query({ includeArchived: true, query: name })).find((e) => e.name === name);
    const found = await find();
    if (found) return found.id;
    try {
      return (await this.api.experiments.create.mutate({ name })).id;
    } catch (error) {
      // Another process may have created it in the meantime.
      const again = await find();
      if (again) return again.id;
      throw error;
    }
  }

  async startRun(options: { experiment: string; name?: string; sourceCommit?: string; userId?: string; tags?: Record<string, string> } & RunLoggerOptions): Promise<RunLogger> {
    const experimentId = await this.experiment(options.experiment);
    const run = await this.api.runs.create.mutate({
      experimentId,
      name: options.name,
      sourceCommit: options.sourceCommit,
      userId: options.userId ?? process.env.USER,
      tags: Object.entries(options.tags ?? {}).map(([key, value]) => ({ key, value })),
    });
    return new RunLogger(this.api, run.id, options);
  }

  /** Records production traffic for a model (by alias or version) and sends it window by window. */
  monitor(options: MonitorLoggerOptions): MonitorLogger {
    return new MonitorLogger(this.api, options);
  }

  /** Posts daily values of a KPI (a warehouse job's nightly call); days are YYYY-MM-DD or epoch ms. */
  async recordKpi(name: string, observations: { at: string | number; value: number }[]) {
    const kpi = (await this.api.kpis.board.query()).find((k) => k.name === name);
    if (!kpi) throw new Error(`No KPI named "${name}"; a product owner creates it on the KPI board first`);
    return this.api.kpis.record.mutate({ kpiId: kpi.id, observations });
  }
}
