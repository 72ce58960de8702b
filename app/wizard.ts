import { type Completion, PAGES, PHASES, type PageId } from '../core/pages'
import type { BlockerText as PageBlocker } from '../core/wizard/definition'

// The wizard's pages (core/pages.ts) as the pages and components use them, and the one-line text of
// every blocker code. Shared by server and UI.
export { PAGES, SECTIONS, type Completion, type PageId } from '../core/pages'

export const pagePath = (id: string) => `/onboarding/${id}`

/**
 * A page's <title>: its own name first, "Error: " before it while a refused Continue shows its
 * errors, in the page's language (`t`).
 */
export const documentTitle = (id: PageId, error = false, t: (english: string) => string = (k) => k) =>
  `${error ? t('Error: ') : ''}${t(PAGES.find((p) => p.id === id)!.title)} - ${t('Set up your business')}`

/** Index of the page of a phase (COMPLETE's is the last): where the owner is, and the pages up to it are open. */
export function reachableIndex(phase: string): number {
  const i = PAGES.findIndex((p) => p.phase === phase)
  return i === -1 ? PAGES.length - 1 : i
}

/** Whether a page that opens at `opensAt` (a page's, core/pages.ts) can be opened in a phase. */
export const canOpen = (opensAt: string, phase: string) => {
  const order: readonly string[] = PHASES
  return order.indexOf(phase) >= order.indexOf(opensAt)
}

export const currentPage = (phase: string): PageId => PAGES[reachableIndex(phase)].id

/** The page after `id` in the wizard (Continue's destination); the last page is its own. */
export const nextPage = (id: PageId): PageId =>
  PAGES[Math.min(PAGES.findIndex((p) => p.id === id) + 1, PAGES.length - 1)].id

/** Every blocker code of every page (core/wizard/<page>.ts), with the page that owns it. */
type BlockerText = PageBlocker & { page: PageId }
export const BLOCKERS: Record<string, BlockerText> = Object.fromEntries(
  PAGES.flatMap((p) =>
    Object.entries(p.blockers as Record<string, PageBlocker>).map(([code, b]) => [code, { ...b, page: p.id }]),
  ),
)

// `check`: a pre-submission check carriers reject on (it has `prevents`).
export type BlockerLine = {
  code: string
  text: string
  fixHref: string | null
  pending?: { slow: string }
  check?: true
}

/** The blockers a page shows: its own, one line each, with a Fix link where there is one. */
export function blockerLines(codes: string[], page: PageId, links: FixLinks): BlockerLine[] {
  return codes.flatMap((code) => {
    const b = BLOCKERS[code]
    if (!b || b.page !== page) return []
    return [
      {
        code,
        text: b.text,
        fixHref: outsideFix(b, links) ?? (b.fix || null),
        ...(b.pending && { pending: b.pending }),
        ...(b.prevents && { check: true as const }),
      },
    ]
  })
}

type FixLinks = { identity: string; billing: string }
/** A Fix that leads off the wizard (the identity provider's account page, billing), else null. */
const outsideFix = (b: BlockerText, links: FixLinks) =>
  b.fix === 'identity' ? links.identity : b.fix === 'billing' ? links.billing : null

/**
 * Every page's blockers for the summary, in page order, one line each: its Fix link leads to the
 * field on its own page. Something on its way (carriers reviewing) has nothing to fix: its line
 * refreshes the summary until it is done, as on its own page.
 */
export function summaryLines(codes: string[], links: FixLinks): BlockerLine[] {
  return codes.flatMap((code): BlockerLine[] => {
    const b = BLOCKERS[code]
    if (!b) return []
    if (b.pending) return [{ code, text: b.text, fixHref: null, pending: b.pending }]
    return [{ code, text: b.text, fixHref: outsideFix(b, links) ?? `${pagePath(b.page)}${b.fix}` }]
  })
}

/** What every page action returns: the standard state shape plus form feedback. */
export type ActionReply = {
  phase?: string
  completion?: Completion
  blockers?: string[]
  textingEligible?: boolean
  version?: number
  result?: import('@conform-to/react').SubmissionResult<string[]>
  saved?: boolean
  conflict?: boolean
  message?: string
}
