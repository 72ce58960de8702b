import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { MemoryRouter } from 'react-router-dom'
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Stepper } from '../../app/components/stepper'
import { PAGES, PHASES, SECTIONS } from '../../core/pages'
import { asTenant, connect } from '../../db/client.server'
import { saveSection } from '../../db/save.server'
import { defineSection } from '../../db/section.server'
import { freshDatabase, loginIn, makeTenant } from '../setup/db'
import { onboardedTenant } from '../setup/onboarded'

// A sixth data page added the way a real one would be (issue 21, part 1), in a scratch database:
// its table, its state and snapshot functions, the columns an owner may set, and one call of
// ob_register_section. Nothing else is written for it, and it shows in the state, the save,
// row-level security, the snapshot, Finish's guard and the stepper.
const { sql, url } = await freshDatabase()
const app = connect(await loginIn(url, 'ob_app'), { max: 2 })
afterAll(() => app.end())
const VERIFIED = { email: true, mobile: true, stripe: true }
const before = await makeTenant(sql, VERIFIED)

await sql.unsafe(`
  create table ob_extra (
    tenant_id uuid primary key references ob_flow (tenant_id) on delete cascade,
    note text check (char_length(note) <= 200),
    last_saved_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now());
  grant update (note) on ob_extra to ob_app;
  create function ob_state_extra(f ob_flow) returns ob_section_state language sql stable as $$
    select row(case when x.note is null then 0 else 100 end,
      case when x.note is null then '{ADD_NOTE}'::text[] else '{}' end)::ob_section_state
    from ob_extra x where x.tenant_id = f.tenant_id $$;
  create function ob_snapshot_extra(x ob_extra) returns jsonb language sql stable as $$
    select jsonb_build_object('note', x.note) $$;
  select ob_register_section('extra', 'ob_extra', 5, 'ob_state_extra(ob_flow)', 'ob_snapshot_extra(ob_extra)');
`)
const extraSection = defineSection('ob_extra', { note: { type: z.string().nullable(), write: true } })
const stateOf = async (t: string) =>
  (await sql`select completion, blockers from ob_wizard_state(${t})`)[0] as {
    completion: Record<string, number>
    blockers: string[]
  }

describe('a sixth section, registered as a page would be', () => {
  it('is in the registry after the four of core/pages.ts, which the registry matches', async () => {
    const rows = await sql`select page, tbl::text as tbl, position from ob_section order by position`
    expect(rows).toEqual([
      ...SECTIONS.map((s, i) => ({ page: s.id, tbl: s.section, position: i + 1 })),
      { page: 'extra', tbl: 'ob_extra', position: 5 },
    ])
    // The phases too are one list with SQL's: the enum ob_phase is the pages' phases, then COMPLETE.
    expect((await sql`select enum_range(null::ob_phase)::text[] as phases`)[0].phases).toEqual([...PHASES])
  })

  it("reaches tenants made before (their row, their state) and after (ob_ensure_tenant's rows)", async () => {
    const after = await makeTenant(sql, VERIFIED)
    for (const t of [before, after]) {
      expect(await sql`select note from ob_extra where tenant_id = ${t}`).toEqual([{ note: null }])
      const s = await stateOf(t)
      expect(s.completion.extra).toBe(0)
      expect(s.blockers.at(-1)).toBe('ADD_NOTE')
    }
    expect((await sql`select completion from ob_flow where tenant_id = ${after}`)[0].completion.extra).toBe(0)
  })

  it('is saved by ob_save as the app (its columns only), and the state follows', async () => {
    const t = await makeTenant(sql, VERIFIED)
    const { version } = (await sql`select version from ob_flow where tenant_id = ${t}`)[0]
    const saved = await asTenant(app, t, (tx) =>
      saveSection(tx, extraSection, { tenantId: t, version, fields: { note: 'Gate code 1234' } }),
    )
    expect(saved.version).toBe(version + 1)
    expect(await stateOf(t)).toMatchObject({ completion: { extra: 100 } })
    expect((await stateOf(t)).blockers).not.toContain('ADD_NOTE')
    await expect(
      asTenant(
        app,
        t,
        (tx) =>
          tx`select ob_save(${t}, ${version + 1}, 'ob_extra', '{"created_at": "2020-01-01"}', '{}', null, false, 'ACCOUNT')`,
      ),
    ).rejects.toThrow(/not a column the app may write/)
    await expect(
      asTenant(
        app,
        t,
        (tx) => tx`select ob_save(${t}, ${version + 1}, 'ob_nothing', '{}', '{}', null, false, 'ACCOUNT')`,
      ),
    ).rejects.toThrow(/not a section table/)
  })

  it('holds each tenant to its own row (row-level security, forced)', async () => {
    const a = await makeTenant(sql, VERIFIED)
    const b = await makeTenant(sql, VERIFIED)
    const seen = await asTenant(app, a, (tx) => tx`select tenant_id from ob_extra`)
    expect(seen.map((r) => r.tenantId)).toEqual([a])
    const changed = await asTenant(app, a, (tx) => tx`update ob_extra set note = 'x' where tenant_id = ${b}`)
    expect(changed.count).toBe(0)
    expect(await app`select count(*)::int as n from ob_extra`).toEqual([{ n: 0 }])
    expect(
      (await sql`select relforcerowsecurity from pg_class where relname = 'ob_extra'`)[0].relforcerowsecurity,
    ).toBe(true)
  })

  it("is in the copier's snapshot, and Finish waits for it", async () => {
    const t = await onboardedTenant(sql)
    // Everything else is done: the new page's blocker alone keeps it from finishing by itself.
    expect((await sql`select phase, blockers from ob_flow where tenant_id = ${t}`)[0]).toEqual({
      phase: 'A2P',
      blockers: ['ADD_NOTE'],
    })
    expect((await sql`select ob_can_finish(f) as ok from ob_flow f where tenant_id = ${t}`)[0].ok).toBe(false)
    await sql`update ob_extra set note = 'Dog in the yard' where tenant_id = ${t}`
    expect((await sql`select ob_can_finish(f) as ok from ob_flow f where tenant_id = ${t}`)[0].ok).toBe(true)
    expect((await sql`select snapshot->'extra' as extra from ob_snapshot where tenant_id = ${t}`)[0].extra).toEqual({
      note: 'Dog in the yard',
    })
  })

  it('gets its shared triggers, each with a comment, as the four sections have them', async () => {
    const triggers = await sql`select t.tgname, obj_description(t.oid, 'pg_trigger') as why from pg_trigger t
      where t.tgrelid = 'ob_extra'::regclass and not t.tgisinternal order by t.tgname`
    expect(triggers.map((r) => r.tgname)).toEqual(['_100_frozen', '_500_touch', '_800_changed'])
    for (const r of triggers) expect(r.why?.length, r.tgname).toBeGreaterThan(20)
  })

  it('is one more step of the stepper, which lists every page it is given', () => {
    const pages = [
      ...PAGES.slice(0, 4),
      { id: 'extra', title: 'Extra notes', section: 'ob_extra', opensAt: 'A2P' },
      PAGES[4],
    ]
    const html = renderToStaticMarkup(
      createElement(
        MemoryRouter,
        null,
        createElement(Stepper, {
          phase: 'A2P',
          completion: { account: 100, number: 100, calmsg: 100, a2p: 50, extra: 50 },
          current: 'extra',
          pages,
        }),
      ),
    )
    expect(html.match(/<li /g)).toHaveLength(6)
    expect(html).toContain('href="/onboarding/extra"')
    expect(html).toContain('Step 5 of 6: Extra notes')
  })
})
