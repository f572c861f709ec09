import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..', '..');
const binary = join(repo, 'bin', 'varsel');

/** A Varsel in dev mode on its own port and data directory. */
export interface Varsel {
  url: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? ok(addr.port) : fail(new Error('no port'))));
    });
  });
}

/** startVarsel runs bin/varsel serve --dev with a fresh SQLite database and the built SPA. */
export async function startVarsel(): Promise<Varsel> {
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: run \`go build -o bin/varsel ./cmd/varsel\` (make build) first`);
  }
  const dist = join(repo, 'frontend', 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error('frontend/dist is missing: run `npm run build` (make build) first');
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'varsel-e2e-'));
  const child: ChildProcess = spawn(binary, ['serve', '--dev'], {
    env: {
      ...process.env,
      VARSEL_ADDR: `127.0.0.1:${port}`,
      VARSEL_PUBLIC_URL: url,
      VARSEL_DATA_DIR: dataDir,
      VARSEL_WEB_DIR: dist,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`Varsel did not become ready on ${url}`);
}
