import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requirePage } from '~/kit/page.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const { state } = await requirePage(request, 'finalize')
  return json({ phase: state.phase })
}

export default function FinalizePage() {
  const { phase } = useLoaderData<typeof loader>()
  return (
    <section className="space-y-3">
      <h2 className="text-xl font-semibold">You are all set</h2>
      <p className="text-slate-600">
        {phase === 'COMPLETE'
          ? 'Your business is ready in the app.'
          : 'We are moving your business into the app. This page updates when it is done.'}
      </p>
    </section>
  )
}
