import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

// Offline and installable: the service worker precaches the app shell, the initial JS/CSS, the map
// fonts, the whole data package (public/geodata), and the import worker and the drawing tool (so
// importing and sketching work offline after one visit, even if never used online). The PDF dossier
// (jsPDF, its TTF fonts, QR code) is cached on first use instead, so the first visit stays light;
// offline before that, the dossier says it needs the network once.
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
      'assets/index-*.{js,css}', 'assets/*Panel-*.{js,css}', 'assets/workbox-window*.js', 'assets/analysis.worker-*.js', 'assets/maplibre-gl-worker-*.mjs', 'assets/blob-urls-*.mjs', 'assets/*.woff2',
      'assets/rolldown-runtime-*.js', 'assets/import.worker-*.js', 'assets/big-points.worker-*.js', 'assets/draw-*.js',
      'geodata/*.{geojson,json}',
    ],
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    runtimeCaching: [
      {
        // Hashed, immutable chunks not in the precache (drawing tools, PDF dossier and its fonts).
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
  plugins: [svelte(process.env.VITEST ? { dynamicCompileOptions: () => ({ generate: 'client' }) } : {}), ...(process.env.VITEST ? [] : [pwa])],
  // ... and give the tests Svelte's client runtime (flushSync, effects), not the server one Node picks.
  resolve: process.env.VITEST
    ? { conditions: ['browser'], alias: [{ find: /^svelte$/, replacement: fileURLToPath(new URL('./node_modules/svelte/src/index-client.js', import.meta.url)) }] }
    : undefined,
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'threads',
    maxWorkers: 2,
  },
});
