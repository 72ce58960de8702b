import sharp from 'sharp'
import { startFake, type FakeRequest } from './http'

// A local Stripe: the reads the prefill job makes (customer with subscriptions, connected account,
// logo file), in Stripe's JSON shapes. Objects are the dev personas' below, or any a test posts as
// switches.objects (or objects:<name>, so parallel tests do not overwrite each other). Switches: down
// (every call 500s), delayMs.
const account = (
  id: string,
  name: string,
  mcc: string | null,
  address: Record<string, string>,
  logo: string | null,
  site: { url: string | null; legal: string; ein: boolean },
) => ({
  id,
  object: 'account',
  type: 'standard',
  country: 'US',
  email: null,
  business_profile: { name, mcc, url: site.url, support_address: address, support_phone: null },
  company: { name: site.legal, address, tax_id_provided: site.ein },
  settings: { branding: { logo, icon: null, primary_color: null, secondary_color: null } },
})
const customer = (id: string, name: string, status: string | null, lookupKey: string, ein: string | null = null) => ({
  id,
  object: 'customer',
  name,
  email: null,
  address: null,
  tax_ids: {
    object: 'list',
    has_more: false,
    url: `/v1/customers/${id}/tax_ids`,
    data: ein ? [{ id: `txi_${id.slice(4)}`, object: 'tax_id', type: 'us_ein', value: ein }] : [],
  },
  subscriptions: {
    object: 'list',
    has_more: false,
    url: `/v1/customers/${id}/subscriptions`,
    data: status
      ? [
          {
            id: `sub_${id.slice(4)}`,
            object: 'subscription',
            customer: id,
            status,
            items: {
              object: 'list',
              data: [
                {
                  id: `si_${id.slice(4)}`,
                  object: 'subscription_item',
                  price: { id: `price_${lookupKey}`, object: 'price', lookup_key: lookupKey, product: 'prod_textback' },
                },
              ],
            },
          },
        ]
      : [],
  },
})

export const STRIPE_SEED: Record<string, object> = {
  cus_verified: customer('cus_verified', 'Rivera Plumbing & Heating', 'active', 'pro_monthly', '12-3456789'),
  acct_verified: account(
    'acct_verified',
    'Rivera Plumbing & Heating',
    '1711',
    { line1: '1455 Market St', line2: '', city: 'San Francisco', state: 'CA', postal_code: '94103', country: 'US' },
    'file_logo_red',
    { url: 'https://riveraplumbing.example', legal: 'Rivera Plumbing & Heating LLC', ein: true },
  ),
  cus_unverified_mobile: customer('cus_unverified_mobile', 'Bright Spark Electric', 'trialing', 'pro_monthly'),
  acct_unverified_mobile: account(
    'acct_unverified_mobile',
    'Bright Spark Electric',
    '1731',
    { line1: '350 5th Ave', line2: 'Suite 200', city: 'New York', state: 'NY', postal_code: '10118', country: 'US' },
    null,
    { url: 'https://nopolicy.example', legal: 'Bright Spark Electric', ein: false },
  ),
  cus_inactive_subscription: customer(
    'cus_inactive_subscription',
    'Sparkle Home Cleaning',
    'canceled',
    'starter_monthly',
  ),
  acct_inactive_subscription: account(
    'acct_inactive_subscription',
    'Sparkle Home Cleaning',
    null,
    { line1: '233 S Wacker Dr', line2: '', city: 'Chicago', state: 'IL', postal_code: '60606', country: 'US' },
    null,
    { url: null, legal: 'Sparkle Home Cleaning', ein: false },
  ),
}

/** A red round logo on white: its dominant colour is #d62828. */
export const logoPng = () =>
  sharp(
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><rect width="96" height="96" fill="#fff"/><circle cx="48" cy="48" r="40" fill="#d62828"/></svg>',
    ),
  )
    .png()
    .toBuffer()

export async function startStripeFake(port: number) {
  const logo = await logoPng()
  const find = (req: FakeRequest) => {
    // Switches named objects or objects:<anything> add objects; separate names let parallel tests add their own.
    const added = Object.entries(req.switches)
      .filter(([k]) => k === 'objects' || k.startsWith('objects:'))
      .map(([, v]) => v as Record<string, object>)
    const objects = Object.assign({ ...STRIPE_SEED }, ...added)
    // cus_verified__<owner> is a separate dev owner with the persona's objects.
    const found = objects[req.params.id] ?? objects[req.params.id.split('__')[0]]
    return found ? { status: 200, body: found } : notFound(req.params.id)
  }
  const guarded =
    (
      handler: (req: FakeRequest) => { status: number; body?: unknown; raw?: Buffer; headers?: Record<string, string> },
    ) =>
    (req: FakeRequest) => {
      if (!/^Bearer sk_/.test(String(req.headers.authorization)))
        return { status: 401, body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } } }
      if (req.switches.down)
        return { status: 500, body: { error: { type: 'api_error', message: 'Stripe fake is down' } } }
      return { ...handler(req), delayMs: Number(req.switches.delayMs ?? 0) }
    }
  return startFake('stripe', port, {
    'GET /v1/customers/:id': guarded(find),
    'GET /v1/accounts/:id': guarded(find),
    'GET /v1/files/:id': guarded((req) =>
      req.params.id === 'file_logo_red'
        ? {
            status: 200,
            body: { id: req.params.id, object: 'file', purpose: 'business_logo', type: 'png', size: logo.length },
          }
        : notFound(req.params.id),
    ),
    'GET /v1/files/:id/contents': guarded((req) =>
      req.params.id === 'file_logo_red'
        ? { status: 200, raw: logo, headers: { 'content-type': 'image/png' } }
        : notFound(req.params.id),
    ),
  })
}

const notFound = (id: string) => ({
  status: 404,
  body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such object: '${id}'` } },
})
