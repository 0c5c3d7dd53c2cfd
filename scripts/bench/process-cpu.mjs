/**
 * CPU time of the processes this benchmark started (Chromium's browser, renderer and utility
 * processes), read from /proc. On a shared machine wall-clock figures swing with other
 * people's jobs; the CPU a phase cost stays comparable from run to run. Linux only: elsewhere
 * every figure is null.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ); 100 on every Linux we run on. */
const TICKS_PER_SECOND = 100;

function processTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which may itself contain spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while the table was read.
    }
  }
  return table;
}

/**
 * Milliseconds of CPU (user + system) used so far by every descendant of this process that is
 * still running, or null where /proc is missing.
 */
export function childrenCpuMs() {
  let table;
  try {
    table = processTable();
  } catch {
    return null;
  }
  const children = new Map();
  for (const [pid, { parent }] of table) children.set(parent, [...(children.get(parent) ?? []), pid]);
  let ticks = 0;
  const pending = [...(children.get(process.pid) ?? [])];
  while (pending.length > 0) {
    const pid = pending.pop();
    ticks += table.get(pid)?.ticks ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
