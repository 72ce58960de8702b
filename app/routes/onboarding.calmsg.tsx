import type { LoaderFunctionArgs } from '@remix-run/node'
import { ComingSoon } from '~/components/coming-soon'
import { comingSoonLoader } from '~/kit/page.server'

export const loader = ({ request }: LoaderFunctionArgs) => comingSoonLoader(request, 'calmsg')

export default function Page() {
  return <ComingSoon title="Services & prices" what="Here you will pick your top services, their price ranges and connect your calendar." />
}
