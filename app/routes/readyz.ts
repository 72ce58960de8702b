import { readiness } from '~/lib/health.server'

// Ready for owners (readiness): 200, or 503 with the one-line reason.
export async function loader() {
  const r = await readiness()
  return new Response(r.ready ? 'ready\n' : `not ready: ${r.reason}\n`, {
    status: r.ready ? 200 : 503,
    headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' },
  })
}
