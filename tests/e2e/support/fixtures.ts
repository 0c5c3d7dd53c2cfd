/**
 * The fixture every browser test imports instead of @playwright/test. It fails a test when any
 * page of its browser context logs a console error, throws an uncaught error, or violates the
 * Content-Security-Policy, so that a regression shows up as a red test rather than as a line in
 * a log nobody reads.
 *
 *   import { expect, test } from './support/fixtures.ts';
 *
 * A test that provokes a problem on purpose asserts on `pageProblems` and then empties it.
 */
import { test as base, expect, type BrowserContext } from '@playwright/test';

/**
 * Starts collecting problems in `context` (every page, present and future). The fixture below
 * uses it; call it directly for a context a test launches itself.
 */
export async function watchForProblems(context: BrowserContext): Promise<string[]> {
  const problems: string[] = [];
  // Chromium logs most violations to the console itself, but not every one (a report-only
  // policy, a worker's); the DOM event is raised for all of them.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'a resource'} in ${event.sourceFile || event.documentURI}`);
    });
  });
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    problems.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  context.on('weberror', (error) => problems.push(`uncaught: ${error.error().stack ?? error.error().message}`));
  return problems;
}

/** Fails the test if `problems` is not empty. */
export function expectNoProblems(problems: readonly string[]): void {
  expect(problems, 'console errors, uncaught errors or CSP violations in the page').toEqual([]);
}

export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [
    async ({ context }, use) => {
      const problems = await watchForProblems(context);
      await use(problems);
      expectNoProblems(problems);
    },
    { auto: true },
  ],
});

export { expect };
