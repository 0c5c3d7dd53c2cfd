/**
 * Content-Security-Policy: sent as a header and as a <meta> tag, strict about scripts, the
 * built HTML has no inline script, and the browser really refuses one (which the shared
 * fixture notices).
 */
import { expect, test } from './support/fixtures.ts';

const REQUIRED = ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'"];

test('the page is served with a strict CSP header and meta tag, and no inline script', async ({ page }) => {
  const response = await page.goto('/');
  const header = response?.headers()['content-security-policy'] ?? '';
  const meta = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  for (const directive of REQUIRED) {
    expect(header, 'header').toContain(directive);
    expect(meta, 'meta tag').toContain(directive);
  }
  const scriptSrc = header.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
  expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);

  const html = (await response?.text()) ?? '';
  expect(html.match(/<script\b(?![^>]*\bsrc=)[^>]*>/g) ?? [], 'inline <script> elements').toEqual([]);
  expect(html.match(/\son[a-z]+\s*=/gi) ?? [], 'inline event handlers').toEqual([]);
});

test('an inline script is refused, and the fixture reports the violation', async ({ page, pageProblems }) => {
  await page.goto('/');
  const outcome = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(`blocked by ${event.effectiveDirective}`), { once: true });
        window.addEventListener('inline-ran', () => resolve('ran'), { once: true });
        const script = document.createElement('script');
        script.textContent = 'window.dispatchEvent(new Event("inline-ran"))';
        document.head.append(script);
      }),
  );
  expect(outcome).toBe('blocked by script-src-elem');
  await expect.poll(() => pageProblems.join('\n')).toContain('CSP violation: script-src-elem blocked inline in');
  pageProblems.length = 0; // provoked on purpose: the fixture must not fail this test
});
