import Stripe from 'stripe'
import { z } from 'zod'
import { env } from '../env.server'

// Stripe, read only by jobs (tasks/stripe_prefill) and the webhook, never by a loader. In dev and
// tests STRIPE_API_URL points the SDK at the local fake.
export const STRIPE_API_VERSION = '2026-10-28.endive'
let client: Stripe | undefined
export function stripe(): Stripe {
  if (client) return client
  const e = env()
  const base = e.STRIPE_API_URL ? new URL(e.STRIPE_API_URL) : null
  client = new Stripe(e.STRIPE_SECRET_KEY, {
    // Pinned: the shapes read below are this version's. Without it the SDK sends its own, and an
    // upgrade of the package would silently change what Stripe answers.
    apiVersion: STRIPE_API_VERSION,
    timeout: 10_000,
    maxNetworkRetries: 0, // graphile-worker retries the whole job with backoff
    ...(base && {
      host: base.hostname,
      port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)),
      protocol: base.protocol === 'https:' ? 'https' : 'http',
    }),
  })
  return client
}

export type StripeAddress = { line1: string; line2: string; city: string; state: string; zip: string }
export type StripeProfile = {
  displayName: string | null
  mcc: string | null
  address: StripeAddress | null
  logoFileId: string | null
  primaryColor: string | null
  stripeActive: boolean
  planCode: string | null
  /** For Page 4: the company's legal name, its website, and its EIN (a us_ein tax ID on the customer). */
  companyName: string | null
  websiteUrl: string | null
  ein: string | null
  taxIdProvided: boolean | null
}

export async function readStripeProfile(ids: {
  customerId: string | null
  accountId: string | null
}): Promise<StripeProfile> {
  const [customer, account] = await Promise.all([
    ids.customerId ? stripe().customers.retrieve(ids.customerId, { expand: ['subscriptions', 'tax_ids'] }) : null,
    ids.accountId ? stripe().accounts.retrieve(ids.accountId) : null,
  ])
  const live = customer && !customer.deleted ? customer : null
  const subscription =
    live?.subscriptions?.data.find((s) => s.status === 'active' || s.status === 'trialing') ??
    live?.subscriptions?.data[0]
  const plan = subscription ? subscriptionFlags(subscription) : { stripeActive: false, planCode: null }
  const raw = account?.business_profile?.support_address ?? account?.company?.address ?? live?.address ?? null
  const logo = account?.settings?.branding?.logo
  return {
    displayName: account?.business_profile?.name || account?.company?.name || live?.name || null,
    mcc: account?.business_profile?.mcc ?? null,
    address:
      raw?.line1 && raw.postal_code && (raw.country ?? 'US') === 'US'
        ? {
            line1: raw.line1,
            line2: raw.line2 ?? '',
            city: raw.city ?? '',
            state: raw.state ?? '',
            zip: raw.postal_code,
          }
        : null,
    logoFileId: typeof logo === 'string' ? logo : (logo?.id ?? null),
    primaryColor: account?.settings?.branding?.primary_color?.toLowerCase() ?? null,
    stripeActive: plan.stripeActive,
    planCode: plan.planCode,
    companyName: account?.company?.name ?? null,
    websiteUrl: account?.business_profile?.url ?? null,
    ein: live?.tax_ids?.data.find((t) => t.type === 'us_ein')?.value ?? null,
    taxIdProvided: account?.company?.tax_id_provided ?? null,
  }
}

/** The logo file's bytes, from Stripe's files host (the fake in dev), at most `maxBytes`. */
export async function downloadStripeFile(fileId: string, maxBytes: number): Promise<Buffer> {
  const e = env()
  const base = e.STRIPE_API_URL ?? 'https://files.stripe.com'
  const res = await fetch(`${base}/v1/files/${encodeURIComponent(fileId)}/contents`, {
    headers: { authorization: `Bearer ${e.STRIPE_SECRET_KEY}` },
    signal: AbortSignal.timeout(10_000),
  })
  if (!res.ok) throw new Error(`Stripe file ${fileId}: HTTP ${res.status}`)
  const body = Buffer.from(await res.arrayBuffer())
  if (body.length > maxBytes) throw new Error(`Stripe file ${fileId} is larger than ${maxBytes} bytes`)
  return body
}

// The part of a subscription we use. Webhook events are parsed with it: an event without a
// customer or status is not one we can act on.
const id = z
  .union([z.string().min(1), z.object({ id: z.string().min(1) })])
  .transform((v) => (typeof v === 'string' ? v : v.id))
export const SubscriptionObject = z.object({
  customer: id,
  status: z.string().min(1),
  items: z
    .object({
      data: z.array(
        z.object({ price: z.object({ lookup_key: z.string().nullish(), product: id.nullish() }).nullish() }),
      ),
    })
    .nullish(),
})

/** The longest plan code ob_flow.plan_code holds. */
const MAX_PLAN_CODE = 100

/**
 * Subscription state from a subscription object (webhook events carry one). A plan code longer
 * than we store is left out (`dropped` says so, for the log): the subscription's state still counts.
 */
export function subscriptionFlags(sub: Stripe.Subscription | z.output<typeof SubscriptionObject>) {
  const parsed = SubscriptionObject.parse(sub)
  const price = parsed.items?.data[0]?.price
  const plan = price?.lookup_key ?? price?.product ?? null
  const fits = plan === null || plan.length <= MAX_PLAN_CODE
  return {
    customerId: parsed.customer,
    stripeActive: parsed.status === 'active' || parsed.status === 'trialing',
    planCode: fits ? plan : null,
    dropped: fits ? null : `a plan code of ${plan!.length} characters (at most ${MAX_PLAN_CODE} are kept)`,
  }
}
