// The wizard's pages in order: the one list of them, read by the browser, the server, db/, the
// worker and the tests (nothing else may list the pages by hand: conventions.test.ts). `opensAt`:
// the phase from which the page can be opened; the summary (finalize) opens with the registration,
// so an owner waiting for the carriers can review everything and see what is left. `section`: the
// table of a data page, registered in SQL under the same id (ob_section.page, ob_register_section).
export const PAGES = [
  { id: 'account', phase: 'ACCOUNT', opensAt: 'ACCOUNT', title: 'Your business', section: 'ob_account' },
  { id: 'number', phase: 'NUMBER', opensAt: 'NUMBER', title: 'Number & hours', section: 'ob_number' },
  { id: 'calmsg', phase: 'CALMSG', opensAt: 'CALMSG', title: 'Services & prices', section: 'ob_calmsg' },
  { id: 'a2p', phase: 'A2P', opensAt: 'A2P', title: 'Texting registration', section: 'ob_a2p' },
  { id: 'finalize', phase: 'FINALIZE', opensAt: 'A2P', title: 'Finish', section: null },
] as const

/** The phases in order (SQL's enum ob_phase): each page's, then COMPLETE, set by the copier. */
export const PHASES = [...PAGES.map((p) => p.phase), 'COMPLETE'] as const
export type Phase = (typeof PAGES)[number]['phase'] | 'COMPLETE'

export type Page = (typeof PAGES)[number]
export type PageId = Page['id']

/** The data pages: each has a section row per tenant, a completion and blockers. */
export const SECTIONS = PAGES.filter((p): p is Extract<Page, { section: string }> => p.section !== null)
export type SectionId = (typeof SECTIONS)[number]['id']
export type Completion = Record<SectionId, number>
