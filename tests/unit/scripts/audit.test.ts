// CI trusts scripts/audit.mjs to fail on real advisories and to pass, loudly, only when the
// registry could not be asked. The reports below are trimmed from real `npm audit --json` output.
import { describe, expect, it } from 'vitest';
import { auditVerdict } from '../../../scripts/audit.mjs';

const counts = (high: number, critical: number, moderate = 0) => ({
  info: 0, low: 0, moderate, high, critical, total: high + critical + moderate,
});

describe('auditVerdict', () => {
  it('fails on a high advisory and names the package, its advisory and what pulls it in', () => {
    const verdict = auditVerdict({
      auditReportVersion: 2,
      vulnerabilities: {
        react: { name: 'react', severity: 'high', via: [{ title: 'Fake react hole', url: 'https://example.invalid/1', severity: 'high' }] },
        'dexie-react-hooks': { name: 'dexie-react-hooks', severity: 'high', via: ['react'] },
        papaparse: { name: 'papaparse', severity: 'moderate', via: [{ title: 'Fake minor', url: 'https://example.invalid/2' }] },
      },
      metadata: { vulnerabilities: counts(2, 0, 1) },
    });
    expect(verdict.outcome).toBe('advisories');
    expect(verdict.message).toContain('react (high: Fake react hole https://example.invalid/1)');
    expect(verdict.message).toContain('dexie-react-hooks (high: via react)');
    expect(verdict.message).not.toContain('papaparse');
  });

  it('fails on a critical advisory', () => {
    expect(auditVerdict({ vulnerabilities: { x: { severity: 'critical', via: [] } }, metadata: { vulnerabilities: counts(0, 1) } }).outcome).toBe('advisories');
  });

  it('passes when only moderate or lower advisories are reported', () => {
    expect(auditVerdict({ vulnerabilities: {}, metadata: { vulnerabilities: counts(0, 0, 3) } }).outcome).toBe('clean');
  });

  it('says the audit was not performed when the endpoint refuses the request (HTTP 405)', () => {
    const verdict = auditVerdict({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    });
    expect(verdict).toEqual({ outcome: 'not-performed', message: expect.stringContaining('HTTP 405') });
  });

  it('says the audit was not performed when the registry cannot be reached', () => {
    const verdict = auditVerdict({
      message: 'request to http://nonexistent.invalid/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND nonexistent.invalid',
      error: { summary: '', detail: '' },
    });
    expect(verdict.outcome).toBe('not-performed');
  });

  it('fails when npm audit fails for a reason of ours, e.g. no lockfile', () => {
    const verdict = auditVerdict({ error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.', detail: '' } });
    expect(verdict.outcome).toBe('error');
    expect(verdict.message).toContain('ENOLOCK');
  });
});
