import type { LoaderFunctionArgs } from '@remix-run/node'
import { ComingSoon } from '~/components/coming-soon'
import { comingSoonLoader } from '~/wizard.server'

export const loader = ({ request }: LoaderFunctionArgs) => comingSoonLoader(request, 'number')

export default function Page() {
  return <ComingSoon title="Number & hours" what="Here you will get a local texting number and set your opening hours and service area." />
}
