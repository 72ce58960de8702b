import { json, redirect, type ActionFunctionArgs } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import * as z from 'zod'
import '~/schemas/zod-config'
import { BodyTooLarge, readFormData } from '~/lib/body.server'
import { devIdentityAllowed, signInPersona } from '~/auth/identity.server'
import { PERSONAS, PERSONA_IDS } from '~/auth/personas'
import { commitSession, getSession } from '~/auth/session.server'

const SignIn = z.object({
  persona: z.enum(PERSONA_IDS, { error: 'Choose one of the listed personas' }),
  // Optional: a separate owner (and tenant) per name, so tests and benchmarks do not share one.
  owner: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'Use up to 40 lowercase letters, digits or dashes')
    .optional()
    .or(z.literal('').transform(() => undefined)),
})

function refuseInProduction() {
  if (!devIdentityAllowed()) throw new Response('Not found', { status: 404 })
}

export function loader() {
  refuseInProduction()
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  refuseInProduction()
  const form =
    (await readFormData(request, { maxBytes: 4096 }).catch((error) => {
      if (error instanceof BodyTooLarge) throw json({ error: 'That is too much to send' }, { status: 413 })
      throw error
    })) ?? new FormData()
  const parsed = SignIn.safeParse({ persona: form.get('persona'), owner: form.get('owner') ?? undefined })
  if (!parsed.success) return json({ error: parsed.error.issues[0].message }, { status: 400 })
  const identity = await signInPersona(parsed.data.persona, parsed.data.owner)
  const session = await getSession(request)
  session.set('userId', identity.userId)
  session.set('persona', identity.persona)
  session.set('tenantId', identity.tenantId)
  return redirect('/onboarding', { headers: { 'Set-Cookie': await commitSession(session) } })
}

export default function DevSignIn() {
  const data = useActionData<typeof action>()
  return (
    <main className="mx-auto max-w-lg space-y-4 p-8">
      <h1 className="text-xl font-semibold">Sign in (local development)</h1>
      <p className="text-sm text-slate-600">Pick who you are. Real sign-in uses Clerk when it is configured.</p>
      {data?.error ? (
        <p role="alert" className="text-sm text-red-700">
          {data.error}
        </p>
      ) : null}
      <Form method="post" className="space-y-3">
        {PERSONA_IDS.map((id) => (
          <button
            type="submit"
            key={id}
            name="persona"
            value={id}
            className="block w-full rounded-md border border-slate-300 bg-white p-3 text-left hover:border-blue-600"
          >
            <span className="block font-medium">{PERSONAS[id].label}</span>
            <span className="block text-sm text-slate-600">{PERSONAS[id].note}</span>
          </button>
        ))}
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-600">Sign in as a separate owner</summary>
          <label className="mt-2 block">
            Owner name (lowercase, digits, dashes)
            <input name="owner" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
          </label>
        </details>
      </Form>
    </main>
  )
}
