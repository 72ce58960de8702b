import { json, type ActionFunctionArgs } from '@remix-run/node'
import { handleA2pWebhook } from '~/a2p-webhook.server'

export const action = ({ request }: ActionFunctionArgs) => handleA2pWebhook(request)
export const loader = () => json({ error: 'Use POST' }, { status: 405 })
