import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ComingSoon } from '~/components/coming-soon'
import { blockerLines } from '~/wizard'
import { fixLinks, requirePage } from '~/wizard.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const { state } = await requirePage(request, 'number')
  return json({ blockers: blockerLines(state.blockers, 'number', fixLinks()) })
}

export default function Page() {
  const { blockers } = useLoaderData<typeof loader>()
  return <ComingSoon title="Number & hours" what="Here you will get a local texting number and set your opening hours and service area." blockers={blockers} />
}
