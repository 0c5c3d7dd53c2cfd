/**
 * Builds the app into a directory of its own and serves it the way `npm start` does
 * (scripts/serve.mjs, with the security headers), for tests that need more than the one build
 * Playwright's webServer serves, e.g. version A then version B on the same origin.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The build Playwright's webServer serves (`npm run test:e2e` makes it before the tests). */
export const DIST_DIR = join(ROOT, 'dist');

/** Runs `vite build` into a fresh temporary directory; returns it and how to delete it. */
export function buildInto(env: Record<string, string>): { dir: string; remove: () => void } {
  const parent = mkdtempSync(join(tmpdir(), 'retain-build-'));
  const dir = join(parent, 'dist');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dir, '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

export interface RunningServer {
  stop: () => Promise<void>;
}

/** Serves `dir` on `port` until stop() is called; resolves once it accepts connections. */
export function serveBuild(dir: string, port: number): Promise<RunningServer> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), '--dir', dir, '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    child.kill();
    await exited;
  };
  return new Promise((started, failed) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('served at')) started({ stop });
    });
    child.once('exit', (code) => failed(new Error(`scripts/serve.mjs exited early (code ${code})`)));
  });
}
