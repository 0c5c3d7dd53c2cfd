/**
 * Child processes of the benchmarks. Each child gets a process group of its own, so that a
 * timeout, a Ctrl+C or a crash ends it together with the Chromium it launched.
 *
 * runSubBenchmark: one sub-benchmark for scripts/bench.mjs; its own output is passed through
 * as it comes and its `BENCH_JSON {...}` line is returned parsed. A sub-benchmark ran when it
 * printed that line, whatever its exit status: some exit 1 when a figure is over their own
 * budget, and bench.mjs judges the figures itself.
 */
import { spawn } from 'node:child_process';

const MARK = 'BENCH_JSON ';

/** Calls `onLine` with each whole line of `stream`; returns what to call at its end. */
function splitLines(stream, onLine) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    lines.forEach((line) => onLine(line));
  });
  return () => pending && onLine(pending);
}

/**
 * Runs `command` in its own process group; `onLine` sees each line of its standard output, and
 * of its standard error too when `stderrLines` is set (else that goes straight to ours).
 * Resolves to `{ code, signal, timedOut, error }` once it and its group have ended.
 */
export function runInGroup(command, args, { timeoutMs, env = process.env, onLine = console.log, stderrLines = false }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', stderrLines ? 'pipe' : 'inherit'], detached: true, env });
    let timedOut = false;
    const flushOut = splitLines(child.stdout, onLine);
    const flushErr = stderrLines ? splitLines(child.stderr, onLine) : () => {};
    const killGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group has already ended.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup('SIGTERM');
      setTimeout(() => killGroup('SIGKILL'), 5_000).unref();
    }, timeoutMs);
    // Ctrl+C reaches only our own process group: pass it on to the child's.
    const interrupted = (signal) => {
      killGroup('SIGTERM');
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    const settle = (result) => {
      clearTimeout(timer);
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
      resolve({ timedOut, ...result });
    };
    child.on('error', (error) => settle({ code: null, signal: null, error }));
    child.on('close', (code, signal) => {
      // Whatever the child left running in its group (a Chromium after a crash) ends with it.
      killGroup('SIGKILL');
      flushOut();
      flushErr();
      settle({ code, signal, error: null });
    });
  });
}

/** Resolves to `{ json }` when the child reported, else `{ json: null, reason }`. */
export async function runSubBenchmark(command, args, { timeoutMs }) {
  let json = null;
  const onLine = (line) => {
    if (!line.startsWith(MARK)) return console.log(line);
    try {
      json = JSON.parse(line.slice(MARK.length));
    } catch {
      console.log(`unreadable report: ${line}`);
    }
  };
  const run = await runInGroup(command, args, { timeoutMs, onLine });
  if (json) return { json };
  if (run.error) return { json: null, reason: run.error.message };
  if (run.timedOut) return { json: null, reason: `timed out after ${Math.round(timeoutMs / 1000)} s` };
  return { json: null, reason: `exit ${run.code ?? run.signal} without a BENCH_JSON line` };
}
