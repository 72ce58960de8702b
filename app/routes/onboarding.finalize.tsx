import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { Blockers, PendingBlockers } from '~/components/blockers'
import { PendingLine } from '~/components/pending-line'
import { Summary } from '~/components/summary'
import { action as finalizeAction, loader as finalizeLoader } from '~/pages/finalize.server'
import { pageMeta } from '~/kit/meta'
import { useT } from '~/i18n'

export const loader = (args: LoaderFunctionArgs) => finalizeLoader(args)
export const action = (args: ActionFunctionArgs) => finalizeAction(args)
export const meta = pageMeta('finalize')

export default function FinalizePage() {
  const {
    state,
    dashboardUrl,
    snapshot,
    blockers,
    patienceMs,
    reviewFirst,
    finishRequested,
    mailRefused,
    waitingForCarriers,
  } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t, msg } = useT()
  // With JavaScript the page reads itself while the copier works, and goes on once it is done.
  const waited = useRef(state.phase === 'FINALIZE')
  useEffect(() => {
    if (state.phase === 'FINALIZE') waited.current = true
    if (state.phase === 'COMPLETE' && waited.current) window.location.assign(dashboardUrl)
  }, [state.phase, dashboardUrl])

  if (state.phase === 'COMPLETE' || !snapshot) {
    return (
      <section className="space-y-3">
        <h2 className="text-xl font-semibold focus:outline-none" tabIndex={-1} data-page-heading>
          {t('Onboarding is complete')}
        </h2>
        <p className="text-slate-600">
          {t('Your business is set up in the app. Texting enabled: carriers approved your registration.')}
        </p>
        <a className="inline-block rounded-md bg-blue-700 px-5 py-2 font-medium text-white" href={dashboardUrl}>
          {t('Go to your dashboard')}
        </a>
      </section>
    )
  }
  if (state.phase === 'FINALIZE') {
    return (
      <section className="space-y-3">
        <h2 className="text-xl font-semibold focus:outline-none" tabIndex={-1} data-page-heading>
          {t('You are all set')}
        </h2>
        <p className="text-slate-600">{t('Texting enabled: carriers approved your registration.')}</p>
        <PendingLine
          pending
          text={t('Setting up your dashboard…')}
          slowText={t(
            'This is taking longer than usual. Your work is saved; you can close this page and come back later.',
          )}
          href="/onboarding/finalize?dashboard"
          patienceMs={patienceMs}
        />
      </section>
    )
  }
  return (
    <Form method="post" id="finalize" className="space-y-5">
      <div>
        <h2 className="text-xl font-semibold focus:outline-none" tabIndex={-1} data-page-heading>
          {t('Check and finish')}
        </h2>
        <p className="text-sm text-slate-600">
          {t('This is what we set up for you. Edit anything, then press Finish.')}
        </p>
      </div>
      <PendingBlockers lines={blockers} />
      <Summary snapshot={snapshot} />
      <Blockers lines={blockers} />
      {waitingForCarriers ? (
        <p data-testid="finish-plan" className="rounded-md bg-blue-50 p-3 text-sm text-blue-900">
          {reviewFirst && !finishRequested
            ? t('When carriers approve, we will email you and wait for you to press Finish.')
            : t(
                'Your setup will finish by itself when carriers approve, and we will email you. You can still change anything until then.',
              )}
        </p>
      ) : null}
      {mailRefused ? (
        <p role="alert" className="text-sm text-red-700">
          {t('We could not email you at {{email}}: the address was refused. Check it on', { email: mailRefused })}{' '}
          <a className="underline" href="/onboarding/account">
            {t('Your business')}
          </a>
          .
        </p>
      ) : null}
      <input type="hidden" name="version" value={state.version} />
      <button
        type="submit"
        name="intent"
        value="finish"
        className="rounded-md bg-blue-700 px-5 py-2 font-medium text-white hover:bg-blue-800"
      >
        {t('Finish')}
      </button>
      <fieldset className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="reviewFirst" defaultChecked={reviewFirst} />
          {t('Let me check everything before setup finishes')}
        </label>
        <button
          type="submit"
          name="intent"
          value="reviewFirst"
          className="rounded-md border border-slate-300 px-3 py-1"
        >
          {t('Save this choice')}
        </button>
      </fieldset>
      {reply?.message ? (
        <p role="alert" className="text-sm text-red-700">
          {msg(reply.message)}
        </p>
      ) : null}
    </Form>
  )
}
