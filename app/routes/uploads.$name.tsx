import type { LoaderFunctionArgs } from '@remix-run/node'
import { readStored } from '../../platform/storage.server'

export async function loader({ params }: LoaderFunctionArgs) {
  const png = await readStored(params.name ?? '')
  if (!png) return new Response('Not found', { status: 404 })
  return new Response(new Uint8Array(png), {
    headers: {
      'content-type': 'image/png',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    },
  })
}
