import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { freePort } from '../setup/app'
import { freshDatabase, loginIn } from '../setup/db'

// The built app under our own server (`npm start`) in production mode, as the app's login (npm
// test builds before running Vitest).
const { url: adminUrl } = await freshDatabase()
const url = await loginIn(adminUrl, 'ob_app')
const BUILD = 'build/server/index.js'
// Any free port: a fixed one fails whenever something else listens there.
const PORT = await freePort()

function serve(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { PATH: process.env.PATH!, NODE_ENV: 'production', PORT: String(PORT), WEB_CONCURRENCY: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (c) => (output += c))
  child.stderr.on('data', (c) => (output += c))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { child, exited, output: () => output }
}

describe.runIf(existsSync(BUILD))('production mode', () => {
  it('stops with one clear line when a required setting is missing', async () => {
    const { exited, output } = serve({ DATABASE_URL: url })
    expect(await exited).toBe(1)
    expect(output().trim()).toBe(
      'Configuration error: SESSION_SECRET is required in production: set it to a random string of 32+ characters',
    )
  })

  it('refuses the dev sign-in, and is ready', async () => {
    const server = serve({
      DATABASE_URL: url,
      SESSION_SECRET: 'x'.repeat(40),
      CLERK_PUBLISHABLE_KEY: `pk_live_${Buffer.from('clerk.wizard.example$').toString('base64')}`,
      CLERK_SECRET_KEY: 'sk_live_x',
      STRIPE_SECRET_KEY: 'sk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      BILLING_URL: 'https://billing.wizard.example',
      DASHBOARD_URL: 'https://app.wizard.example/dashboard',
      PROVISIONING_API_URL: 'https://numbers.wizard.example',
      PROVISIONING_TOKEN: 'token-123456',
      A2P_API_URL: 'https://a2p.wizard.example',
      A2P_TOKEN: 'a2p-token-123456',
      A2P_WEBHOOK_SECRET: 'a2p-callback-secret-123',
      SMTP_URL: 'smtp://u:p@smtp.wizard.example:587',
      MAIL_FROM: 'Setup <setup@wizard.example>',
      PORT_IN_KEY: Buffer.alloc(32, 3).toString('base64'),
      SMS_WEBHOOK_URL: 'https://hooks.wizard.example/sms',
      VOICE_URL: 'https://hooks.wizard.example/voice',
      STATUS_CALLBACK_URL: 'https://hooks.wizard.example/status',
      GOOGLE_CLIENT_ID: 'wizard.apps.googleusercontent.com',
      GOOGLE_CLIENT_SECRET: 'secret',
      APP_URL: 'https://app.wizard.example',
    })
    try {
      let res: Response | undefined
      for (let i = 0; i < 100 && !res; i++) {
        res = await fetch(`http://localhost:${PORT}/dev/sign-in`).catch(() => undefined)
        if (!res) await new Promise((r) => setTimeout(r, 100))
      }
      expect(res?.status).toBe(404)
      // Ready: the database answers with this build's migrations (issue 20, part 2).
      expect(await (await fetch(`http://localhost:${PORT}/readyz`)).text()).toBe('ready\n')
      const post = await fetch(`http://localhost:${PORT}/dev/sign-in`, {
        method: 'POST',
        body: new URLSearchParams({ persona: 'verified' }),
        redirect: 'manual',
      })
      expect(post.status).toBe(404)
      expect(post.headers.get('set-cookie')).toBeNull()
    } finally {
      server.child.kill('SIGTERM')
      await server.exited
    }
  })
})

describe('10. every entry point runs as production unless told otherwise', () => {
  const start = (script: string, env: Record<string, string>, args: string[] = []) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
        env: { PATH: process.env.PATH!, ...env } as never,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout.on('data', (c) => (output += c))
      child.stderr.on('data', (c) => (output += c))
      child.once('exit', (code) => resolve({ code, output: output.trim() }))
    })

  it.each([
    [
      'the web server',
      'server/index.ts',
      'Configuration error: DATABASE_URL is required: set it to a PostgreSQL connection string (npm run dev sets it for you)',
    ],
    [
      'the worker',
      'tasks/worker.ts',
      'Configuration error: DATABASE_URL is required: set it to a PostgreSQL connection string (npm run dev sets it for you)',
    ],
    [
      'the copier',
      'copier/index.ts',
      'Copier: --target <url> (or COPIER_TARGET_URL) is required: the main database to copy into',
    ],
    ['db:migrate', 'db/migrate.ts', 'DATABASE_URL is required: set it to the database to migrate'],
  ])('%s with an empty environment refuses with one line', async (_name, script, line) => {
    if (script === 'server/index.ts' && !existsSync(BUILD)) return
    const { code, output } = await start(script, {})
    expect(code).toBe(1)
    expect(output).toBe(line)
  })

  it('the worker with only a database: production, so the dev tokens and keys do not silently apply', async () => {
    const { code, output } = await start('tasks/worker.ts', { DATABASE_URL: url })
    expect(code).toBe(1)
    expect(output).toBe(
      'Configuration error: SESSION_SECRET is required in production: set it to a random string of 32+ characters',
    )
  })
})

it('has a build to test in production mode when run by npm test', () => {
  // `npm test` builds first; a bare `vitest run` without a build skips the block above.
  if (process.env.npm_lifecycle_event === 'test') expect(existsSync(BUILD)).toBe(true)
})
