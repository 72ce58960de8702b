import os from 'node:os'
import postgres from 'postgres'
import { copyTenant, copyWaiting, prepareTarget } from './copy'

// `npm run copier -- --target <main database URL>`: the reference copier. It connects to the
// onboarding database (DATABASE_URL, a login in the ob_copier role), LISTENs on ob_finalize, and
// copies each tenant it hears of; on start and after every reconnect it first copies whatever is
// waiting, so a notification missed while it was down is never lost.
const CHANNEL = 'ob_finalize'

const args = process.argv.slice(2)
const targetUrl = args[args.indexOf('--target') + 1] ?? process.env.COPIER_TARGET_URL
const sourceUrl = process.env.DATABASE_URL
if (!args.includes('--target') && !process.env.COPIER_TARGET_URL)
  fail('--target <url> (or COPIER_TARGET_URL) is required: the main database to copy into')
if (!sourceUrl) fail('DATABASE_URL is required: the onboarding database, as a login in the ob_copier role')

function fail(message: string): never {
  console.error(`Copier: ${message}`)
  process.exit(1)
}

const options = { max: 2, onnotice: () => {} }
const source = postgres(sourceUrl!, options)
const target = postgres(targetUrl!, options)
await prepareTarget(target).catch((error) => fail(`cannot prepare the target database: ${error.message}`))

// One piece of work at a time: a sweep and the tenants heard of meanwhile queue behind each other.
// A failure (the main database down, say) leaves the tenant in FINALIZE; a sweep 30 s later retries.
const RETRY_MS = 30_000
let work = Promise.resolve()
let retry: NodeJS.Timeout | undefined
const queue = (what: string, job: () => Promise<unknown>) => {
  work = work.then(job).then(
    () => {},
    (error) => {
      console.error(`Copier: ${what} failed (${error.message}); retrying in ${RETRY_MS / 1000} s`)
      retry ??= setTimeout(() => ((retry = undefined), sweep()), RETRY_MS)
    },
  )
}
const sweep = () =>
  queue('the sweep', async () => {
    const copied = await copyWaiting(source, target)
    if (copied.length) console.log(`Copier: copied ${copied.length} waiting tenant(s)`)
  })

await source.listen(
  CHANNEL,
  (tenantId) =>
    queue(`tenant ${tenantId}`, async () => {
      if (await copyTenant(source, target, tenantId)) console.log(`Copier: copied ${tenantId}; COMPLETE`)
    }),
  sweep, // on the first LISTEN and on every reconnect
)
console.log(`Copier listening on ${CHANNEL}`)

// This process's heartbeat (ob_heartbeat), every 10 s: a DBA sees a copier that went silent.
const me = `${os.hostname()}:${process.pid}`
const beat = () =>
  source`select ob_beat('copier', ${me})`.catch((error) => console.error(`Copier: heartbeat failed (${error.message})`))
await beat()
const beating = setInterval(beat, 10_000)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    clearTimeout(retry)
    clearInterval(beating)
    await work
    await source`select ob_beat_end(${me})`.catch(() => {})
    await Promise.all([source.end({ timeout: 5 }), target.end({ timeout: 5 })])
    process.exit(0)
  })
}
