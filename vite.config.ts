import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'

// The app's build (`npm run build`) and its dev server (server/index.ts runs Vite in middleware
// mode under `npm run dev`). Vitest has its own config (vitest.config.ts) on the same Vite, without
// the Remix plugin. Dependencies are not bundled into the server build: Node loads them from
// node_modules, as it did with the classic compiler.
export default defineConfig({
  resolve: { alias: { '~': new URL('./app', import.meta.url).pathname } },
  server: { hmr: { port: Number(process.env.HMR_PORT ?? 24678) } },
  build: {
    target: 'es2022',
    rollupOptions: {
      // A route with no browser code (a resource route: webhooks, health, sign-out, redirects) is an
      // empty chunk in the client build, as Remix means it to be: a dozen such lines hid real warnings.
      onwarn(warning, warn) {
        if (warning.code !== 'EMPTY_BUNDLE') warn(warning)
      },
    },
  },
  plugins: [
    remix({
      ignoredRouteFiles: ['**/.*', '**/*.test.*'],
      serverModuleFormat: 'esm',
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
        v3_singleFetch: true,
        unstable_optimizeDeps: true,
      },
    }),
  ],
})
