// `quorum` CLI for scripts and CI. Talks to the server at QUORUM_URL with QUORUM_TOKEN.
//   quorum whoami
//   quorum admin create --email E --name N [--roles admin,mlops_engineer] [--service] [--password-stdin]
import { parseArgs } from 'node:util';
import { Quorum } from './quorum';

const USAGE = `Usage:
  quorum whoami
  quorum admin create --email <email> --name <name> [--roles admin] [--service] [--password-stdin]

Environment: QUORUM_URL (default http://localhost:8080), QUORUM_TOKEN (an API token; for the
first admin of a new install, the QUORUM_BOOTSTRAP_TOKEN the server was started with).`;

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
    err(USAGE);
    return 2;
  } catch (error) {
    err(`quorum: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
