import { startBuiltApp, stopOnSignals } from '../dev/stack'

// The server Playwright tests against: the built app under remix-serve, the worker and the fakes,
// on a fresh database (embedded unless DATABASE_URL is set).
const ports = {
  pg: Number(process.env.E2E_PG_PORT ?? 5456),
  fakes: Number(process.env.E2E_FAKES_PORT ?? 4110),
  web: Number(process.env.E2E_PORT ?? 3100),
}
const stack = await startBuiltApp(process.env.E2E_NAME ?? 'e2e', ports, process.env.E2E_LOG !== '1').catch(
  (error: Error) => {
    console.error(`e2e server could not start: ${error.message}`)
    process.exit(1)
  },
)
stopOnSignals(stack)
console.log(`e2e server on ${stack.webUrl}`)
