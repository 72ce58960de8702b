import { startA2PFake } from './a2p'
import { startClerkFake } from './clerk'
import type { Fake } from './http'
import { startMailFake } from './mail'
import { startOAuthFake } from './oauth'
import { startProvisioningFake } from './provisioning'
import { startSitesFake } from './sites'
import { startSlackFake } from './slack'
import { startStripeFake } from './stripe'

// The local stand-ins for the Provisioning, A2P, Stripe, Clerk, Google OAuth and Slack APIs, for
// owners' websites and for an SMTP server, on basePort + 0..8 (the mail fake's SMTP on + 8; each on
// a free port when basePort is 0).
export const FAKE_NAMES = ['provisioning', 'a2p', 'stripe', 'clerk', 'oauth', 'slack', 'sites', 'mail'] as const
export type RunningFake = Fake & { env?: Record<string, string> }

/** The settings that point the app and the worker at the fakes: FAKE_<NAME>_URL, and FAKE_SMTP_URL. */
export const fakeEnv = (fakes: RunningFake[]): Record<string, string> =>
  Object.assign({}, ...fakes.map((f) => ({ [`FAKE_${f.name.toUpperCase()}_URL`]: f.url, ...f.env })))

/** `tokens`: the bearer tokens the Provisioning and A2P fakes take (a production run sets its own). */
export async function startFakes(
  basePort: number,
  tokens: { provisioning?: string; a2p?: string } = {},
): Promise<{ fakes: RunningFake[]; close: () => Promise<void> }> {
  const fakes: RunningFake[] = []
  const close = async () => void (await Promise.all(fakes.map((f) => f.close())))
  try {
    const port = (offset: number) => (basePort === 0 ? 0 : basePort + offset)
    fakes.push(await startProvisioningFake(port(0), tokens.provisioning))
    fakes.push(await startA2PFake(port(1), tokens.a2p))
    fakes.push(await startStripeFake(port(2)))
    fakes.push(await startClerkFake(port(3)))
    fakes.push(await startOAuthFake(port(4)))
    fakes.push(await startSlackFake(port(5)))
    fakes.push(await startSitesFake(port(6)))
    fakes.push(await startMailFake(port(7)))
  } catch (error) {
    await close()
    throw error
  }
  return { fakes, close }
}
