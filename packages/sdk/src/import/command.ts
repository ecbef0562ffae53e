// `quorum import mlflow --from <tracking URI | mlruns folder> [--experiment <name> ...] [--dry-run]`
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Quorum } from '../quorum';
import { mlflowImport, type ImportSummary } from './importer';
import { MlrunsSource } from './mlruns-source';
import { progressReporter, type ProgressOutput } from './progress';
import { ALIASES_TAG, DELETED_TAG, STAGE_TAG } from './registry-import';
import { RestSource } from './rest-source';
import { ImportInputError, type MlflowSource } from './source';

export const IMPORT_USAGE = `  quorum import mlflow --from <tracking URI | mlruns folder> [--experiment <name> ...] [--dry-run]`;

/** An http(s) URL is a tracking server; a file: URL or a path is a file store. */
export function sourceOf(from: string, env: NodeJS.ProcessEnv = process.env): MlflowSource {
  if (/^https?:\/\//i.test(from)) return new RestSource(from, env);
  if (/^file:/i.test(from)) return new MlrunsSource(fileURLToPath(from));
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(from)?.[1];
  if (scheme) {
    throw new ImportInputError(
      `Cannot import from a ${scheme}: URI: give the tracking server's http(s) URL (mlflow server --backend-store-uri ${scheme}://…), or an mlruns folder`,
    );
  }
  return new MlrunsSource(from);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function summaryLines(s: ImportSummary, seconds: number): string[] {
  const done = s.dryRun ? 'would be imported' : 'imported';
  const row = (label: string, parts: string[]) => `  ${label.padEnd(15)}${parts.join(', ')}`;
  const rate = !s.dryRun && seconds > 0 && s.pointsImported > 0 ? ` (${Math.round(s.pointsImported / seconds).toLocaleString('en')} points/s)` : '';
  const lines = [
    s.dryRun ? `Dry run, nothing written: what an import from ${s.source} would do` : `Imported from ${s.source} in ${seconds.toFixed(1)} s`,
    row('experiments', [`${s.experimentsCreated} created`, `${s.experimentsExisting} already there`]),
    row('runs', [
      `${s.runsImported} ${done}`,
      ...(s.runsResumed > 0 ? [`${s.runsResumed} ${s.dryRun ? 'would be finished' : 'finished from an earlier import'}`] : []),
      `${s.runsExisting} skipped as already there`,
      ...(s.runsFailed > 0 ? [`${s.runsFailed} failed`] : []),
    ]),
    row('metric points', [`${s.pointsImported.toLocaleString('en')} ${done}${rate}`, `${s.pointsExisting.toLocaleString('en')} already there`]),
  ];
  if (s.registrySkipped) lines.push(`  registry       not imported: ${s.registrySkipped}`);
  else {
    lines.push(row('models', [`${s.modelsImported} ${done}`, `${s.modelsExisting} already there`]));
    lines.push(row('versions', [`${s.versionsImported} ${done}`, `${s.versionsExisting} skipped as already there`]));
  }
  if (s.experimentsDeleted + s.runsDeleted > 0) {
    lines.push(`Skipped as deleted in MLflow: ${plural(s.experimentsDeleted, 'experiment')} and ${plural(s.runsDeleted, 'run')} (deleted runs and experiments are not imported).`);
  }
  if (s.stagesRecorded + s.aliasesRecorded > 0) {
    lines.push(
      `Stages (${s.stagesRecorded}) and aliases (${s.aliasesRecorded}) ${s.dryRun ? 'would be' : 'were'} recorded as version tags ${STAGE_TAG} and ${ALIASES_TAG}, not applied: ` +
        'moving an alias in Quorum needs a promotion request (quorum promote request).',
    );
  }
  if (s.placeholders > 0) {
    lines.push(
      `${plural(s.placeholders, 'version')} deleted in MLflow ${s.dryRun ? 'would be' : 'were'} imported as deleted placeholders (tag ${DELETED_TAG}), so later versions keep their numbers.`,
    );
  }
  if (s.placeholdersKept > 0) {
    lines.push(`${plural(s.placeholdersKept, 'placeholder')} could not be deleted with this token (deleting a version needs an MLOps engineer or admin): run the import again with such a token.`);
  }
  if (s.failures.length > 0) {
    lines.push(`${plural(s.failures.length, 'item')} could not be imported:`, ...s.failures.map((f) => `  - ${f}`));
    if (!s.dryRun) lines.push('Fix the cause and run the same command again: what was imported is skipped, what was cut short is finished.');
  }
  return lines;
}

export async function importCommand(
  quorum: Quorum,
  verb: string | undefined,
  rest: string[],
  out: (line: string) => void,
  err: (line: string) => void,
  progressOut: ProgressOutput = process.stderr,
): Promise<number> {
  if (verb !== 'mlflow') {
    err(`Usage:\n${IMPORT_USAGE}`);
    return 2;
  }
  let values: { from?: string; experiment?: string[]; 'dry-run'?: boolean };
  try {
    ({ values } = parseArgs({ args: rest, options: { from: { type: 'string' }, experiment: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean', default: false } } }));
  } catch (error) {
    err(`${(error as Error).message}\n\nUsage:\n${IMPORT_USAGE}`);
    return 2;
  }
  if (!values.from) {
    err(`--from is required: a tracking server URL (http://mlflow:5000) or an mlruns folder\n\nUsage:\n${IMPORT_USAGE}`);
    return 2;
  }
  const started = Date.now();
  // Ctrl-C mid-import is safe: say so, and how to finish.
  const interrupted = () => {
    progressOut.write('\n');
    err('quorum import: interrupted. Run the same command again to finish: nothing is imported twice.');
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  try {
    const summary = await mlflowImport({
      source: sourceOf(values.from),
      quorum,
      experiments: values.experiment ?? [],
      dryRun: values['dry-run'] ?? false,
      progress: progressReporter(progressOut),
    });
    for (const line of summaryLines(summary, (Date.now() - started) / 1000)) out(line);
    return summary.failures.length > 0 ? 1 : 0;
  } catch (error) {
    err(`quorum import: ${error instanceof Error ? error.message : String(error)}`);
    if (!(error instanceof ImportInputError)) err('Once that is fixed, run the same command again: what was imported is skipped, a run cut short is finished.');
    return error instanceof ImportInputError ? 2 : 1;
  } finally {
    process.off('SIGINT', interrupted);
  }
}
