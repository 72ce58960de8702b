import { readdirSync, readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { fetchPageData } from '../setup/single-fetch'

// What the benchmark's parts share: the app's address, its database, and how figures are printed.
export type Bench = { base: string; databaseUrl: string; fakesPort: number; webGroup: number }

export const ms = (v: number) => `${v.toFixed(2)} ms`

/** The q-quantile of a list of latencies. */
export const quantile = (list: number[], q: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))]

export function print(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  console.log(line(head))
  for (const r of rows) console.log(line(r))
}

/** Reads the data of the page at `url` until `done` says it is there. */
// biome-ignore lint/suspicious/noExplicitAny: a page's loader data, whatever its page
export async function until(url: string, cookie: string, done: (data: any) => boolean, everyMs = 50) {
  for (let i = 0; i < 2000; i++) {
    const data = await fetchPageData(url, { headers: { cookie } }).then((r) => r.json())
    if (done(data)) return data
    await new Promise((r) => setTimeout(r, everyMs))
  }
  throw new Error(`${url} did not get there`)
}

export async function waitForServer(base: string) {
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${base}/dev/sign-in`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('the app did not start within 20 s')
}

/** A new owner signed in through the dev sign-in: their session cookie. */
export async function signInAs(base: string, persona: string, owner: string): Promise<string> {
  const res = await fetch(`${base}/dev/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ persona, owner }),
    redirect: 'manual',
  })
  return (res.headers.get('set-cookie') ?? '').split(';')[0]
}

// Each owner runs `op` in a closed loop for `seconds`; latencies from all owners are pooled.
export async function closedLoop<O>(group: O[], seconds: number, op: (o: O) => Promise<void>) {
  const latencies: number[] = []
  const end = performance.now() + seconds * 1000
  const start = performance.now()
  await Promise.all(
    group.map(async (o) => {
      while (performance.now() < end) {
        const t = performance.now()
        await op(o)
        latencies.push(performance.now() - t)
      }
    }),
  )
  const elapsed = (performance.now() - start) / 1000
  return {
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    rate: latencies.length / elapsed,
    latencies,
    elapsed,
  }
}

/**
 * Several paths measured in turns of one second each (A B C A B C ...) for `seconds` turns in all,
 * so that a drift of the machine during the run (autovacuum, another process) falls on all of them
 * alike. `cpuGroup` adds that process group's CPU milliseconds per operation.
 */
export async function interleaved<O>(
  group: O[],
  seconds: number,
  paths: Record<string, (o: O) => Promise<void>>,
  cpuGroup?: number,
) {
  const pooled = Object.fromEntries(
    Object.keys(paths).map((k) => [k, { latencies: [] as number[], elapsed: 0, cpuMs: 0 }]),
  )
  for (let turn = 0; turn < seconds; turn++) {
    for (const [name, op] of Object.entries(paths)) {
      const cpu0 = cpuGroup ? groupCpuMs(cpuGroup) : 0
      const r = await closedLoop(group, 1, op)
      pooled[name].latencies.push(...r.latencies)
      pooled[name].elapsed += r.elapsed
      pooled[name].cpuMs += cpuGroup ? groupCpuMs(cpuGroup) - cpu0 : 0
    }
  }
  return Object.fromEntries(
    Object.entries(pooled).map(([name, { latencies, elapsed, cpuMs }]) => [
      name,
      {
        p50: quantile(latencies, 0.5),
        p99: quantile(latencies, 0.99),
        rate: latencies.length / elapsed,
        cpuPerOp: cpuMs / latencies.length,
      },
    ]),
  )
}

/** CPU milliseconds (user + system) used so far by every process of a process group (Linux /proc). */
export function groupCpuMs(group: number): number {
  let ticks = 0
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      // Fields after the command's closing parenthesis: state is field 3, pgrp 5, utime 14, stime 15.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10 // USER_HZ is 100 on Linux
}

/** Waits (up to 30 s) until a process group is nearly idle: under 10% of a core for half a second. */
export async function untilQuiet(group: number) {
  for (let i = 0; i < 60; i++) {
    const before = groupCpuMs(group)
    await new Promise((r) => setTimeout(r, 500))
    if (groupCpuMs(group) - before < 50) return
  }
}

/** The Provisioning fake's own POST /numbers, as our client sends it: its answer time in ms. */
export async function fakeNumberMs(fakesPort: number, idempotencyKey: string) {
  const t = performance.now()
  await fetch(`http://127.0.0.1:${fakesPort}/numbers`, {
    method: 'POST',
    headers: {
      authorization: 'Bearer local-provisioning-token',
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
      'correlation-id': '00000000-0000-0000-0000-000000000000',
    },
    body: JSON.stringify({
      areaCode: '415',
      capabilities: ['sms', 'voice'],
      webhooks: {
        smsWebhookUrl: 'https://h.example/s',
        voiceUrl: 'https://h.example/v',
        statusCallbackUrl: 'https://h.example/c',
      },
    }),
  })
  return performance.now() - t
}

/** The A2P fake's own POST /brands, as our client sends it: its answer time in ms. */
export async function fakeBrandMs(fakesPort: number, idempotencyKey: string) {
  const t = performance.now()
  await fetch(`http://127.0.0.1:${fakesPort + 1}/brands`, {
    method: 'POST',
    headers: {
      authorization: 'Bearer local-a2p-token',
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
      'correlation-id': '00000000-0000-0000-0000-000000000000',
    },
    body: JSON.stringify({
      country: 'US',
      legalName: 'Bench LLC',
      displayName: 'Bench',
      websiteDomain: 'bench.example',
      brandType: 'SOLE_PROP',
    }),
  })
  return performance.now() - t
}
