import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

// Offline and installable: the service worker precaches the app shell, every JS/CSS chunk of the app
// (the initial ones and the panels, the table, the drawing tool and the workers, which load when first
// used: after one visit they all work offline, even if never used online), the map fonts and the whole
// data package (public/geodata). The PDF dossier (jsPDF and what it pulls in, its TTF fonts, QR code)
// is cached on first use instead, so the first visit stays light; offline before that, the dossier
// says it needs the network once. Its chunks are told apart by name: see dossierChunks below.

/** Modules loaded only for the PDF dossier: behind its dynamic import and not reached otherwise. */
const DOSSIER_ENTRY = /\/src\/lib\/dossier\/index\.ts$/;
const dossierModules = new Set<string>();
/**
 * After the module graph is built, finds the modules the app reaches from its entries (static and
 * dynamic imports) without going through the dossier's entry, then the dossier's own: those reached
 * from that entry and not by the app. chunkFileNames below names the chunks made only of the
 * dossier's modules "dossier-…", which the precache leaves out. Anything else (a chunk shared with
 * the app, the bundler's runtime) keeps its name and is precached.
 */
const dossierChunks: Plugin = {
  name: 'dossier-chunks',
  apply: 'build',
  buildEnd() {
    const walk = (starts: string[], stop: (id: string) => boolean) => {
      const seen = new Set<string>();
      const stack = [...starts];
      while (stack.length) {
        const id = stack.pop()!;
        if (seen.has(id) || stop(id)) continue;
        seen.add(id);
        const info = this.getModuleInfo(id);
        if (info) stack.push(...info.importedIds, ...info.dynamicallyImportedIds);
      }
      return seen;
    };
    const ids = [...this.getModuleIds()];
    const app = walk(ids.filter((id) => this.getModuleInfo(id)?.isEntry), (id) => DOSSIER_ENTRY.test(id));
    dossierModules.clear();
    for (const id of walk(ids.filter((id) => DOSSIER_ENTRY.test(id)), (id) => app.has(id))) dossierModules.add(id);
  },
};
const chunkFileNames = ({ name, moduleIds }: { name: string; moduleIds: string[] }) =>
  !name.startsWith('dossier') && moduleIds.length && moduleIds.every((id) => dossierModules.has(id))
    ? 'assets/dossier-[name]-[hash].js'
    : 'assets/[name]-[hash].js';

const pwa = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: false, // registered from src/main.ts (virtual:pwa-register): reloads once a new version is active
  manifest: {
    name: 'Bản đồ công nghiệp và tài nguyên Bắc Kạn (cũ)',
    short_name: 'CN–TN Bắc Kạn',
    description: 'Bản đồ công nghiệp và tài nguyên tỉnh Bắc Kạn (cũ) — industry and resources map of former Bắc Kạn province',
    lang: 'vi',
    start_url: '.',
    scope: '.',
    display: 'standalone',
    theme_color: '#263238',
    background_color: '#263238',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    globPatterns: [
      'index.html', // the manifest's icons are added by the plugin
      'assets/*.{js,mjs,css,woff2}',
      'geodata/*.{geojson,json}',
    ],
    globIgnores: ['assets/dossier-*'], // the dossier's chunks: cached on first use (below)
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    runtimeCaching: [
      {
        // Hashed, immutable chunks not in the precache (the PDF dossier and its fonts).
        urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/assets\/[^/]+-[\w-]{8}\.(?:js|mjs|ttf|woff2?)$/.test(url.pathname),
        handler: 'CacheFirst',
        options: { cacheName: 'lazy-assets', expiration: { maxEntries: 40 } },
      },
    ],
  },
});

// Base path from the environment so the app can be served under a sub-path.
export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  // Unit tests run in Node through Vite's server pipeline, which would compile runes modules
  // (*.svelte.ts) for the server, where $effect does nothing: compile them for the client...
  plugins: [svelte(process.env.VITEST ? { dynamicCompileOptions: () => ({ generate: 'client' }) } : {}), ...(process.env.VITEST ? [] : [dossierChunks, pwa])],
  // ... and give the tests Svelte's client runtime (flushSync, effects), not the server one Node picks.
  resolve: process.env.VITEST
    ? { conditions: ['browser'], alias: [{ find: /^svelte$/, replacement: fileURLToPath(new URL('./node_modules/svelte/src/index-client.js', import.meta.url)) }] }
    : undefined,
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500, rolldownOptions: { output: { chunkFileNames } } },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'threads',
    maxWorkers: 2,
  },
});
