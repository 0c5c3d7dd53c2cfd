/**
 * Build: React, the built-in decks (build/vite-plugin-decks.ts) and the offline, installable
 * PWA. The PWA part owns the web app manifest, the icons (rasterised at build time from the
 * one source image public/favicon.svg, so they can never drift from it) and the Workbox
 * service worker that precaches every file of the build.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCallback } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { retainDecks } from './build/vite-plugin-decks.ts';

const THEME_COLOR = '#1d4ed8';
const BACKGROUND_COLOR = '#f7f7f5';

/** "0.1.0", or "0.1.0+<id>" when RETAIN_BUILD_ID is set (CI build number, or the update test). */
function appVersion(): string {
  const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
  const buildId = process.env.RETAIN_BUILD_ID?.trim();
  return buildId ? `${version}+${buildId}` : version;
}

/**
 * Writes `<file>.br` and `<file>.gz` next to every compressible file of the build (text and
 * WebAssembly), for servers that send precompressed files (scripts/serve.mjs via sirv; nginx
 * gzip_static/brotli_static). Compressing once at a high level beats compressing per request;
 * hosts that compress by themselves ignore the copies.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gzip = promisify(gzipCallback);
  let outDir = '';
  const compressOne = async (file: string) => {
    const content = await readFile(file);
    if (content.length < 1024) return; // too small to matter
    // Brotli's best level takes seconds per megabyte: keep it for what the first screen loads,
    // not for the ~2 MB optimiser wasm that only loads on demand.
    const quality = content.length > 1_000_000 ? 9 : 11;
    const [br, gz] = await Promise.all([brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } }), gzip(content, { level: 9 })]);
    await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
  };
  return {
    name: 'retain-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => /\.(js|css|html|svg|json|webmanifest|wasm)$/.test(name));
      await Promise.all(files.map((name) => compressOne(join(outDir, name))));
    },
  };
}

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(appVersion()),
  },
  plugins: [
    react(),
    retainDecks(),
    precompress(),
    VitePWA({
      // A new version waits until the person presses Reload (src/features/pwa/update-prompt.tsx):
      // taking over by itself could reload the page in the middle of a study session.
      registerType: 'prompt',
      // Registered from our own module (src/features/pwa/service-worker.ts): the plugin's
      // registration would be an inline script, which the Content-Security-Policy forbids.
      injectRegister: false,
      pwaAssets: {
        image: 'public/favicon.svg',
        // The plugin writes the icon links (SVG, ICO, apple-touch-icon) into index.html's head.
        includeHtmlHeadLinks: true,
        // index.html already carries the theme-color meta.
        injectThemeColor: false,
        overrideManifestIcons: true,
        preset: {
          transparent: { sizes: [64, 192, 512], favicons: [[48, 'favicon.ico']] },
          // The safe zone of a maskable icon is the centre 80 %: pad on the icon's own blue so that
          // any mask shape (circle, squircle) shows one continuous tile.
          maskable: { sizes: [512], padding: 0.3, resizeOptions: { background: THEME_COLOR } },
          apple: { sizes: [180], padding: 0.3, resizeOptions: { background: THEME_COLOR } },
        },
      },
      // start_url and scope are left to the plugin, which sets both to Vite's `base`: "/" here,
      // "/retain/" for a build made with --base=/retain/ (docs/deploy.md).
      manifest: {
        name: 'Retain: flashcards that work offline',
        short_name: 'Retain',
        description: 'Spaced-repetition flashcards with FSRS. Works offline; your reviews stay on this device.',
        lang: 'en',
        display: 'standalone',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        categories: ['education', 'productivity'],
      },
      workbox: {
        // Everything the build emits, including the lazy deck chunks and the optimiser's
        // WebAssembly, so that the first visit is enough to study offline. (The plugin adds
        // manifest.webmanifest itself; globbing it too would list it twice.)
        globPatterns: ['**/*.{js,css,html,svg,png,ico,json,wasm}'],
        // The FSRS optimiser's wasm is ~3 MB; Workbox skips files over 2 MB by default.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Hash routes mean every navigation is to index.html; serve it from the cache offline.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first install takes control of the open page at once, so a lazy chunk requested
        // later in that same visit (a screen, the optimiser) is served from the cache if the
        // network has gone. Updates still wait: skipWaiting only on the person's Reload.
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  worker: {
    format: 'es',
    // Worker bundles do not get the plugins above: the built-in deck worker imports the decks.
    plugins: () => [retainDecks()],
  },
});
