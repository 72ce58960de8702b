import { chromium, defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'

// Debian's Chromium when present (Playwright cannot download browsers here), else Playwright's own.
const debian = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const executablePath = existsSync(debian) ? debian : undefined
if (!executablePath && !existsSync(chromium.executablePath())) {
  console.error(
    'No Chromium found: install one with `apt-get install -y chromium` (or `npx playwright install chromium`), or set CHROMIUM_PATH.',
  )
  process.exit(1)
}

const port = Number(process.env.E2E_PORT ?? 3100)

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  // No retries: a test that fails once is a defect to find (the port-in test's "changed in another
  // tab" of stop 26 was one: a reload while the tab's own autosave was on its way, ob_own_saves).
  retries: 0,
  reporter: 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    // The browser asks for English (Accept-Language); the Spanish walk chooses Spanish on the page.
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'js', use: { javaScriptEnabled: true } },
    { name: 'no-js', use: { javaScriptEnabled: false } },
  ],
  webServer: {
    command: 'npx tsx e2e/serve.ts',
    url: `http://localhost:${port}/dev/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    // SIGINT lets e2e/serve.ts stop the web server, worker and database it started.
    gracefulShutdown: { signal: 'SIGINT', timeout: 15_000 },
  },
})
