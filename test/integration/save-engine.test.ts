import { describe, expect, it } from 'vitest'
import { accountSection, readAccount } from '../../db/account.server'
import { wizardState } from '../../db/flow.server'
import { saveSection, StaleVersionError } from '../../db/save.server'
import { freshDatabase, makeTenant } from '../setup/db'

const { sql } = await freshDatabase()

const events = (tenantId: string) =>
  sql`select event_type, data from ob_event where tenant_id = ${tenantId} and event_type = 'account.saved' order by id`
const outbox = (tenantId: string) =>
  sql`select type, job_key, status, payload from ob_outbox where tenant_id = ${tenantId}`

describe('saveSection', () => {
  it('merges only the submitted fields and returns the standard shape', async () => {
    const tenantId = await makeTenant(sql, { displayName: 'Acme Plumbing', vertical: 'plumbing' })
    const state = await saveSection(sql, accountSection, { tenantId, version: 0, fields: { vertical: 'hvac' } })
    expect(state).toEqual({
      phase: 'ACCOUNT',
      completion: { account: 100, number: 0, calmsg: 0, a2p: 0 },
      blockers: expect.arrayContaining(['VERIFY_EMAIL', 'VERIFY_MOBILE', 'ACTIVATE_SUBSCRIPTION']),
      textingEligible: false,
      version: 1,
    })
    expect(await readAccount(sql, tenantId)).toMatchObject({ displayName: 'Acme Plumbing', vertical: 'hvac' })
    const [{ lastSavedAt }] = await sql`select last_saved_at from ob_account where tenant_id = ${tenantId}`
    expect(lastSavedAt).toBeInstanceOf(Date)
  })

  it('takes a changed column off the "Accepted defaults" list and keeps the ones saved unchanged', async () => {
    const tenantId = await makeTenant(sql)
    const address = { line1: '1 Main St', city: 'Austin', state: 'TX', zip: '78701' }
    // As the prefill job writes its guesses (the trigger leaves them alone while it does).
    await sql.begin(async (tx) => {
      await tx`select set_config('ob.prefilling', 'on', true)`
      await tx`update ob_account set display_name = 'Guessed Co', vertical = 'hvac', timezone = 'America/Chicago', address = ${tx.json(address)},
        brand_color = '#112233', defaulted = '{display_name,vertical,timezone,address,brand_color}' where tenant_id = ${tenantId}`
    })
    await saveSection(sql, accountSection, {
      tenantId,
      version: 0,
      fields: { displayName: 'Owner Co', vertical: 'hvac', address: { ...address } },
    })
    expect((await readAccount(sql, tenantId)).defaulted).toEqual(['vertical', 'timezone', 'address', 'brand_color'])
    await saveSection(sql, accountSection, {
      tenantId,
      version: 1,
      fields: { timezone: 'America/Denver', brandColor: '#112233', address: { ...address, zip: '78702' } },
    })
    expect((await readAccount(sql, tenantId)).defaulted).toEqual(['vertical', 'brand_color'])
  })

  it('logs field names, never values, and bumps the version once per save', async () => {
    const tenantId = await makeTenant(sql)
    await saveSection(sql, accountSection, { tenantId, version: 0, fields: { displayName: 'Secret Name Co' } })
    await saveSection(sql, accountSection, { tenantId, version: 1, fields: { displayName: 'B', vertical: 'roofing' } })
    const rows = await events(tenantId)
    expect(rows.map((r) => r.data)).toEqual([
      { fields: ['displayName'], version: 1, from: 0, submission: null, job: null, tab: null },
      { fields: ['displayName', 'vertical'], version: 2, from: 1, submission: null, job: null, tab: null },
    ])
    expect(JSON.stringify(rows)).not.toContain('Secret Name Co')
    expect((await wizardState(sql, tenantId)).version).toBe(2)
  })

  it('refuses a stale version with nothing written: no field, no event, no job, no version bump', async () => {
    const tenantId = await makeTenant(sql, { displayName: 'Original' })
    await saveSection(sql, accountSection, { tenantId, version: 0, fields: { vertical: 'hvac' } })
    const stale = saveSection(sql, accountSection, {
      tenantId,
      version: 0,
      fields: { displayName: 'From the other tab' },
      job: { task: 'noop_check' as never, payload: { tenantId }, key: `ob:test:${tenantId}` },
    })
    await expect(stale).rejects.toBeInstanceOf(StaleVersionError)
    await expect(stale).rejects.toThrow('This page changed in another tab; reload to see the latest')
    expect((await readAccount(sql, tenantId)).displayName).toBe('Original')
    expect(await events(tenantId)).toHaveLength(1)
    expect(await outbox(tenantId)).toHaveLength(0)
    expect((await wizardState(sql, tenantId)).version).toBe(1)
  })

  it('enqueues a job with its key in the same transaction, visible in ob_outbox', async () => {
    const tenantId = await makeTenant(sql)
    const key = `ob:prov:${tenantId}`
    await saveSection(sql, accountSection, {
      tenantId,
      version: 0,
      fields: {},
      job: { task: 'provision_number', payload: { tenantId }, key },
    })
    // Saving again with the same key replaces the pending job rather than adding a second one.
    await saveSection(sql, accountSection, {
      tenantId,
      version: 1,
      fields: {},
      job: { task: 'provision_number', payload: { tenantId, n: 2 }, key },
    })

    expect(await outbox(tenantId)).toEqual([
      { type: 'PROVISION_NUMBER', jobKey: key, status: 'pending', payload: { tenantId, n: 2 } },
    ])
  })

  it('rolls the job back when the transaction fails after enqueueing', async () => {
    const tenantId = await makeTenant(sql)
    // An unknown vertical passes TypeScript here but not the database enum: the whole save is undone.
    const bad = saveSection(sql, accountSection, {
      tenantId,
      version: 0,
      fields: { vertical: 'astrology' },
      job: { task: 'provision_number', payload: { tenantId }, key: `ob:prov:${tenantId}` },
    })
    await expect(bad).rejects.toMatchObject({ code: '22P02' })
    expect(await outbox(tenantId)).toHaveLength(0)
    expect((await wizardState(sql, tenantId)).version).toBe(0)
  })

  it('refuses a column that is not in the section whitelist', async () => {
    const tenantId = await makeTenant(sql)
    await expect(saveSection(sql, accountSection, { tenantId, version: 0, fields: { tenantId: 'x' } })).rejects.toThrow(
      'tenantId is not a column of ob_account',
    )
  })

  it('lets exactly one of 50 concurrent saves with the same version succeed', async () => {
    const tenantId = await makeTenant(sql)
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        saveSection(sql, accountSection, { tenantId, version: 0, fields: { displayName: `Writer ${i}` } }),
      ),
    )
    const ok = results.filter((r) => r.status === 'fulfilled')
    const stale = results.filter((r) => r.status === 'rejected' && r.reason instanceof StaleVersionError)
    expect(ok).toHaveLength(1)
    expect(stale).toHaveLength(49)
    expect((await wizardState(sql, tenantId)).version).toBe(1)
    expect(await events(tenantId)).toHaveLength(1)
  })
})
