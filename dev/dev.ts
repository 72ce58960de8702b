import { redact, startStack, stopOnSignals } from './stack'

// `npm run dev`: the whole wizard on this machine with no configuration. One Ctrl-C stops it all;
// the embedded database keeps its data in .data/pg between runs.
const pgPort = Number(process.env.PG_PORT ?? 5454)
const port = Number(process.env.PORT ?? 3000)
const fakesPort = Number(process.env.FAKES_PORT ?? 4010)
const pgDir = process.env.PG_DATA_DIR ?? '.data/pg'

try {
  const stack = await startStack({
    databaseUrl: process.env.DATABASE_URL,
    pgDir,
    pgPort,
    database: 'ob',
    fakesPort,
    web: { command: ['node', '--import', 'tsx', 'server/index.ts'], port },
  })
  stopOnSignals(stack)
  console.log(
    stack.embedded
      ? `PostgreSQL (embedded) on 127.0.0.1:${pgPort}, data in ${pgDir}: ${redact(stack.databaseUrl)}`
      : `PostgreSQL from DATABASE_URL: ${redact(stack.databaseUrl)}`,
  )
  console.log(
    `Provider fakes on 127.0.0.1:${fakesPort}-${fakesPort + 8} (mail at ${stack.webUrl}/dev/mail); worker started.`,
  )
  console.log(
    stack.copierTargetUrl
      ? `Copier: finished tenants go to ${redact(stack.copierTargetUrl)}`
      : 'Copier not started: set COPIER_TARGET_URL to run it beside an outside DATABASE_URL.',
  )
  console.log(`Wizard: ${stack.webUrl}/onboarding (Ctrl-C stops everything)`)
} catch (error) {
  console.error(`Could not start: ${(error as Error).message}`)
  process.exit(1)
}
