import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError } from '@remix-run/react'
import type { ReactNode } from 'react'
import { localeOf } from './i18n.server'
import { useTranslation } from 'react-i18next'
import { PageWords, useT } from './i18n'
import { wordsOf } from './kit/meta'
import { useNonce } from './nonce'
import styles from './tailwind.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: 'data:,' },
]
export const meta: MetaFunction = ({ matches }) => [{ title: wordsOf(matches)('Set up your business') }]

/**
 * The owner's language for every page (app/i18n.server.ts); <html lang> and the words follow it.
 * The hosted policy pages are the business's, for carriers' reviewers: English unless their
 * Spanish version (?lng=es) is asked for, whatever the reader's browser or session says.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  if (url.pathname.startsWith('/p/')) return json({ lang: url.searchParams.get('lng') === 'es' ? 'es' : 'en' })
  return json({ lang: await localeOf(request) })
}
// The language changes by a whole new document (POST /language), never by a revalidation.
export const shouldRevalidate = () => false

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  // The document's own i18next instance (per request on the server): its language is the page's.
  const { i18n } = useTranslation()
  return (
    <html lang={i18n.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <PageWords>{children}</PageWords>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

// Never a raw error: one plain line and a way back.
export function ErrorBoundary() {
  const { t } = useT()
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const title =
    status === 404
      ? t('We could not find that page.')
      : status === 503
        ? t("We're having trouble; try again in a minute.")
        : t('Something went wrong on our side.')
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-600">{t('Everything you saved is still there.')}</p>
      <a className="mt-4 inline-block text-blue-700 underline" href="/onboarding">
        {t('Back to your setup')}
      </a>
    </main>
  )
}
