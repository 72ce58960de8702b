import type { LoaderFunctionArgs } from '@remix-run/node'
import { connectLoader } from '~/pages/calendar.server'

// GET only: a link on Page 3 that sends the owner to Google's consent page.
export const loader = ({ request }: LoaderFunctionArgs) => connectLoader(request)
