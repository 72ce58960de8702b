import { describe, expect, it } from 'vitest'
import { accountSection } from '../../db/account.server'
import { connect } from '../../db/client.server'
import { ensureTenant } from '../../db/flow.server'
import { JOBS, jobFor } from '../../db/jobs.server'
import { numberSection, requestNumberChange } from '../../db/number.server'
import { saveSection } from '../../db/save.server'
import { freshDatabase, makeTenant } from '../setup/db'

// The conventions the schema keeps: job keys spelled alike in SQL and TypeScript, the web app's
// role kept to the columns an owner may set, and a comment on every object we create.
const { sql, url } = await freshDatabase()
// The web app's role, as the app would be: every statement of this client runs as ob_app.
const app = connect(url, { max: 2, connection: { role: 'ob_app' } as never })

describe('job keys', () => {
  it('SQL enqueues the Stripe prefill under the key db/jobs.server.ts builds', async () => {
    const tenantId = await ensureTenant(sql, {
      userId: 'user_keys',
      email: 'k@example.com',
      mobileE164: '+14155550111',
      name: 'K',
      emailVerified: true,
      mobileVerified: true,
      stripeCustomerId: 'cus_keys',
      stripeAccountId: null,
    })
    const [job] =
      await sql`select task_identifier, key, queue_name from graphile_worker.jobs where key like ${`%${tenantId}`}`
    const expected = jobFor('stripe_prefill', { tenantId })
    expect(job).toEqual({ taskIdentifier: expected.task, key: expected.key, queueName: null })
  })

  it('every ob_enqueue in our SQL names a task of JOBS and builds its key the same way', async () => {
    const bodies = await sql`select p.proname, p.prosrc from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.prosrc like '%ob_enqueue(''%'`
    expect(bodies.length).toBeGreaterThan(0)
    const tenantId = '00000000-0000-4000-8000-000000000000'
    for (const { proname, prosrc } of bodies) {
      for (const [, task, prefix] of (prosrc as string).matchAll(
        /ob_enqueue\('(\w+)',.*?,\s*'([^']+)'\s*\|\|\s*\w+\)/g,
      )) {
        expect(Object.keys(JOBS), `${proname} enqueues ${task}`).toContain(task)
        expect(
          (JOBS[task as keyof typeof JOBS].key as (p: { tenantId: string; correlationId: string }) => string)({
            tenantId,
            correlationId: tenantId,
          }),
          `${proname}'s key for ${task}`,
        ).toBe(`${prefix}${tenantId}`)
      }
    }
  })
})

describe('lists kept in two places', () => {
  it('the URL shorteners of core/data/shorteners.ts are the rows of ob_url_shortener', async () => {
    const { SHORTENERS } = await import('../../core/data/shorteners')
    const rows = await sql`select domain from ob_url_shortener order by domain`
    expect(rows.map((r) => r.domain as string).sort()).toEqual([...SHORTENERS].sort())
  })
})

