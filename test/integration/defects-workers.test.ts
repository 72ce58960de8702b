import { describe, expect, it } from 'vitest'
import { connect } from '../../db/client.server'
import { enqueue, jobFor } from '../../db/jobs.server'
import { fakesFor, startWorker } from '../setup/app'
import { freshDatabase, makeTenant } from '../setup/db'

// Defects of the workers found by outside testing (issue 18, "Workers and money"), each reproduced
// with a real worker process, the fakes over HTTP and a real database.
const { url } = await freshDatabase()
const sql = connect(url)
const { env, fake } = await fakesFor()
const workerEnv = { DATABASE_URL: url, ...env }
const sites = fake('sites')
const provisioning = fake('provisioning')

async function until<T>(what: string, probe: () => Promise<T>, ms = 30_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const value = await probe()
    if (value) return value
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('workers and money', () => {
  it("1. a website of \"<a href='x' \" repeated 90,000 times (1 MB, no '>') is checked within the budget while a second tenant's number is bought meanwhile", async () => {
    startWorker(workerEnv)
    await sites.switches({ sites: { 'hostile.example': { home: "<a href='x' ", repeat: 90_000 } } })
    const a = await makeTenant(sql)
    await sql`update ob_a2p set website_url = 'https://hostile.example/' where tenant_id = ${a}`
    await sql.begin((tx) => enqueue(tx, jobFor('website_check', { tenantId: a, url: 'https://hostile.example/' })))
    await until('the check to start', async () => (await sites.counters())['get:hostile.example'] >= 1)
    const b = await makeTenant(sql)
    await sql`update ob_number set area_code = '415' where tenant_id = ${b}`
    await sql.begin((tx) => enqueue(tx, jobFor('provision_number', { tenantId: b, correlationId: crypto.randomUUID() })))
    const bought = await until("the second tenant's number", async () => (await sql`select e164 from ob_number where tenant_id = ${b} and e164 is not null`)[0])
    expect(bought.e164).toMatch(/^\+1415/)
    const checked = await until('the check recorded', async () => (await sql`select * from ob_a2p where tenant_id = ${a} and website_checked_at is not null`)[0])
    // Read, not frozen on: https answered; the policy pages were found at their usual paths.
    expect(checked).toMatchObject({ httpsOk: true, privacyFound: true, termsFound: true, websiteCheckError: null })
  })
})
