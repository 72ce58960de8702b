// The process answers (liveness): nothing else is checked, so a slow database never restarts it.
export const loader = () =>
  new Response('ok\n', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } })
