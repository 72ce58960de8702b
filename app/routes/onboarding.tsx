import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Outlet, type ShouldRevalidateFunction, useLoaderData, useLocation, useMatches } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { Stepper } from '~/components/stepper'
import { Toast } from '~/components/toast'
import { LiveChanges } from '~/kit/live'
import { LanguageSwitch } from '~/components/language-switch'
import { useT } from '~/i18n'
import { commitSession, getSession } from '~/auth/session.server'
import { requireWizard } from '~/kit/page.server'
import { PAGES, type PageId } from '~/wizard'

export async function loader({ request }: LoaderFunctionArgs) {
  const { state } = await requireWizard(request)
  const session = await getSession(request)
  const toast = session.get('toast') ?? null
  return json({ state, toast }, { headers: toast ? { 'Set-Cookie': await commitSession(session) } : {} })
}

// After a save that stays on its page (an autosave, a Save the owner cannot move on from), the page's
// own loader brings the stepper its state (read below): the layout's tenant read would repeat it. In
// `npm run bench` at 32 owners this took the save plus its revalidation from 7.96 to 6.46 ms of server CPU.
// A toast only ever comes with a redirect, which this keeps.
export const shouldRevalidate: ShouldRevalidateFunction = (args) =>
  args.formMethod && args.actionResult !== undefined && args.currentUrl.href === args.nextUrl.href
    ? false
    : args.defaultShouldRevalidate

export default function OnboardingLayout() {
  const { state: layoutState, toast } = useLoaderData<typeof loader>()
  const { t, msg } = useT()
  // The page's own state when it has one: read after its refresh (the defaults a page stores when
  // first shown) and with its rows. The layout's, read beside it, showed Services at 0% on arrival.
  const page = useMatches().at(-1)?.data as { state?: typeof layoutState } | undefined
  const state = page?.state ?? layoutState
  const location = useLocation()
  // The toast is a one-time flash: a revalidation on the same page (autosave, a pending line's
  // refresh) reads the session again and gets none, so the message is kept until the next navigation.
  const [kept, setKept] = useState<{ key: string; toast: string } | null>(null)
  useEffect(() => {
    if (toast) setKept({ key: location.key, toast })
  }, [toast, location.key])
  const message = toast ?? (kept?.key === location.key ? kept.toast : null)
  // After a move to another page in the browser (not the first load, which starts at the top of the
  // document as any page does), focus goes to the new page's heading, so a screen reader reads it.
  const arrived = useRef(location.pathname)
  useEffect(() => {
    if (arrived.current === location.pathname) return
    arrived.current = location.pathname
    document.querySelector<HTMLElement>('[data-page-heading]')?.focus()
  }, [location.pathname])
  const segment = location.pathname.split('/')[2]
  const current = (PAGES.find((p) => p.id === segment)?.id ?? 'account') as PageId
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 pt-12 pb-4 sm:p-8">
      <header className="flex items-center justify-between">
        <h1 className="text-lg font-semibold">{t('Set up your business')}</h1>
        <div className="flex items-center gap-4">
          <LanguageSwitch />
          <Form method="post" action="/sign-out">
            <button type="submit" className="text-sm text-slate-600 underline">
              {t('Sign out')}
            </button>
          </Form>
        </div>
      </header>
      <Stepper phase={state.phase} completion={state.completion} current={current} />
      <main className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <LiveChanges>
          <Outlet />
        </LiveChanges>
      </main>
      <Toast message={message ? msg(message) : null} />
    </div>
  )
}
