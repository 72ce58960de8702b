import { createHash } from 'node:crypto'
import * as oidc from 'openid-client'
import { env } from '../env.server'

// Google Calendar sign-in: OAuth 2.0 authorization code with PKCE and state, through openid-client
// (a certified OpenID client on oauth4webapi: discovery, PKCE, state and ID token checks done
// for us, no hand-written token code). The issuer is Google in production and the local fake in
// dev and tests; the flow is the same.
export const CALENDAR_SCOPES = ['openid', 'email', 'https://www.googleapis.com/auth/calendar.events']
export const CALLBACK_PATH = '/onboarding/calmsg/callback'

let configuration: Promise<oidc.Configuration> | undefined
function config(): Promise<oidc.Configuration> {
  const e = env()
  const issuer = new URL(e.OAUTH_ISSUER)
  configuration ??= oidc
    .discovery(issuer, e.GOOGLE_CLIENT_ID, e.GOOGLE_CLIENT_SECRET, undefined, {
      // The local fake speaks plain http on loopback; Google is https only.
      execute: issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      timeout: 10,
    })
    .catch((error: unknown) => {
      configuration = undefined // try discovery again next time
      throw error
    })
  return configuration
}

/** Where Google sends the owner back: APP_URL in production, this request's own origin in dev. */
export const callbackUrl = (request: Request) => new URL(CALLBACK_PATH, env().APP_URL ?? new URL(request.url).origin)

export const hashState = (state: string) => createHash('sha256').update(state).digest('hex')

/** A new attempt: the URL of Google's consent page, and the state and PKCE verifier to keep. */
export async function beginConnect(request: Request) {
  const state = oidc.randomState()
  const verifier = oidc.randomPKCECodeVerifier()
  const url = oidc.buildAuthorizationUrl(await config(), {
    redirect_uri: callbackUrl(request).href,
    scope: CALENDAR_SCOPES.join(' '),
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    // A refresh token, so the calendar keeps working after the owner leaves.
    access_type: 'offline',
    prompt: 'consent',
  })
  return { url, state, verifier }
}

export type Connected = { email: string; scopes: string[]; refreshToken: string | null }
export class ConnectFailed extends Error {
  constructor(
    readonly reason: 'expired' | 'provider',
    cause: unknown,
  ) {
    super(`calendar connection failed: ${reason}`, { cause })
  }
}

/** Exchanges the code (checking state and PKCE) and reads who signed in. */
export async function finishConnect(request: Request, o: { state: string; verifier: string }): Promise<Connected> {
  const current = callbackUrl(request)
  current.search = new URL(request.url).search
  try {
    const c = await config()
    const tokens = await oidc.authorizationCodeGrant(c, current, {
      pkceCodeVerifier: o.verifier,
      expectedState: o.state,
    })
    const claims = tokens.claims()
    const info = await oidc.fetchUserInfo(c, tokens.access_token, claims?.sub ?? oidc.skipSubjectCheck)
    const email = typeof info.email === 'string' ? info.email : typeof claims?.email === 'string' ? claims.email : null
    if (!email) throw new Error('the provider did not say which account signed in')
    return {
      email,
      scopes: (tokens.scope ?? CALENDAR_SCOPES.join(' ')).split(' ').filter(Boolean),
      refreshToken: tokens.refresh_token ?? null,
    }
  } catch (error) {
    // invalid_grant: the code was used, or waited too long at the provider.
    if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant')
      throw new ConnectFailed('expired', error)
    throw new ConnectFailed('provider', error)
  }
}
