import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ComingSoon } from '~/components/coming-soon'
import { blockerLines } from '~/wizard'
import { fixLinks, requirePage } from '~/wizard.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const { state } = await requirePage(request, 'a2p')
  return json({ blockers: blockerLines(state.blockers, 'a2p', fixLinks()) })
}

export default function Page() {
  const { blockers } = useLoaderData<typeof loader>()
  return <ComingSoon title="Texting registration" what="Here you will register your business with US carriers, which texting needs." blockers={blockers} />
}
