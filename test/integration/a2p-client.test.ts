import http from 'node:http'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort } from '../setup/app'

// The A2P client reads every reply through its schema (issue 20, part 4): a reply of another shape
// is the provider's fault, thrown as ProviderDown so the job retries, never recorded as a status.
let answer = { status: 200, body: '{}' }
const port = await freePort()
const server = http.createServer((_req, res) =>
  res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body),
)
await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
afterAll(() => new Promise((resolve) => server.close(resolve)))
Object.assign(process.env, {
  DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
  A2P_API_URL: `http://127.0.0.1:${port}`,
})
const a2p = await import('../../platform/providers/a2p.server')

describe('the A2P client', () => {
  it("takes a reply of the contract's shape", async () => {
    answer = { status: 200, body: JSON.stringify({ campaignId: 'CM1', status: { phase: 'PENDING', reason: null } }) }
    expect(await a2p.getCampaign('CM1')).toEqual({ campaignId: 'CM1', status: { phase: 'PENDING', reason: null } })
  })

  it('throws ProviderDown for a reply of another shape, or not JSON; a refusal is a value', async () => {
    for (const body of [
      JSON.stringify({ campaignId: 'CM1', status: { phase: 'pending; drop table' } }),
      JSON.stringify({ id: 'CM1' }),
      '<html>oops</html>',
    ]) {
      answer = { status: 200, body }
      await expect(a2p.getCampaign('CM1'), body).rejects.toBeInstanceOf(a2p.ProviderDown)
    }
    answer = { status: 422, body: JSON.stringify({ error: 'privacyPolicyUrl is required' }) }
    expect(await a2p.getCampaign('CM1')).toEqual({ refused: 'privacyPolicyUrl is required', status: 422 })
  })
})
