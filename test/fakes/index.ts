import { startClerkFake } from './clerk'
import { startFake, type Fake } from './http'
import { startProvisioningFake } from './provisioning'
import { startStripeFake } from './stripe'

// The local stand-ins for the Provisioning, A2P, Stripe and Clerk APIs, on basePort + 0..3.
export const FAKE_NAMES = ['provisioning', 'a2p', 'stripe', 'clerk'] as const

export async function startFakes(basePort: number): Promise<{ fakes: Fake[]; close: () => Promise<void> }> {
  const fakes: Fake[] = []
  const close = async () => void (await Promise.all(fakes.map((f) => f.close())))
  try {
    fakes.push(await startProvisioningFake(basePort))
    fakes.push(await startFake('a2p', basePort + 1, {}))
    fakes.push(await startStripeFake(basePort + 2))
    fakes.push(await startClerkFake(basePort + 3))
  } catch (error) {
    await close()
    throw error
  }
  return { fakes, close }
}
