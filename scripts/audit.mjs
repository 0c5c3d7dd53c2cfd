/**
 * `npm run audit` (issue #9): `npm audit --omit=dev --audit-level=high` for CI. Exits 1 when
 * an advisory of high or critical severity affects a production dependency, or when npm audit
 * fails for a reason of ours (no lockfile, unreadable output).
 *
 * When the registry's audit endpoint cannot be reached or refuses the request (some registries
 * and proxies answer 405 to its POST), no audit happened: that is printed on one line starting
 * "AUDIT NOT PERFORMED" and the exit status is 0, so CI stays usable there and strict wherever
 * the endpoint answers.
 */
import { spawnSync } from 'node:child_process';

const TIMEOUT_MS = 120_000;
const NETWORK_CODES = ['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'ESOCKETTIMEDOUT'];

/**
 * Reads the JSON that `npm audit --json` printed.
 * @returns {{ outcome: 'clean' | 'advisories' | 'not-performed' | 'error', message: string }}
 * e.g. auditVerdict({ statusCode: 405, message: '405 Method Not Allowed - POST …' }).outcome === 'not-performed'
 */
export function auditVerdict(report) {
  const counts = report?.metadata?.vulnerabilities;
  if (counts) {
    const serious = Object.entries(report.vulnerabilities ?? {})
      .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
      .map(([name, v]) => `${name} (${v.severity}: ${(v.via ?? []).map((via) => (typeof via === 'string' ? `via ${via}` : `${via.title} ${via.url}`)).join('; ')})`);
    const total = (counts.high ?? 0) + (counts.critical ?? 0);
    if (total === 0) return { outcome: 'clean', message: `npm audit: no high or critical advisory in production dependencies (${counts.total ?? 0} of lower severity).` };
    return { outcome: 'advisories', message: `npm audit: ${counts.critical ?? 0} critical and ${counts.high ?? 0} high advisories in production dependencies: ${serious.join(', ')}` };
  }
  const message = String(report?.message ?? report?.error?.summary ?? '').trim();
  const code = String(report?.error?.code ?? report?.code ?? '');
  if (typeof report?.statusCode === 'number') {
    return { outcome: 'not-performed', message: `the registry's audit endpoint answered HTTP ${report.statusCode} (${message})` };
  }
  if (NETWORK_CODES.includes(code) || /request to \S+ failed, reason:/.test(message) || NETWORK_CODES.some((c) => message.includes(c))) {
    return { outcome: 'not-performed', message: `the registry's audit endpoint could not be reached (${message || code})` };
  }
  return { outcome: 'error', message: `npm audit failed: ${[code, message, report?.error?.detail].filter(Boolean).join(': ') || 'no report'}` };
}

function main() {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8', timeout: TIMEOUT_MS });
  if (run.error?.code === 'ETIMEDOUT') {
    console.log(`AUDIT NOT PERFORMED: npm audit got no answer within ${TIMEOUT_MS / 1000} s.`);
    return 0;
  }
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    console.error(`npm audit failed: its output was not JSON (exit ${run.status}).\n${run.stdout}${run.stderr}`);
    return 1;
  }
  const verdict = auditVerdict(report);
  if (verdict.outcome === 'not-performed') {
    console.log(`AUDIT NOT PERFORMED: ${verdict.message}. Production dependencies were NOT checked for advisories.`);
    return 0;
  }
  (verdict.outcome === 'clean' ? console.log : console.error)(verdict.message);
  return verdict.outcome === 'clean' ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main());
