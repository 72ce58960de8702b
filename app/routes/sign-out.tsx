import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { signOut } from '~/auth/session.server'

// "Sign out" on every page: through Clerk when Clerk is configured, else the dev sign-in.
export const action = ({ request }: ActionFunctionArgs) => signOut(request)

export const loader = () => redirect('/onboarding')
