/**
 * One page of the wizard, as the browser, the server, db/ and the tests all read it (core/pages.ts
 * gathers them in order). `opensAt`: the phase from which the page can be opened. `section`: the
 * table of a data page, registered in SQL under the same id (ob_section.page). `blockers`: the
 * codes its SQL state function gives (ob_state_<page>), each with the line the owner reads and
 * where its Fix goes.
 */
export type PageDefinition = {
  id: string
  /** The phase in which this is the owner's page (SQL's enum ob_phase: sections.test holds the two equal). */
  phase: string
  opensAt: string
  title: string
  section: `ob_${string}` | null
  blockers: Record<string, BlockerText>
}

/**
 * `fix`: a field's anchor (#name) on the page, or 'identity'/'billing' (outside the wizard).
 * `pending`: something on its way (a job); the line refreshes itself with JavaScript, carries a
 * Refresh link without, and after a while says `slow` instead. `prevents`: the carriers' rejection
 * codes (core/data/a2p-reasons.ts) a pre-submission check stands in for.
 */
export type BlockerText = { text: string; fix: string; pending?: { slow: string }; prevents?: readonly string[] }
