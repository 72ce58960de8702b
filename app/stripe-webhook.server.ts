import { json } from '@remix-run/node'
import type Stripe from 'stripe'
import { applySubscription } from '../db/flow.server'
import { BodyTooLarge, readBody } from './lib/body.server'
import { pool } from '../platform/db.server'
import { env } from '../platform/env.server'
import { stripe, SubscriptionObject, subscriptionFlags } from '../platform/providers/stripe.server'
import { log } from '../platform/log.server'

const SUBSCRIPTION_EVENTS = new Set([
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
])
// Stripe's events are a few kB; a subscription with many items stays far below this.
const MAX_EVENT_BYTES = 512 * 1024

// Stripe's subscription webhooks. Only signed events are read (400 otherwise, and nothing changes);
// the tenant is found by its Stripe customer, and the prefill job runs again. A signed event we
// cannot use answers 200 with the reason (and logs it), so Stripe stops retrying it.
export async function handleStripeWebhook(request: Request) {
  if (request.method !== 'POST') return json({ error: 'Use POST' }, { status: 405 })
  let body: string
  try {
    body = new TextDecoder().decode(await readBody(request, MAX_EVENT_BYTES))
  } catch (error) {
    if (error instanceof BodyTooLarge) return json({ error: 'Event too large' }, { status: 413 })
    throw error
  }
  let event: Stripe.Event
  try {
    event = stripe().webhooks.constructEvent(
      body,
      request.headers.get('stripe-signature') ?? '',
      env().STRIPE_WEBHOOK_SECRET,
    )
  } catch {
    return json({ error: 'Missing or invalid Stripe signature' }, { status: 400 })
  }
  if (!SUBSCRIPTION_EVENTS.has(event.type)) return json({ received: true, ignored: event.type })
  const subscription = SubscriptionObject.safeParse(event.data?.object)
  if (!subscription.success) {
    const reason = `subscription without ${subscription.error.issues.map((i) => i.path.join('.') || 'fields').join(', ')}`
    log().warn(`Stripe webhook ${event.id} ignored: ${reason}`)
    return json({ received: true, ignored: reason })
  }
  // Events are applied in the order Stripe made them (`created`, seconds): one without it cannot be placed.
  if (!Number.isSafeInteger(event.created) || event.created <= 0 || event.created > 1e11) {
    log().warn(`Stripe webhook ${event.id} ignored: no usable created time`)
    return json({ received: true, ignored: 'no usable created time' })
  }
  const flags = subscriptionFlags(subscription.data)
  if (flags.dropped) log().warn(`Stripe webhook ${event.id}: ${flags.dropped}; applied without it`)
  const applied = await applySubscription(pool(), { ...flags, eventAt: new Date(event.created * 1000) })
  if (applied === 'stale') {
    log().warn(`Stripe webhook ${event.id} ignored: older than the last event applied to its customer`)
    return json({ received: true, ignored: 'older than the last event applied' })
  }
  return json({ received: true, applied: Boolean(applied), ...(flags.dropped && { dropped: flags.dropped }) })
}
