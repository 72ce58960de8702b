import { m } from '../../core/i18n/languages'
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { finishChoice, wizardState } from '../../db/flow.server'
import { refusedMail } from '../../db/mail.server'
import { finishOnboarding, NotFinished, setReviewFirst, StaleVersionError } from '../../db/save.server'
import { readSnapshot } from '../../db/snapshot.server'
import { FORM_LIMITS, readForm, replyToSaveError } from '../kit/form.server'
import { fixLinks, guardPage, requirePage } from '../kit/page.server'
import { requireIdentity, type Identity } from '../auth/session.server'
import { redirectWithToast } from '../auth/session.server'
import { pool, type Tx, withTenant } from '../../platform/db.server'
import { env } from '../../platform/env.server'
import { pagePath, summaryLines, type ActionReply } from '../wizard'

// The summary (Finish): what the owner set up, read from the copier's own document (ob_snapshot),
// and one button. Finish moves to FINALIZE only when SQL's guard holds (ob_advance with finish);
// the copier then moves the business into the main database and marks it COMPLETE. It has no
// fields, so it is not a definePage form; it uses the kit's guard, form reading and replies.
const PATIENCE_MS = 60_000

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requireIdentity(request)
  return withTenant(identity.tenantId, (tx) => summary(tx, request, identity), { snapshot: true })
}

async function summary(tx: Tx, request: Request, identity: Identity) {
  const state = await guardPage(tx, identity, 'finalize')
  const dashboardUrl = env().DASHBOARD_URL
  if (state.phase === 'COMPLETE') {
    // The Refresh link of "Setting up your dashboard..." asks to go on once it is done.
    if (new URL(request.url).searchParams.has('dashboard')) throw redirect(dashboardUrl)
    return json({
      state,
      dashboardUrl,
      snapshot: null,
      blockers: [],
      patienceMs: 0,
      reviewFirst: false,
      finishRequested: false,
      mailRefused: null,
      waitingForCarriers: false,
    })
  }
  const [snapshot, choice, mailRefused] = await Promise.all([
    readSnapshot(tx),
    finishChoice(tx, identity.tenantId),
    refusedMail(tx, identity.tenantId),
  ])
  const waited = snapshot.flow.finishedAt ? Date.now() - Date.parse(snapshot.flow.finishedAt) : 0
  return json({
    state,
    dashboardUrl,
    snapshot,
    ...choice,
    mailRefused,
    // Before Finish: everything that still stands in the way, from every page.
    blockers: state.phase === 'A2P' ? summaryLines(state.blockers, fixLinks()) : [],
    patienceMs: Math.max(0, PATIENCE_MS - waited),
  })
}

const INTENTS = ['finish', 'reviewFirst'] as const

export async function action({ request }: ActionFunctionArgs) {
  const { identity } = await requirePage(request, 'finalize')
  const { tenantId } = identity
  const form = await readForm(request, INTENTS, FORM_LIMITS)
  if ('refused' in form) return form.refused
  const current = () => withTenant(tenantId, (tx) => wizardState(tx, tenantId))
  if (form.intent === 'reviewFirst') {
    await withTenant(tenantId, (tx) => setReviewFirst(tx, tenantId, form.formData.get('reviewFirst') === 'on'))
    return redirectWithToast(request, pagePath('finalize'), 'Saved')
  }
  try {
    const { requested } = await finishOnboarding(pool(), tenantId, form.version)
    // Only the carriers' answer is left: Finish is recorded, and setup finishes when they approve.
    if (requested)
      return redirectWithToast(
        request,
        pagePath('finalize'),
        m('We will finish your setup as soon as carriers approve.'),
      )
  } catch (error) {
    if (error instanceof NotFinished)
      return json<ActionReply>({ ...error.state, message: error.message }, { status: 409 })
    // Finish pressed twice (a double click sends the form twice): the second finds it done.
    const finished = error instanceof StaleVersionError && ['FINALIZE', 'COMPLETE'].includes((await current()).phase)
    if (!finished) return replyToSaveError(error, current)
  }
  // Both modes: the page, now saying "Setting up your dashboard..." (it reads itself, with
  // JavaScript, or by its Refresh link), or the dashboard at once if the copier was quicker.
  return redirect(`${pagePath('finalize')}?dashboard`)
}
