import type { BlockerLine } from '~/wizard'
import { Blockers } from './blockers'

// Pages whose own issue has not landed yet: say plainly what comes here, show its blockers.
export function ComingSoon({ title, what, blockers }: { title: string; what: string; blockers: BlockerLine[] }) {
  return (
    <section className="space-y-3">
      <h2 className="text-xl font-semibold">{title}</h2>
      <p className="text-slate-600">{what}</p>
      <p className="text-sm text-slate-500">This step is not open yet. Your earlier answers are saved.</p>
      {/* The fields the in-page Fix links point at arrive with the page itself. */}
      <Blockers lines={blockers.map((b) => (b.fixHref?.startsWith('#') ? { ...b, fixHref: null } : b))} />
    </section>
  )
}
