import { json, type ActionFunctionArgs } from '@remix-run/node'
import { handleStripeWebhook } from '~/stripe-webhook.server'

export const action = ({ request }: ActionFunctionArgs) => handleStripeWebhook(request)
export const loader = () => json({ error: 'Use POST' }, { status: 405 })
