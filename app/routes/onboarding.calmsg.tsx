import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ComingSoon } from '~/components/coming-soon'
import { blockerLines } from '~/wizard'
import { fixLinks, requirePage } from '~/wizard.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const { state } = await requirePage(request, 'calmsg')
  return json({ blockers: blockerLines(state.blockers, 'calmsg', fixLinks()) })
}

export default function Page() {
  const { blockers } = useLoaderData<typeof loader>()
  return <ComingSoon title="Services & prices" what="Here you will pick your top services, their price ranges and connect your calendar." blockers={blockers} />
}
