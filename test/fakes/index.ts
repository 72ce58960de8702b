import { startFake, type Fake } from './http'

// The local stand-ins for the Provisioning, A2P, Stripe and Clerk APIs. The page issues give each
// its routes; until then they answer 404 for everything but GET /__fake (name and counters).
export const FAKE_NAMES = ['provisioning', 'a2p', 'stripe', 'clerk'] as const

export async function startFakes(basePort: number): Promise<{ fakes: Fake[]; close: () => Promise<void> }> {
  const fakes: Fake[] = []
  for (const [i, name] of FAKE_NAMES.entries()) fakes.push(await startFake(name, basePort + i, {}))
  return { fakes, close: async () => void (await Promise.all(fakes.map((f) => f.close()))) }
}
