import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..', '..');
const binary = join(repo, 'bin', 'varsel');
const dist = join(repo, 'frontend', 'dist');
const readyTimeout = 60_000;

/** A Varsel in dev mode on its own port and data directory. */
export interface Varsel {
  url: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? ok(addr.port) : fail(new Error('no free port'))));
    });
  });
}

/**
 * startVarsel runs bin/varsel serve --dev with a fresh SQLite database and the
 * built SPA (and any extra environment, e.g. VARSEL_DEV_CLOCK), and waits until it is ready. stop ends it; so does the end of the
 * test process, should the test forget or crash.
 */
export async function startVarsel(extraEnv: Record<string, string> = {}): Promise<Varsel> {
  // While writing a test, point it at a dev server that already runs.
  const existing = process.env.VARSEL_E2E_URL;
  if (existing) return { url: existing, stop: async () => undefined };
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: build it from the repository root with \`go build -o bin/varsel ./cmd/varsel\``);
  }
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`${dist} is missing: run \`npm run build\` in frontend/ first`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'varsel-e2e-'));
  const child = spawn(binary, ['serve', '--dev'], {
    cwd: repo,
    env: {
      ...process.env,
      VARSEL_ADDR: `127.0.0.1:${port}`,
      VARSEL_PUBLIC_URL: url,
      VARSEL_DATA_DIR: dataDir,
      VARSEL_WEB_DIR: dist,
      // Warnings and errors only, so a failure's log is not buried (E2E_LOG_LEVEL=info for every request).
      VARSEL_LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (running()) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + readyTimeout;
  while (Date.now() < deadline && running()) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const why = running() ? `was not ready within ${readyTimeout / 1000} s` : `exited with ${child.exitCode ?? child.signalCode}`;
  await stop();
  throw new Error(`bin/varsel serve --dev on ${url} ${why} (its log is above)`);
}
