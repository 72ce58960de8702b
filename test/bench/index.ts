import { startBuiltApp } from '../../dev/stack'
import { autosaveBench } from './autosave'
import { a2pLatency, provisioningLatency } from './jobs'
import { approvalLatency, reviewScale } from './registration'
import { liveBench } from './live'
import { pagesBench } from './pages'
import { scaleBench } from './scale'
import { waitForServer, type Bench } from './lib'
import { walkBench } from './walk'

// `npm run bench`: figures, each beside a floor measured in the same run, on the built app with the
// worker, the fakes and the copier (its own database). Never pass/fail: see README.
const port = 3200
const fakesPort = 4210
const stack = await startBuiltApp('bench', {
  pg: Number(process.env.BENCH_PG_PORT ?? 5457),
  fakes: fakesPort,
  web: port,
})
const bench: Bench = {
  base: `http://localhost:${port}`,
  databaseUrl: stack.databaseUrl,
  fakesPort,
  webGroup: stack.webGroup,
}
const owners = Number(process.env.BENCH_NUMBERS ?? 20)
try {
  await waitForServer(bench.base)
  // BENCH_ONLY=walk,scale runs only those parts.
  const only = process.env.BENCH_ONLY?.split(',')
  const part = (name: string) => !only || only.includes(name)
  if (part('pages')) await pagesBench(bench, Number(process.env.BENCH_PAGE_REQUESTS ?? 50))
  if (part('live'))
    await liveBench(
      bench,
      Number(process.env.BENCH_LIVE_OWNERS ?? 5),
      Number(process.env.BENCH_LIVE_PAGES ?? 500),
      Number(process.env.BENCH_LIVE_SECONDS ?? 30),
    )
  if (part('autosave')) await autosaveBench(bench)
  if (part('jobs')) await provisioningLatency(bench, owners)
  if (part('jobs')) await a2pLatency(bench, owners)
  if (part('registration')) await approvalLatency(bench, Number(process.env.BENCH_APPROVALS ?? 20))
  if (part('registration')) await reviewScale(bench, Number(process.env.BENCH_REVIEW_TENANTS ?? 100_000))
  if (part('walk')) await walkBench(bench, Number(process.env.BENCH_WALKS ?? 5))
  if (part('scale')) await scaleBench(bench, Number(process.env.BENCH_TENANTS ?? 100_000))
} finally {
  await stack.stop()
}
