// npm run dev: the API server (restarting on change) and Vite's dev server with hot
// reload, which proxies /api to the API. Open the Vite URL.
import { spawn } from 'node:child_process';

const apiPort = process.env.QUORUM_API_PORT ?? '8080';
const webPort = process.env.PORT ?? '5173';
const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'apps/server/src/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: apiPort },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'apps/web/vite.config.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: webPort, QUORUM_API_PORT: apiPort },
  }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => { if (code) { stop(); process.exitCode = code; } });
