import { json, type ActionFunctionArgs } from '@remix-run/node'
import type Stripe from 'stripe'
import { applySubscription, db } from '~/db.server'
import { env } from '~/env.server'
import { stripe, subscriptionFlags } from '~/stripe.server'

const SUBSCRIPTION_EVENTS = new Set(['customer.subscription.created', 'customer.subscription.updated', 'customer.subscription.deleted'])

// Stripe's subscription webhooks. Only signed events are read (400 otherwise, and nothing changes);
// the tenant is found by its Stripe customer, and the prefill job runs again.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return json({ error: 'Use POST' }, { status: 405 })
  const body = await request.text()
  let event: Stripe.Event
  try {
    event = stripe().webhooks.constructEvent(body, request.headers.get('stripe-signature') ?? '', env().STRIPE_WEBHOOK_SECRET)
  } catch {
    return json({ error: 'Missing or invalid Stripe signature' }, { status: 400 })
  }
  if (!SUBSCRIPTION_EVENTS.has(event.type)) return json({ received: true, ignored: event.type })
  const flags = subscriptionFlags(event.data.object as Stripe.Subscription)
  const tenantId = await applySubscription(db(), flags)
  return json({ received: true, applied: Boolean(tenantId) })
}

export const loader = () => json({ error: 'Use POST' }, { status: 405 })
