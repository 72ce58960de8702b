import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { turnRemindersOff } from '../../db/mail.server'
import { devIdentityAllowed } from '../auth/identity.server'
import { tenantOfLinkToken } from '../../platform/crypto.server'
import { withTenant } from '../../platform/db.server'
import { devMailbox } from '../../platform/providers/mail.server'

// The reminder mail's "turn reminders off" link, opened without signing in: its token proves the
// tenant. The link shows a button (mail scanners open links; they do not press buttons); the
// button, and mail apps' one-click unsubscribe (RFC 8058, a POST to the same link), turn them off.
const tenantOf = (request: Request) =>
  tenantOfLinkToken('reminders-off', new URL(request.url).searchParams.get('t') ?? '')

export function remindersOffLoader({ request }: LoaderFunctionArgs) {
  const valid = tenantOf(request) !== null
  return json({ valid, done: false }, { status: valid ? 200 : 400 })
}

export async function remindersOffAction({ request }: ActionFunctionArgs) {
  const tenantId = tenantOf(request)
  if (!tenantId) return json({ valid: false, done: false }, { status: 400 })
  await withTenant(tenantId, (tx) => turnRemindersOff(tx, tenantId))
  return json({ valid: true, done: true })
}

/** /dev/mail: the mail the local SMTP fake received (not served in production). */
export async function devMailLoader() {
  if (!devIdentityAllowed()) throw new Response('Not found', { status: 404 })
  return json({ messages: await devMailbox() })
}
