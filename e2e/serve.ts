import exitHook from 'async-exit-hook'
import { startStack } from '../db/stack'

// The server Playwright tests against: the built app under remix-serve, the worker and the fakes,
// on a fresh database (embedded unless DATABASE_URL is set). NODE_ENV=test keeps dev sign-in open.
const stack = await startStack({
  databaseUrl: process.env.DATABASE_URL,
  pgDir: '.data/e2e-pg',
  pgPort: Number(process.env.E2E_PG_PORT ?? 5456),
  database: 'ob_e2e',
  freshDatabase: true,
  fakesPort: Number(process.env.E2E_FAKES_PORT ?? 4110),
  web: { command: ['npx', 'remix-serve', 'build/index.js'], port: Number(process.env.E2E_PORT ?? 3100) },
  env: { NODE_ENV: 'test' },
  quiet: process.env.E2E_LOG !== '1',
}).catch((error) => {
  console.error(`e2e server could not start: ${error.message}`)
  process.exit(1)
})
exitHook((done) => void stack.stop().then(done))
console.log(`e2e server on ${stack.webUrl}`)
