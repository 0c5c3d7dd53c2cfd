/**
 * Installability: Chromium itself is asked (DevTools protocol) whether the served build can be
 * installed, and the manifest's icons are checked to be real PNGs of the sizes they claim.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type APIRequestContext } from '@playwright/test';
import { expect, expectNoProblems, test, watchForProblems } from './support/fixtures.ts';
import { waitForOfflineReady } from './support/app.ts';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

/** Width and height from a PNG's IHDR chunk. */
async function pngSize(request: APIRequestContext, src: string): Promise<string> {
  const response = await request.get(new URL(src, 'http://localhost/').pathname);
  expect(response.ok(), `${src} is served`).toBe(true);
  const bytes = await response.body();
  expect(bytes.subarray(1, 4).toString('latin1'), `${src} is a PNG`).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('Chromium reports no installability errors for the served build', async ({ baseURL }, testInfo) => {
  // Test contexts are incognito, where nothing is installable ("in-incognito"): use a profile.
  const profile = mkdtempSync(join(tmpdir(), 'retain-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    headless: true,
    ...(baseURL ? { baseURL } : {}),
  });
  try {
    const problems = await watchForProblems(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await waitForOfflineReady(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const { errors } = await cdp.send('Page.getAppManifest');
    expect(errors).toEqual([]);
    expectNoProblems(problems);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the manifest names the app and carries 192, 512 and maskable icons', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = (await (await request.get(href ?? '')).json()) as Record<string, unknown> & { icons: ManifestIcon[] };
  expect(manifest).toMatchObject({
    short_name: 'Retain',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#1d4ed8',
    background_color: '#f7f7f5',
  });
  expect(String(manifest.name)).toContain('Retain');
  expect(String(manifest.description).length).toBeGreaterThan(20);

  const find = (sizes: string, purpose?: string) => manifest.icons.find((icon) => icon.sizes === sizes && icon.purpose === purpose);
  for (const [sizes, purpose] of [['192x192'], ['512x512'], ['512x512', 'maskable']] as const) {
    const icon = find(sizes, purpose);
    expect(icon, `a ${purpose ?? 'regular'} ${sizes} icon`).toBeDefined();
    expect(icon?.type).toBe('image/png');
    expect(await pngSize(request, icon?.src ?? '')).toBe(sizes);
  }
});
