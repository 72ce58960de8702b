import { randomUUID } from 'node:crypto'
import { runJobsOnce } from '../setup/jobs'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase, makeTenant } from '../setup/db'
import { startProvisioningFake } from '../fakes/provisioning'

// provision_number run by graphile-worker against the Provisioning fake over HTTP, on a real database.
const { url } = await freshDatabase()
const fake = await startProvisioningFake(0)
Object.assign(process.env, { DATABASE_URL: url, PROVISIONING_API_URL: fake.url })
const { pool: dbPool } = await import('../../platform/db.server')
const { claimPurchase, numberSection, readNumber, requestNumberChange } = await import('../../db/number.server')
const { purchaseKey: provisionKey } = await import('../../db/jobs.server')
const { saveSection } = await import('../../db/save.server')
const saveNumber = (s: typeof sql, input: Parameters<typeof saveSection>[2]) => saveSection(s, numberSection, input)
const { provisionRequest } = await import('../../app/pages/number.server')
const { purchaseNumber } = await import('../../platform/providers/provisioning.server')
const { env } = await import('../../platform/env.server')
const { taskList } = await import('../../tasks/index')
const sql = dbPool()
afterAll(async () => {
  await fake.close()
  await sql.end()
})
beforeEach(() => fetch(`${fake.url}/__fake/reset`, { method: 'POST' }))

