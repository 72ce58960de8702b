import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireIdentity } from '~/auth/session.server'
import { changesOf } from '../../platform/live.server'

// GET /events: the signed-in owner's open page is told when their tenant changes (server-sent
// events, app/kit/live.tsx). Only their own tenant's, only "changed": the page then reads its data
// through its loader, as ever. Signed out: 401 and no stream. Past this process's cap, or while it
// stops: 503, and the page reads itself on a timer instead.
export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requireIdentity(request).catch((error) => {
    if (error instanceof Response && error.status >= 300 && error.status < 400) return null
    throw error
  })
  if (!identity) return new Response('Sign in to see your changes.', { status: 401 })
  const stream = await changesOf(identity.tenantId, request.signal)
  if (!stream) return new Response('This page reads itself on a timer instead.', { status: 503 })
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: compression would hold the events back until it had a block to send.
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
    },
  })
}
