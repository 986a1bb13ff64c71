import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { apiPathPattern, apiPathPrefixes } from './src/hq/api-paths.ts';

const hqOrigin = 'http://127.0.0.1:8080';

/**
 * `POS_BUILD_ID` (a deployment's commit, say) is written into index.html as
 * `<meta name="pos-build">`, so what a till runs can be read off its page; it also changes the
 * page's precache revision, and so `sw.js`, which is how tills learn of a new version.
 */
function buildMarker(buildId: string | undefined): Plugin {
  return {
    name: 'pos-build-marker',
    transformIndexHtml: () => (buildId ? [{ tag: 'meta', attrs: { name: 'pos-build', content: buildId }, injectTo: 'head' }] : []),
  };
}

export default defineConfig({
  plugins: [
    react(),
    buildMarker(process.env.POS_BUILD_ID),
    VitePWA({
      strategies: 'generateSW',
      // Registered by src/sw/register-sw.ts with workbox-window, so an update waits until no sale is in progress.
      injectRegister: false,
      registerType: 'prompt',
      includeManifestIcons: false,
      manifest: {
        name: 'POS Till / 收银台',
        short_name: '收银台',
        description: 'Point-of-sale till that keeps selling offline',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'landscape',
        background_color: '#eceff3',
        theme_color: '#17212e',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        // API calls are never cached; they are not navigations, and these paths are not app pages either.
        navigateFallbackDenylist: [apiPathPattern],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // The first worker controls the page that installed it, so a till's first session already sees new versions.
        clientsClaim: true,
      },
    }),
  ],
  server: {
    port: 5173,
    proxy: Object.fromEntries(apiPathPrefixes.map((prefix) => [prefix, { target: hqOrigin, changeOrigin: false }])),
  },
  preview: {
    port: 4173,
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
});
