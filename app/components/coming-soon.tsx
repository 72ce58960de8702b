import { useLoaderData } from '@remix-run/react'
import type { BlockerLine } from '~/wizard'
import { Blockers } from './blockers'

// Pages whose own issue has not landed yet: say plainly what comes here, show its blockers.
// Their loader is comingSoonLoader (app/kit/page.server.ts).
export function ComingSoon({ title, what }: { title: string; what: string }) {
  const { blockers } = useLoaderData<{ blockers: BlockerLine[] }>()
  return (
    <section className="space-y-3">
      <h2 className="text-xl font-semibold">{title}</h2>
      <p className="text-slate-600">{what}</p>
      <p className="text-sm text-slate-500">This step is not open yet. Your earlier answers are saved.</p>
      <Blockers lines={blockers} />
    </section>
  )
}
