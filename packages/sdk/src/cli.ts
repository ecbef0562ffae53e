// `quorum` CLI for scripts and CI. Talks to the server at QUORUM_URL with QUORUM_TOKEN.
//   quorum whoami
//   quorum admin create --email E --name N [--roles admin,mlops_engineer] [--service] [--password-stdin]
//   quorum import mlflow --from <tracking URI | mlruns folder>
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { IMPORT_USAGE, importCommand } from './import/command';
import { Quorum } from './quorum';

const USAGE = `Usage:
  quorum whoami
  quorum admin create --email <email> --name <name> [--roles admin] [--service] [--password-stdin]
  quorum gate report --model <name> --version <n> --file evidence.json
  quorum gate check --model <name> --version <n>          (exit 0 only when every gate passes)
  quorum promote request --model <name> --version <n> --alias <alias> --justification <text>
${IMPORT_USAGE}
      copies experiments, runs, metric histories and registered models from MLflow; run it
      again to finish an interrupted import (nothing is imported twice)

evidence.json: { "metrics": { "auc": 0.91 }, "fairness": { "<attribute>": { "yTrue": [...],
"yPred": [...], "group": [...] } }, "latencyMs": [12.5, ...], "evalDatasetId": 3 } (any subset)

Environment: QUORUM_URL (default http://localhost:8080), QUORUM_TOKEN (an API token; for the
first admin of a new install, the QUORUM_BOOTSTRAP_TOKEN the server was started with).
Reading an MLflow server: MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and _PASSWORD.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Runs one command; returns the process exit code. */
export async function main(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  const [group, verb, ...rest] = argv;
  try {
    const quorum = new Quorum();
    if (group === 'whoami') {
      const me = await quorum.api.auth.me.query();
      if (!me) {
        err('Not signed in: set QUORUM_TOKEN to an API token');
        return 1;
      }
      out(`${me.name} <${me.email}> — ${me.roles.join(', ')} (via ${me.via})`);
      return 0;
    }
    if (group === 'admin' && verb === 'create') {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, name: { type: 'string' }, roles: { type: 'string', default: 'admin' }, service: { type: 'boolean', default: false }, 'password-stdin': { type: 'boolean', default: false } },
      });
      if (!values.email || !values.name) {
        err(`--email and --name are required\n\n${USAGE}`);
        return 2;
      }
      const password = values['password-stdin'] ? await readStdin() : undefined;
      const user = await quorum.api.users.create.mutate({
        email: values.email,
        name: values.name,
        roles: values.roles.split(',').map((r) => r.trim()) as never,
        kind: values.service ? 'service' : 'human',
        ...(password !== undefined && { password }),
      });
      out(`Created ${user.kind} account ${user.email} (id ${user.id}) with roles ${user.roles.join(', ')}`);
      return 0;
    }
    if (group === 'gate' || group === 'promote') return await gateCommand(quorum, group, verb, rest, out, err);
    if (group === 'import') return await importCommand(quorum, verb, rest, out, err);
    err(USAGE);
    return 2;
  } catch (error) {
    err(`quorum: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

interface CheckLine {
  status: string;
  description: string;
  value: number | null;
  detail: string;
}

function printChecks(results: CheckLine[], out: (line: string) => void) {
  for (const r of results) {
    const mark = r.status === 'pass' ? 'PASS' : r.status === 'fail' ? 'FAIL' : 'MISSING';
    out(`${mark.padEnd(8)}${r.description}${r.value === null ? '' : ` (value ${Number(r.value.toPrecision(6))})`} — ${r.detail}`);
  }
}

async function gateCommand(quorum: Quorum, group: string, verb: string | undefined, rest: string[], out: (l: string) => void, err: (l: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: rest,
    options: { model: { type: 'string' }, version: { type: 'string' }, file: { type: 'string' }, alias: { type: 'string' }, justification: { type: 'string' } },
  });
  if (!values.model || !values.version || !Number.isInteger(Number(values.version))) {
    err(`--model and --version (a number) are required\n\n${USAGE}`);
    return 2;
  }
  const version = await quorum.api.versions.byNumber.query({ model: values.model, version: Number(values.version) });
  if (group === 'gate' && verb === 'report') {
    if (!values.file) {
      err('--file evidence.json is required');
      return 2;
    }
    const evidence = JSON.parse(await readFile(values.file, 'utf8')) as never;
    const result = await quorum.api.gates.report.mutate({ versionId: version.id, evidence });
    out(`Reported evidence for ${values.model} v${values.version}: gates ${result.passed ? 'pass' : 'do not pass'}`);
    printChecks(result.results as unknown as CheckLine[], out);
    return 0;
  }
  if (group === 'gate' && verb === 'check') {
    const result = await quorum.api.gates.check.mutate({ versionId: version.id });
    printChecks(result.results as unknown as CheckLine[], out);
    out(result.passed ? `All gates pass for ${values.model} v${values.version}` : `Gates do not pass for ${values.model} v${values.version}`);
    return result.passed ? 0 : 1;
  }
  if (group === 'promote' && verb === 'request') {
    if (!values.alias || !values.justification) {
      err('--alias and --justification are required');
      return 2;
    }
    const request = await quorum.api.promotions.request.mutate({ versionId: version.id, alias: values.alias, justification: values.justification });
    out(`Opened promotion request #${request.id}: ${values.model} v${values.version} → ${values.alias} (pending sign-off)`);
    return 0;
  }
  err(USAGE);
  return 2;
}
