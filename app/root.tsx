import type { LinksFunction, MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useNonce } from './nonce'
import styles from './tailwind.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: 'data:,' },
]
export const meta: MetaFunction = () => [{ title: 'Set up your business' }]

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {children}
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
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const title =
    status === 404
      ? 'We could not find that page.'
      : status === 503
        ? "We're having trouble; try again in a minute."
        : 'Something went wrong on our side.'
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-600">Everything you saved is still there.</p>
      <a className="mt-4 inline-block text-blue-700 underline" href="/onboarding">
        Back to your setup
      </a>
    </main>
  )
}
