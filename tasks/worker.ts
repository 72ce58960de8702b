import { run } from 'graphile-worker'
import { env } from '../app/env.server'
import { taskList } from './index'

// `npm run worker`: runs onboarding jobs from the same database the web app writes them to.
// graphile-worker stops gracefully on SIGINT/SIGTERM, letting running jobs finish.
const config = env()
const runner = await run({
  connectionString: config.DATABASE_URL,
  concurrency: config.WORKER_CONCURRENCY,
  taskList,
  parsedCronItems: [], // no cron jobs (yet): skip looking for a crontab file
})
console.log(`Worker running ${Object.keys(taskList).length} task types with concurrency ${config.WORKER_CONCURRENCY}.`)
await runner.promise
