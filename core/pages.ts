import { a2p } from './wizard/a2p'
import { account } from './wizard/account'
import { calmsg } from './wizard/calmsg'
import { finalize } from './wizard/finalize'
import { number } from './wizard/number'

// The wizard's pages in order: the one list of them, read by the browser, the server, db/, the
// worker and the tests (nothing else may list the pages by hand: pages-listed-once.test.ts). Each
// page's definition (core/wizard/<page>.ts) holds its id, phase, title, section and the blockers
// it owns; the summary (finalize) opens with the registration, so an owner waiting for the
// carriers can review everything and see what is left.
export const PAGES = [account, number, calmsg, a2p, finalize] as const

/** The phases in order (SQL's enum ob_phase): each page's, then COMPLETE, set by the copier. */
export const PHASES = [...PAGES.map((p) => p.phase), 'COMPLETE'] as const
export type Phase = (typeof PAGES)[number]['phase'] | 'COMPLETE'

export type Page = (typeof PAGES)[number]
export type PageId = Page['id']

/** The data pages: each has a section row per tenant, a completion and blockers. */
export const SECTIONS = PAGES.filter((p): p is Extract<Page, { section: string }> => p.section !== null)
export type SectionId = (typeof SECTIONS)[number]['id']
export type Completion = Record<SectionId, number>
