import type { LoaderFunctionArgs } from '@remix-run/node'
import { ComingSoon } from '~/components/coming-soon'
import { comingSoonLoader } from '~/kit/page.server'

export const loader = ({ request }: LoaderFunctionArgs) => comingSoonLoader(request, 'a2p')

export default function Page() {
  return <ComingSoon title="Texting registration" what="Here you will register your business with US carriers, which texting needs." />
}
