import cluster from 'node:cluster'
import os from 'node:os'
import { logger } from './log'

// One web server process per core (WEB_CONCURRENCY, default the number of cores), sharing the
// port through Node's cluster. The first process starts alone: if it cannot start (a setting
// missing, say) the whole server stops with its one line, instead of every copy printing it and
// being restarted forever. Later, a process that dies is replaced; SIGINT/SIGTERM stop them all.
export function processesWanted(mode: string): number {
  const wanted = Number(process.env.WEB_CONCURRENCY ?? (mode === 'development' ? 1 : os.availableParallelism()))
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > 64) {
    console.error('Configuration error: WEB_CONCURRENCY must be a whole number from 1 to 64')
    process.exit(1)
  }
  return wanted
}

export function runPrimary(count: number) {
  let stopping = false
  let started = 0
  const fork = () => {
    const worker = cluster.fork()
    let listening = false
    worker.once('listening', () => {
      listening = true
      if (++started === 1) for (let i = 1; i < count; i++) fork()
    })
    worker.once('exit', (code, signal) => {
      if (stopping) return
      if (!listening) process.exit(code ?? 1) // it never started: its own line said why
      logger().error(`Web server process ${worker.process.pid} died (${signal ?? `code ${code}`}); starting another`)
      fork()
    })
  }
  fork()
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal)
      const done = () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0)
      cluster.on('exit', done)
      done()
      // What has not finished its requests within 10 s (after the shutdown delay) is stopped.
      setTimeout(
        () => {
          for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL')
        },
        10_000 + Number(process.env.SHUTDOWN_DELAY_MS ?? 2000),
      ).unref()
    })
  }
}
