import { startA2PFake } from './a2p'
import { startClerkFake } from './clerk'
import { type Fake } from './http'
import { startOAuthFake } from './oauth'
import { startProvisioningFake } from './provisioning'
import { startSitesFake } from './sites'
import { startSlackFake } from './slack'
import { startStripeFake } from './stripe'

// The local stand-ins for the Provisioning, A2P, Stripe, Clerk, Google OAuth and Slack APIs and for
// owners' websites, on basePort + 0..6 (each on a free port when basePort is 0).
export const FAKE_NAMES = ['provisioning', 'a2p', 'stripe', 'clerk', 'oauth', 'slack', 'sites'] as const

export async function startFakes(basePort: number): Promise<{ fakes: Fake[]; close: () => Promise<void> }> {
  const fakes: Fake[] = []
  const close = async () => void (await Promise.all(fakes.map((f) => f.close())))
  try {
    const port = (offset: number) => (basePort === 0 ? 0 : basePort + offset)
    fakes.push(await startProvisioningFake(port(0)))
    fakes.push(await startA2PFake(port(1)))
    fakes.push(await startStripeFake(port(2)))
    fakes.push(await startClerkFake(port(3)))
    fakes.push(await startOAuthFake(port(4)))
    fakes.push(await startSlackFake(port(5)))
    fakes.push(await startSitesFake(port(6)))
  } catch (error) {
    await close()
    throw error
  }
  return { fakes, close }
}
