import type { LoaderFunctionArgs } from '@remix-run/node'
import { callbackLoader } from '~/pages/calendar.server'

// Where Google sends the owner back after Allow or Deny; it redirects to Page 3.
export const loader = ({ request }: LoaderFunctionArgs) => callbackLoader(request)
