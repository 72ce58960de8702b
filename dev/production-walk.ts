import { spawn, type ChildProcess } from 'node:child_process'
import { createSign, generateKeyPairSync, randomBytes } from 'node:crypto'
import path from 'node:path'
import postgres from 'postgres'
import { formFields } from '../test/setup/form'
import { fakeEnv, startFakes } from '../test/fakes/index'
import { dropDatabase, ensureDatabase, startEmbedded } from './embedded'
import { loginFor } from './stack'

// What the container does, where Docker is not (dev/production.sh prepares `dir`: the committed
// sources, the build and `npm ci --omit=dev`). From that install, with production settings: the
// migrations, then the web server, the worker and the copier; an owner signed in through Clerk
// (a session token signed with the key CLERK_JWT_KEY names) walks the wizard over HTTP, posting each
// page's form as a browser without JavaScript sends it; carriers approve (the A2P fake, telling us
// by signed events); the copier moves the business into the main database; then all three stop in
// order on SIGTERM.
// PostgreSQL and the provider fakes come from the full install: they are not part of the image.
const dir = path.resolve(process.argv[2] ?? '')
const PORTS = { pg: 5458, fakes: 4310, web: 3300, webMetrics: 3301, workerMetrics: 3302 }
const step = (line: string) => console.log(`production: ${line}`)
const secret = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`

const pg = await startEmbedded('.data/production-pg', PORTS.pg)
const children: ChildProcess[] = []
const tokens = { provisioning: secret('prov-'), a2p: secret('a2p-') }
const fakes = await startFakes(PORTS.fakes, tokens)
try {
  for (const name of ['ob_production', 'ob_production_main']) {
    await dropDatabase(pg.url('postgres'), name)
    await ensureDatabase(pg.url('postgres'), name)
  }
  const owner = pg.url('ob_production')
  const fake = fakeEnv(fakes.fakes)
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const webhookSecret = secret('whk-')
  const base = `http://localhost:${PORTS.web}`
  const env: Record<string, string> = {
    PATH: process.env.PATH!,
    NODE_ENV: 'production',
    PORT: String(PORTS.web),
    WEB_CONCURRENCY: '2',
    WORKER_CONCURRENCY: '2',
    SESSION_SECRET: secret(''),
    CLERK_PUBLISHABLE_KEY: `pk_live_${Buffer.from('clerk.wizard.example$').toString('base64')}`,
    CLERK_SECRET_KEY: secret('sk_live_'),
    CLERK_JWT_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    CLERK_API_URL: fake.FAKE_CLERK_URL,
    STRIPE_SECRET_KEY: secret('sk_live_'),
    STRIPE_WEBHOOK_SECRET: secret('whsec_'),
    STRIPE_API_URL: fake.FAKE_STRIPE_URL,
    BILLING_URL: 'https://billing.wizard.example',
    DASHBOARD_URL: 'https://app.wizard.example/dashboard',
    APP_URL: 'https://app.wizard.example',
    PROVISIONING_API_URL: fake.FAKE_PROVISIONING_URL,
    PROVISIONING_TOKEN: tokens.provisioning,
    A2P_API_URL: fake.FAKE_A2P_URL,
    A2P_TOKEN: tokens.a2p,
    A2P_WEBHOOK_SECRET: webhookSecret,
    PORT_IN_KEY: randomBytes(32).toString('base64'),
    SMS_WEBHOOK_URL: 'https://hooks.wizard.example/sms',
    VOICE_URL: 'https://hooks.wizard.example/voice',
    STATUS_CALLBACK_URL: 'https://hooks.wizard.example/status',
    GOOGLE_CLIENT_ID: 'wizard.apps.googleusercontent.com',
    GOOGLE_CLIENT_SECRET: secret(''),
    SMTP_URL: fake.FAKE_SMTP_URL,
    MAIL_FROM: 'Business setup <setup@wizard.example>',
    SHUTDOWN_DELAY_MS: '200',
  }
  const run = (script: string, extra: Record<string, string>, args: string[] = []) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: dir,
      env: { ...env, ...extra } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout!.on('data', (c) => (output += c))
    child.stderr!.on('data', (c) => (output += c))
    const exited = new Promise<string>((resolve) =>
      child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)),
    )
    return { child, exited, output: () => output }
  }

  const migrate = run('db/migrate.ts', { DATABASE_URL: owner })
  if ((await migrate.exited) !== 'code 0') throw new Error(`migrations failed:\n${migrate.output()}`)
  step('migrations applied from the production install')
  const web = run('server/index.ts', {
    DATABASE_URL: await loginFor(owner, 'ob_app'),
    METRICS_PORT: String(PORTS.webMetrics),
  })
  const worker = run('tasks/worker.ts', { DATABASE_URL: owner, WORKER_METRICS_PORT: String(PORTS.workerMetrics) })
  const copier = run('copier/index.ts', { DATABASE_URL: await loginFor(owner, 'ob_copier') }, [
    '--target',
    pg.url('ob_production_main'),
  ])
  const all = { web, worker, copier }
  children.push(web.child, worker.child, copier.child)
  await until(
    'the web server ready',
    async () =>
      (await fetch(`${base}/readyz`).then(
        (r) => r.status,
        () => 0,
      )) === 200,
    () => web.output(),
  )
  step('web server ready (/readyz), worker and copier running')

  // The carriers approve at once and say so by signed status events to our webhook.
  await fetch(`${fake.FAKE_A2P_URL}/__fake/switches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      approveInstantly: true,
      callbackUrl: `${base}/webhooks/a2p`,
      callbackSecret: webhookSecret,
    }),
  })

  // The owner: Clerk's user_verified (Rivera Plumbing, its Stripe ids in Clerk's metadata).
  const jar = new Map<string, string>()
  const session = () => {
    const iat = Math.floor(Date.now() / 1000) - 5
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
    const body = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'ins_production' })}.${b64({ sub: 'user_verified', sid: 'sess_production', iss: 'https://clerk.wizard.example', iat, nbf: iat, exp: iat + 60 })}`
    return `__session=${body}.${createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')}; __client_uat=${iat}`
  }
  const send = async (pathname: string, form?: URLSearchParams) => {
    const cookie = [session(), ...[...jar].map(([k, v]) => `${k}=${v}`)].join('; ')
    const res = await fetch(`${base}${pathname}`, {
      method: form ? 'POST' : 'GET',
      body: form,
      redirect: 'manual',
      headers: { cookie, ...(form && { origin: base }) },
    })
    for (const c of res.headers.getSetCookie()) jar.set(c.split('=')[0], c.split(';')[0].slice(c.indexOf('=') + 1))
    return res
  }
  const page = async (id: string) => (await (await send(`/onboarding/${id}`)).text()).replaceAll('<!-- -->', '')
  const press = async (id: string, intent = 'continue') => {
    const res = await send(
      `/onboarding/${id}`,
      new URLSearchParams(formFields(await page(id), id, { name: 'intent', value: intent }) as never),
    )
    return `${res.status} ${res.headers.get('location') ?? ''}`
  }
  const expectMove = async (id: string, to: string) => {
    const got = await press(id)
    if (got !== `302 /onboarding/${to}`) throw new Error(`${id}: Continue answered ${got}, not a move to ${to}`)
  }

  // The page's own script and styles are served from the production install too.
  const asset = /\/assets\/entry\.client-[\w-]+\.js/.exec(await page('account'))?.[0]
  if (!asset || (await send(asset)).status !== 200) throw new Error(`the page's script ${asset} is not served`)
  await until(
    'the prefill',
    async () => !(await page('account')).includes('Fetching your business details'),
    () => web.output() + worker.output(),
  )
  await expectMove('account', 'number')
  await press('number')
  await until(
    'the number',
    async () => (await page('number')).includes('data-testid="number-banner"'),
    () => worker.output(),
  )
  await expectMove('number', 'calmsg')
  await expectMove('calmsg', 'a2p')
  // No public website can be reached from here: the owner takes the hosted privacy and terms
  // pages, and the website check's answer is recorded as a reachable https site's would be.
  await until(
    'the website check',
    async () => !(await page('a2p')).includes('data-blocker="WEBSITE_CHECKING"'),
    () => worker.output(),
  )
  const sql = postgres(owner, { max: 1, onnotice: () => {} })
  await sql`update ob_a2p set https_ok = true, website_check_error = null`
  // Fetch sends Sec-Fetch-Mode "cors" (it cannot be set), so a press that stays on its page is
  // answered as a fetcher is (200 and the state); what it did is read from the database.
  for (const intent of ['useHostedPolicy', 'continue']) {
    const got = await press('a2p', intent)
    if (!/^(200|302) /.test(got)) throw new Error(`a2p ${intent} answered ${got}`)
  }
  const [{ submitted_at: submittedAt }] = await sql`select submitted_at from ob_a2p`
  if (!submittedAt)
    throw new Error(
      `Submit did not submit; the page's lines: ${[...(await page('a2p')).matchAll(/data-blocker="([A-Z_]+)"/g)].map((m) => m[1]).join(', ')}`,
    )
  step('walked Account, Number & hours, Services & prices and the registration; submitted')
  const main = postgres(pg.url('ob_production_main'), { max: 1, onnotice: () => {} })
  await until(
    'the business in the main database',
    async () => (await main`select 1 from onboarded_business`.catch(() => [])).length === 1,
    () => worker.output() + copier.output(),
  )
  // The copier writes the main database first, then marks the tenant COMPLETE in ours: two
  // databases, two commits, so the mark is waited for, not read at once (it once lagged, in CI).
  await until(
    'the tenant marked COMPLETE',
    async () => (await sql`select phase from ob_flow`)[0].phase === 'COMPLETE',
    () => copier.output(),
  )
  if (!(await page('finalize')).includes('Onboarding is complete'))
    throw new Error('the summary does not say onboarding is complete')
  step('carriers approved; onboarding finished by itself; the copier moved the business into the main database')

  // What an operator reads: metrics on their own ports, JSON log lines, one correlation id per registration.
  const metrics = async (port: number) => (await fetch(`http://localhost:${port}/metrics`)).text()
  if (!/^ob_saves_total\{page="account",outcome="saved"\} [1-9]/m.test(await metrics(PORTS.webMetrics)))
    throw new Error("the web server's metrics do not count the saves")
  if (!/^ob_jobs_total\{task="a2p_step",outcome="success"\} [1-9]/m.test(await metrics(PORTS.workerMetrics)))
    throw new Error("the worker's metrics do not count its jobs")
  const ids =
    await sql`select distinct correlation_id from ob_event where event_type like 'registration.%' and event_type <> 'registration.website_checked' and ts >= ${submittedAt}`
  if (ids.length !== 1 || !web.output().includes(`"reqId":"${ids[0].correlation_id}"`))
    throw new Error(`the registration's events carry ${ids.length} correlation ids, not its Submit's one`)
  step(
    "metrics served on their own ports; the registration's events and the Submit's log line carry one correlation id",
  )

  for (const [name, p] of Object.entries(all)) {
    p.child.kill('SIGTERM')
    const exit = await p.exited
    if (exit !== 'code 0') throw new Error(`the ${name} stopped with ${exit}:\n${p.output()}`)
  }
  const [{ locked }] = await sql`select count(*)::int as locked from graphile_worker.jobs where locked_at is not null`
  if (locked) throw new Error(`${locked} job(s) left locked`)
  await Promise.all([sql.end(), main.end()])
  step('web server, worker and copier stopped in order on SIGTERM (exit 0), no job left locked')
} finally {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  await fakes.close()
  await pg.stop()
}

async function until(what: string, probe: () => Promise<boolean>, output: () => string, ms = 60_000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
    if (await probe()) return
  throw new Error(`production: ${what} did not happen within ${ms / 1000} s\n${output().slice(-3000)}`)
}
