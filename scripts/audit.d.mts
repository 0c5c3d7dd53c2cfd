/** Types of scripts/audit.mjs, for its unit test. */
export declare function auditVerdict(report: unknown): { outcome: 'clean' | 'advisories' | 'not-performed' | 'error'; message: string };