const switches = (body: object) =>
  fetch(`${fake.url}/__fake/switches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
const counters = async () =>
  ((await (await fetch(`${fake.url}/__fake`)).json()) as { counters: Record<string, number> }).counters
const runJobs = () => runJobsOnce(url, taskList)
const version = async (t: string) =>
  (await sql`select version from ob_flow where tenant_id = ${t}`)[0].version as number

/** What "Looks good" does: save the page and, with no number yet, enqueue provision_number. */
async function looksGood(tenantId: string, areaCode = '415') {
  const request = provisionRequest(tenantId, await readNumber(sql, tenantId), false)
  await saveNumber(sql, {
    tenantId,
    version: await version(tenantId),
    fields: { areaCode, ...request?.fields },
    job: request?.job,
  })
  return request
}
const jobsOf = (t: string) => sql`select attempts, last_error, job_key from ob_outbox where tenant_id = ${t}`
const retryNow = (t: string) =>
  sql`select graphile_worker.reschedule_jobs(array(select id from ob_outbox where tenant_id = ${t}), run_at := now())`

describe('provision_number', () => {
  it('buys and configures a number once: e164, sid, capabilities, state, correlationId, numberState', async () => {
    const tenantId = await makeTenant(sql)
    const request = await looksGood(tenantId)
    expect(request?.job.key).toBe(`ob:prov:${tenantId}`)
    await runJobs()
    const n = await readNumber(sql, tenantId)
    expect(n.e164).toMatch(/^\+1415555\d{4}$/)
    expect(n.providerSid).toMatch(/^PN[0-9a-f]{32}$/)
    expect(n).toMatchObject({
      state: 'Configured',
      capabilities: { sms: true, mms: true, voice: true },
      provisionError: null,
    })
    expect(n.correlationId).toBe((request!.job.payload as { correlationId: string }).correlationId)
    const [flow] =
      await sql`select number_state, completion->>'number' as pct from ob_flow where tenant_id = ${tenantId}`
    expect(flow).toEqual({ numberState: 'Configured', pct: '100' })
    expect((await counters())[`purchased:${tenantId}`]).toBe(1)
    // The provider holds our webhooks, as configured.
    const held = await (
      await fetch(`${fake.url}/numbers/${encodeURIComponent(n.e164!)}`, {
        headers: { authorization: `Bearer ${env().PROVISIONING_TOKEN}` },
      })
    ).json()
    expect(held.webhooks).toEqual(env().webhooks)
    const events =
      await sql`select event_type from ob_event where tenant_id = ${tenantId} and event_type like 'number.%' and event_type <> 'number.saved'`
    expect(events).toEqual([{ eventType: 'number.provisioned' }])
    // With a number, "Looks good" enqueues nothing more.
    expect(await looksGood(tenantId)).toBeNull()
  })

  it('replays the same key and body without buying twice, and refuses the key with another body', async () => {
    const key = `ob:prov:${randomUUID()}`
    const body = { areaCode: '212', capabilities: ['sms', 'voice'] as ['sms', 'voice'], webhooks: env().webhooks }
    const first = await purchaseNumber(body, key, randomUUID())
    const second = await purchaseNumber(body, key, randomUUID())
    expect(first).toMatchObject({ kind: 'purchased', httpStatus: 201, number: { status: 'Configured' } })
    expect(second).toMatchObject({ kind: 'purchased', httpStatus: 200, number: { status: 'Replay' } })
    expect(second.kind === 'purchased' && first.kind === 'purchased' && second.number.sid === first.number.sid).toBe(
      true,
    )
    expect(await purchaseNumber({ ...body, areaCode: '646' }, key, randomUUID())).toMatchObject({
      kind: 'refused',
      httpStatus: 422,
    })
    expect((await counters()).purchased).toBe(1)
  })

  it('two "Looks good" clicks and two concurrent workers buy exactly one number', async () => {
    const tenantId = await makeTenant(sql)
    await looksGood(tenantId)
    await sql`update ob_number set provision_error = 'busy' where tenant_id = ${tenantId}` // lets the second click enqueue again
    await looksGood(tenantId)
    await switches({ slowMs: 200 })
    await Promise.all([runJobs(), runJobs()])
    expect((await counters())[`purchased:${tenantId}`]).toBe(1)
    expect((await readNumber(sql, tenantId)).state).toBe('Configured')
  })

  it('a worker killed after the provider answered still ends with one number after the retry, even if the owner picked another code meanwhile', async () => {
    const tenantId = await makeTenant(sql)
    const request = (await looksGood(tenantId))!
    // The job claims the purchase, the provider sells, then the worker dies before our commit.
    const claim = (await claimPurchase(sql, tenantId))!
    expect(claim).toMatchObject({ key: provisionKey(tenantId, 0), areaCode: '415', replay: false })
    const payload = request.job.payload as { correlationId: string }
    const lost = await purchaseNumber(
      { areaCode: claim.areaCode, capabilities: ['sms', 'voice'], webhooks: env().webhooks },
      claim.key,
      payload.correlationId,
    )
    expect(lost.kind).toBe('purchased')
    expect((await readNumber(sql, tenantId)).e164).toBeNull()
    // A new area code while that purchase is open waits for it: the retry replays 415 under its key.
    await looksGood(tenantId, '628')
    await runJobs()
    const n = await readNumber(sql, tenantId)
    expect(lost.kind === 'purchased' && n.providerSid === lost.number.sid).toBe(true)
    expect(n.e164).toMatch(/^\+1415/)
    expect((await counters())[`purchased:${tenantId}`]).toBe(1)
    expect(await jobsOf(tenantId)).toEqual([])
  })

  it('207 PurchasedButUnconfigured leads to PUT /numbers/{sid}/webhooks, then Configured', async () => {
    const tenantId = await makeTenant(sql)
    await switches({ script: [207] })
    await looksGood(tenantId)
    await runJobs()
    expect((await counters()).webhooksPut).toBe(1)
    expect(await readNumber(sql, tenantId)).toMatchObject({ state: 'Configured', capabilities: { mms: true } })
  })

  it('409 leaves one line ("unavailable"), one fresh availability list, and no retry', async () => {
    const tenantId = await makeTenant(sql)
    await switches({ soldOut: ['415'] })
    await looksGood(tenantId)
    await runJobs()
    const n = await readNumber(sql, tenantId)
    expect(n).toMatchObject({ e164: null, provisionError: 'unavailable' })
    expect(n.availability).toEqual([
      { areaCode: '415', available: 0 },
      { areaCode: '628', available: 20 + (628 % 7) },
    ])
    expect(await jobsOf(tenantId)).toEqual([])
    expect((await counters())['GET /availability']).toBe(1)
    // Trying again with another code uses a new key: the provider refuses a key reused with another body.
    await looksGood(tenantId, '628')
    await runJobs()
    expect((await readNumber(sql, tenantId)).e164).toMatch(/^\+1628/)
    expect((await counters())[`key:${provisionKey(tenantId, 1)}`]).toBe(1)
  })

  it('503 twice then 201 ends Configured, showing "busy" meanwhile with the correlationId', async () => {
    const tenantId = await makeTenant(sql)
    await switches({ script: [503, 503, 201] })
    const request = (await looksGood(tenantId))!
    await runJobs()
    expect(await readNumber(sql, tenantId)).toMatchObject({
      provisionError: 'busy',
      correlationId: (request.job.payload as { correlationId: string }).correlationId,
    })
    expect((await jobsOf(tenantId))[0]).toMatchObject({
      attempts: 1,
      lastError: expect.stringMatching(/busy \(HTTP 503/),
    })
    await retryNow(tenantId)
    await runJobs()
    expect((await jobsOf(tenantId))[0].attempts).toBe(2)
    await retryNow(tenantId)
    await runJobs()
    expect(await readNumber(sql, tenantId)).toMatchObject({ state: 'Configured', provisionError: null })
    expect(await jobsOf(tenantId)).toEqual([])
    expect((await counters())[`purchased:${tenantId}`]).toBe(1)
  })
})

describe('change number and port-in', () => {
  it('"Change number" buys under ob:prov:<tenantId>:<n> and records the replaced number for release', async () => {
    const tenantId = await makeTenant(sql)
    await looksGood(tenantId)
    await runJobs()
    const old = await readNumber(sql, tenantId)
    const change = provisionRequest(tenantId, old, true)!
    await saveNumber(sql, {
      tenantId,
      version: await version(tenantId),
      fields: change.fields,
      job: change.job,
      after: (tx) => requestNumberChange(tx, tenantId, '628'),
    })
    await runJobs()
    expect((await counters())[`key:ob:prov:${tenantId}:1`]).toBe(1)
    const now = await readNumber(sql, tenantId)
    expect(now.e164).toMatch(/^\+1628/)
    const [release] =
      await sql`select data from ob_event where tenant_id = ${tenantId} and event_type = 'number.release'`
    expect(release.data).toMatchObject({ e164: old.e164, providerSid: old.providerSid, reason: 'owner changed number' })
  })

  it('keeps the port-in account number and PIN unreadable in the database without the key', async () => {
    const { portInFields } = await import('../../app/pages/number.server')
    const { unseal } = await import('../../platform/crypto.server')
    const tenantId = await makeTenant(sql)
    const stored = await readNumber(sql, tenantId)
    expect(portInFields(tenantId, { startPortIn: true, portIn: { phoneNumber: '415 555 0199' } }, stored)).toEqual({
      errors: {
        'portIn.accountNumber': ['Enter the account number from your current phone company'],
        'portIn.pin': ['Enter the port-out PIN from your current phone company'],
      },
    })
    const port = portInFields(
      tenantId,
      { startPortIn: true, portIn: { phoneNumber: '(415) 555-0199', accountNumber: 'ACCT-778899', pin: '4321' } },
      stored,
    )
    if (!('fields' in port)) throw new Error('port-in refused')
    await saveNumber(sql, { tenantId, version: await version(tenantId), fields: port.fields })
    const [row] = await sql`select port_in, state, port_in::text as raw from ob_number where tenant_id = ${tenantId}`
    expect(row.state).toBe('Porting')
    expect(row.portIn.phoneNumber).toBe('+14155550199')
    expect(row.raw).not.toContain('ACCT-778899')
    expect(row.raw).not.toContain('4321')
    expect(unseal(row.portIn.accountNumber, { tenantId, field: 'ob_number.port_in.accountNumber' })).toBe('ACCT-778899')
    expect(unseal(row.portIn.pin, { tenantId, field: 'ob_number.port_in.pin' })).toBe('4321')
    // Another key cannot open them (AES-GCM authenticates).
    const original = process.env.PORT_IN_KEY
    const { parseEnv } = await import('../../platform/env.server')
    expect(() => parseEnv({ ...process.env, PORT_IN_KEY: 'short' })).toThrow(/PORT_IN_KEY must be 32 bytes/)
    const { createDecipheriv } = await import('node:crypto')
    const [, iv, tag, body] = row.portIn.pin.split(':')
    const decipher = createDecipheriv('aes-256-gcm', Buffer.alloc(32, 9), Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    expect(() => Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()])).toThrow()
    expect(process.env.PORT_IN_KEY).toBe(original)
    // Port-in is complete for the guards, and nothing went to the Provisioning API.
    const [flow] = await sql`select number_state, blockers from ob_flow where tenant_id = ${tenantId}`
    expect(flow.numberState).toBe('Porting')
    expect(flow.blockers).not.toContain('COMPLETE_PORT_IN')
    expect((await counters())['POST /numbers']).toBeUndefined()
    // The event log has field names only.
    const events = await sql`select data::text as d from ob_event where tenant_id = ${tenantId}`
    expect(events.map((e) => e.d).join()).not.toMatch(/ACCT-778899|4321|v1:/)
  })
})
