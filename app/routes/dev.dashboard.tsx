import { Link } from '@remix-run/react'
import { devIdentityAllowed } from '~/auth/identity.server'

// Stands in, in dev and tests, for the product's dashboard (DASHBOARD_URL): where an owner lands
// once the copier has moved their business into the main database. Not served in production.
export function loader() {
  if (!devIdentityAllowed()) throw new Response('Not found', { status: 404 })
  return null
}

export default function DevDashboard() {
  return (
    <main className="mx-auto max-w-xl space-y-3 p-8">
      <h1 className="text-xl font-semibold">Your dashboard</h1>
      <p className="text-slate-600">
        Your business is set up. (In dev, this page stands in for the product&apos;s dashboard.)
      </p>
      <Link className="text-blue-700 underline" to="/onboarding">
        Back to onboarding
      </Link>
    </main>
  )
}
