import { createHash, randomBytes } from 'node:crypto'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { startFake, type FakeRequest, type FakeResponse } from './http'

// Google's OAuth 2.0 / OpenID Connect endpoints as a real HTTP server, for "Connect Google Calendar".
// - Discovery, a consent page (/authorize) with Allow and Deny, a token endpoint (client secret,
//   one-time codes, redirect_uri and PKCE S256 checked; ID tokens signed RS256), userinfo and JWKS.
// - Switches (POST /__fake/switches): email: the account that signs in (owner@example.com);
//   tokenStatus: 500 makes the token endpoint fail; codeTtlMs: how long a code lasts (60 s);
//   noRefreshToken: true leaves the refresh token out.
export const OAUTH_CLIENT = { id: 'local-oauth-client', secret: 'local-oauth-secret' }
type Code = { clientId: string; redirectUri: string; challenge: string; scope: string; email: string; issuedAt: number }

export async function startOAuthFake(port: number) {
  const { publicKey, privateKey } = await generateKeyPair('RS256')
  const jwk = { ...(await exportJWK(publicKey)), kid: 'fake-1', alg: 'RS256', use: 'sig' }
  const codes = new Map<string, Code>()
  const tokens = new Map<string, string>() // access token -> email
  let issuer = ''
  const html = (body: string): FakeResponse => ({
    status: 200,
    raw: Buffer.from(`<!doctype html><meta charset="utf-8"><title>Sign in - OAuth fake</title>${body}`),
    headers: { 'content-type': 'text/html; charset=utf-8' },
  })
  const oauthError = (status: number, error: string, description: string): FakeResponse => ({
    status,
    body: { error, error_description: description },
  })
  const sub = (email: string) => createHash('sha256').update(email).digest('hex').slice(0, 21)
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

  const fake = await startFake(
    'oauth',
    port,
    {
      'GET /.well-known/openid-configuration': () => ({
        status: 200,
        body: {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          userinfo_endpoint: `${issuer}/userinfo`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        },
      }),
      'GET /jwks': () => ({ status: 200, body: { keys: [jwk] } }),
      'GET /authorize': (req) => {
        const q = Object.fromEntries(req.query)
        if (q.client_id !== OAUTH_CLIENT.id) return html('<p>Unknown client.</p>')
        if (
          q.response_type !== 'code' ||
          !q.redirect_uri ||
          !q.state ||
          !q.code_challenge ||
          q.code_challenge_method !== 'S256'
        ) {
          return html(
            '<p>Bad request: response_type=code, redirect_uri, state and a S256 code_challenge are required.</p>',
          )
        }
        const hidden = Object.entries(q)
          .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
          .join('')
        const email = String(req.switches.email ?? 'owner@example.com')
        return html(`<h1>Sign in with Google (fake)</h1><p>${esc(email)} is asked to let the wizard see and edit calendar events.</p>
        <form method="post" action="/authorize/decision">${hidden}
        <button name="decision" value="allow">Allow</button> <button name="decision" value="deny">Deny</button></form>`)
      },
      'POST /authorize/decision': (req) => {
        const f = req.body as Record<string, string>
        const back = new URL(f.redirect_uri)
        back.searchParams.set('state', f.state)
        if (f.decision !== 'allow') back.searchParams.set('error', 'access_denied')
        else {
          const code = randomBytes(16).toString('base64url')
          codes.set(code, {
            clientId: f.client_id,
            redirectUri: f.redirect_uri,
            challenge: f.code_challenge,
            scope: f.scope ?? '',
            email: String(req.switches.email ?? 'owner@example.com'),
            issuedAt: Date.now(),
          })
          back.searchParams.set('code', code)
        }
        return { status: 302, headers: { location: back.href } }
      },
      'POST /token': async (req) => {
        if (req.switches.tokenStatus)
          return {
            status: Number(req.switches.tokenStatus),
            raw: Buffer.from('upstream error'),
            headers: { 'content-type': 'text/plain' },
          }
        const f = req.body as Record<string, string>
        const [id, secret] = clientCredentials(req, f)
        if (id !== OAUTH_CLIENT.id || secret !== OAUTH_CLIENT.secret)
          return oauthError(401, 'invalid_client', 'Unknown client or wrong secret')
        if (f.grant_type !== 'authorization_code')
          return oauthError(400, 'unsupported_grant_type', 'Only authorization_code')
        const code = codes.get(f.code)
        codes.delete(f.code) // one use, whatever happens
        if (!code || Date.now() - code.issuedAt > Number(req.switches.codeTtlMs ?? 60_000))
          return oauthError(400, 'invalid_grant', 'The code is unknown, used or expired')
        if (code.redirectUri !== f.redirect_uri) return oauthError(400, 'invalid_grant', 'redirect_uri does not match')
        if (
          createHash('sha256')
            .update(f.code_verifier ?? '')
            .digest('base64url') !== code.challenge
        )
          return oauthError(400, 'invalid_grant', 'PKCE verification failed')
        req.count('exchanged')
        const access = randomBytes(24).toString('base64url')
        tokens.set(access, code.email)
        const idToken = await new SignJWT({ email: code.email, email_verified: true })
          .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
          .setIssuer(issuer)
          .setAudience(code.clientId)
          .setSubject(sub(code.email))
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(privateKey)
        return {
          status: 200,
          headers: { 'cache-control': 'no-store' },
          body: {
            access_token: access,
            token_type: 'Bearer',
            expires_in: 3599,
            scope: code.scope,
            id_token: idToken,
            ...(!req.switches.noRefreshToken && { refresh_token: `1//fake-${randomBytes(24).toString('base64url')}` }),
          },
        }
      },
      'GET /userinfo': (req) => {
        const email = tokens.get(String(req.headers.authorization ?? '').replace(/^Bearer /, ''))
        if (!email)
          return {
            status: 401,
            body: { error: 'invalid_token' },
            headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
          }
        return { status: 200, body: { sub: sub(email), email, email_verified: true } }
      },
    },
    () => (codes.clear(), tokens.clear()),
  )
  issuer = fake.url
  return fake
}

function clientCredentials(req: FakeRequest, form: Record<string, string>): [string?, string?] {
  const basic = /^Basic (.+)$/.exec(String(req.headers.authorization ?? ''))
  if (!basic) return [form.client_id, form.client_secret]
  const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':').map(decodeURIComponent)
  return [id, secret]
}
