import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { destroySession, getSession } from '~/auth/session.server'

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request)
  return redirect('/dev/sign-in', { headers: { 'Set-Cookie': await destroySession(session) } })
}

export const loader = () => redirect('/dev/sign-in')
