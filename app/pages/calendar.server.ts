import { redirect } from '@remix-run/node'
import {
  recordCalendarConnected,
  recordCalendarError,
  startCalendarConnect,
  takeCalendarAttempt,
} from '../../db/calmsg.server'
import { requirePage } from '../kit/page.server'
import { seal, unsealOrNull } from '../../platform/crypto.server'
import { type Tx, withTenant } from '../../platform/db.server'
import { beginConnect, ConnectFailed, finishConnect, hashState } from '../../platform/providers/google.server'
import { log } from '../../platform/log.server'

// "Connect Google Calendar" on Page 3, in links and redirects only (it works without JavaScript):
// connect starts an attempt and sends the owner to Google; Google sends them back to callback,
// which takes the attempt once, exchanges the code and records the account. Every failure is one
// line on the page (calendar_error) and leaves the calendar not connected.
const back = () => redirect('/onboarding/calmsg#calendar')

export async function connectLoader(request: Request) {
  const { identity } = await requirePage(request, 'calmsg')
  let url: URL
  try {
    const attempt = await beginConnect(request)
    // The state is kept hashed and the verifier sealed: a database read alone cannot finish an attempt.
    await withTenant(identity.tenantId, (tx) =>
      startCalendarConnect(
        tx,
        identity.tenantId,
        hashState(attempt.state),
        seal(attempt.verifier, { tenantId: identity.tenantId, field: 'ob_calmsg.calendar_oauth_verifier' }),
      ),
    )
    url = attempt.url
  } catch (error) {
    log().error({ err: error }, 'calendar connect: the provider could not be reached')
    await withTenant(identity.tenantId, (tx) => recordCalendarError(tx, identity.tenantId, 'provider'))
    return back()
  }
  return redirect(url.href)
}

export async function callbackLoader(request: Request) {
  const { identity } = await requirePage(request, 'calmsg')
  const { tenantId } = identity
  const query = new URL(request.url).searchParams
  const state = query.get('state') ?? ''
  // Each write is its own tenant transaction: none is held open while Google answers.
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(tenantId, fn)
  const attempt =
    state.length > 0 && state.length <= 512
      ? await inTenant((tx) => takeCalendarAttempt(tx, tenantId, hashState(state)))
      : ({ error: 'state' } as const)
  // A verifier that does not open for this tenant (another row's, or under a key we no longer hold) is a broken attempt.
  const verifier =
    'error' in attempt ? null : unsealOrNull(attempt.verifier, { tenantId, field: 'ob_calmsg.calendar_oauth_verifier' })
  if ('error' in attempt) {
    await inTenant((tx) => recordCalendarError(tx, tenantId, attempt.error))
  } else if (query.has('error')) {
    // access_denied: the owner pressed Deny (any other error is the provider's).
    await inTenant((tx) =>
      recordCalendarError(tx, tenantId, query.get('error') === 'access_denied' ? 'denied' : 'provider'),
    )
  } else if (verifier === null) {
    await inTenant((tx) => recordCalendarError(tx, tenantId, 'state'))
  } else {
    try {
      const c = await finishConnect(request, { state, verifier })
      await inTenant((tx) =>
        recordCalendarConnected(tx, tenantId, {
          email: c.email,
          scopes: c.scopes,
          sealedRefreshToken: c.refreshToken
            ? seal(c.refreshToken, { tenantId, field: 'ob_calmsg.calendar_refresh_token' })
            : null,
        }),
      )
    } catch (error) {
      if (!(error instanceof ConnectFailed)) throw error
      log().error({ err: error.cause }, `calendar callback: ${error.reason}`)
      await inTenant((tx) => recordCalendarError(tx, tenantId, error.reason))
    }
  }
  return back()
}