describe('the web app role (ob_app)', () => {
  it('cannot skip ob_advance: the phase, derived columns and provider ids are not its to write', async () => {
    const t = await makeTenant(sql)
    const refused = [
      app`update ob_flow set phase = 'A2P' where tenant_id = ${t}`,
      app`update ob_flow set texting_eligible = true, blockers = '[]' where tenant_id = ${t}`,
      app`update ob_number set e164 = '+14155550999', provider_sid = 'PN1', capabilities = '{"sms":true,"mms":true,"voice":true}' where tenant_id = ${t}`,
      app`update ob_a2p set brand_id = 'BN1', brand_phase = 'VETTED', campaign_phase = 'ACTIVE', binding_phase = 'VERIFIED' where tenant_id = ${t}`,
      app`update ob_account set owner_email = 'someone@else.example' where tenant_id = ${t}`,
      app`insert into ob_flow default values`,
      app`insert into ob_number (tenant_id) values (gen_random_uuid())`,
      app`delete from ob_event where tenant_id = ${t}`,
    ]
    for (const statement of refused) await expect(statement).rejects.toMatchObject({ code: '42501' })
    const [{ phase }] = await sql`select phase from ob_flow where tenant_id = ${t}`
    expect(phase).toBe('ACCOUNT')
  })

  it('does everything the pages do through the save engine and the functions meant for it', async () => {
    const t = await makeTenant(sql, { email: true, mobile: true, stripe: true })
    await saveSection(app, accountSection, {
      tenantId: t,
      version: 0,
      fields: { displayName: 'Saved by ob_app' },
      advance: true,
    })
    await saveSection(app, numberSection, {
      tenantId: t,
      version: 1,
      fields: { areaCode: '415', provisionRequestedAt: new Date() },
      job: jobFor('provision_number', { tenantId: t, correlationId: crypto.randomUUID() }),
    })
    const [flow] = await sql`select phase, version from ob_flow where tenant_id = ${t}`
    expect(flow).toEqual({ phase: 'NUMBER', version: 2 })
    // A number bought (by the worker, as the owner of the tables), then "Change number" as the app.
    await sql`update ob_number set e164 = '+14155550123', provider_sid = 'PN123', e164_generation = 0 where tenant_id = ${t}`
    await saveSection(app, numberSection, {
      tenantId: t,
      version: 2,
      fields: {},
      after: (tx) => requestNumberChange(tx, t, '628'),
    })
    expect((await sql`select number_generation, area_code from ob_number where tenant_id = ${t}`)[0]).toEqual({
      numberGeneration: 1,
      areaCode: '628',
    })
    const tenant = await ensureTenant(app, {
      userId: 'user_app_role',
      email: 'a@example.com',
      mobileE164: null,
      name: 'A',
      emailVerified: true,
      mobileVerified: false,
      stripeCustomerId: null,
      stripeAccountId: null,
    })
    expect(await sql`select count(*)::int as n from ob_number where tenant_id = ${tenant}`).toEqual([{ n: 1 }])
  })
})

describe('comments', () => {
  it('every table, view, function and type of ours says why it exists', async () => {
    const missing = await sql`
      select 'relation ' || c.relname as object from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'v') and c.relname like 'ob\\_%' and obj_description(c.oid, 'pg_class') is null
      union all
      select 'function ' || p.oid::regprocedure from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.proname like 'ob\\_%' and obj_description(p.oid, 'pg_proc') is null
      union all
      select 'type ' || t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = 'public' and t.typname like 'ob\\_%' and t.typtype in ('e', 'c')
          and (t.typrelid = 0 or (select relkind from pg_class where oid = t.typrelid) = 'c')
          and obj_description(t.oid, 'pg_type') is null
      order by 1`
    expect(missing.map((m) => m.object)).toEqual([])
  })

  it('every trigger says its order in its name (_100 refuses first, _500 stamps the time, _800 on act after) and why it exists', async () => {
    const triggers = await sql`
      select c.relname as tbl, t.tgname as name, obj_description(t.oid, 'pg_trigger') as comment,
        case when t.tgtype & 2 = 2 then 'before' else 'after' end as timing
      from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and not t.tgisinternal order by 1, 2`
    expect(triggers.length).toBeGreaterThan(20)
    for (const t of triggers) {
      expect(t.name, `${t.tbl}.${t.name}`).toMatch(/^_\d{3}_[a-z_]+$/)
      expect(t.comment, `${t.tbl}.${t.name}`).toBeTruthy()
      expect(Number(t.name.slice(1, 4)) < 800, `${t.tbl}.${t.name} is ${t.timing}`).toBe(t.timing === 'before')
    }
    // Every table that refuses a COMPLETE tenant's writes does so before anything else runs.
    for (const tbl of new Set(triggers.map((t) => t.tbl))) {
      const before = triggers.filter((t) => t.tbl === tbl && t.timing === 'before').map((t) => t.name)
      if (before.includes('_100_frozen')) expect(before[0], tbl).toBe('_100_frozen')
    }
  })
})
