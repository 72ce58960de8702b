import { json } from '@remix-run/node'
import { readA2p } from '../../db/a2p.server'
import { readAccount } from '../../db/account.server'
import { requireIdentity } from '../auth/session.server'
import { withTenant } from '../../platform/db.server'

// The hosted privacy policy and SMS terms of a tenant, public (carriers' reviewers read them
// without signing in), written from the owner's details and the campaign's opt-in: inbound only,
// STOP/HELP, frequency, "Msg & data rates may apply", mobile numbers never shared.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * Served publicly only for a tenant that uses them (hosted_policy): they carry the owner's email,
 * mobile and address. Its owner, signed in, may preview them before choosing them.
 */
export async function policyLoader(request: Request, tenantId: string | undefined) {
  if (!tenantId || !UUID.test(tenantId)) throw new Response('Not found', { status: 404 })
  // The tenant named by the page's address: its own rows, nothing of another's (row-level security).
  const [account, a2p] = await withTenant(tenantId, (tx) =>
    Promise.all([readAccount(tx, tenantId), readA2p(tx, tenantId)]),
  ).catch(() => {
    throw new Response('Not found', { status: 404 })
  })
  const preview =
    !a2p.hostedPolicy &&
    (await requireIdentity(request).then(
      (i) => i.tenantId === tenantId,
      () => false,
    ))
  if (!a2p.hostedPolicy && !preview) throw new Response('Not found', { status: 404 })
  const contact = a2p.authorizedContact
  return json(
    {
      // Without either name the page says "This business" in its own language.
      business: a2p.legalBusinessName ?? account.displayName ?? null,
      name: account.displayName ?? a2p.legalBusinessName ?? null,
      address: account.address
        ? `${account.address.line1}, ${account.address.city}, ${account.address.state} ${account.address.zip}`
        : null,
      email: contact?.email ?? account.ownerEmail,
      phone: contact?.phoneE164 ?? account.ownerMobileE164,
      optIn: a2p.optInDescription,
      stopHelp: a2p.stopHelpText,
    },
    { headers: { 'cache-control': preview ? 'private, no-store' : 'public, max-age=300' } },
  )
}
