import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PrivacyPolicy } from '~/components/policy'
import { policyLoader } from '~/pages/policy.server'
import { wordsOf } from '~/kit/meta'

// A tenant's hosted privacy policy: public, no sign-in (carriers' reviewers read it).
export const loader = ({ request, params }: LoaderFunctionArgs) => policyLoader(request, params.tenant)
// The page's caching is the loader's: public for a tenant that uses it, never for an owner's preview.
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: wordsOf(matches)('{{name}}: Privacy Policy', { name: data?.name ?? '' }) },
]

export default function Privacy() {
  return <PrivacyPolicy d={useLoaderData<typeof loader>()} />
}
