import { useLoaderData } from '@remix-run/react'
import { devMailLoader } from '~/pages/mail.server'

// Dev only: the mail the app sent, as the local SMTP fake received it (newest first).
export const loader = () => devMailLoader()

export default function DevMail() {
  const { messages } = useLoaderData<typeof loader>()
  return (
    <main className="mx-auto max-w-3xl space-y-4 p-8">
      <h1 className="text-xl font-semibold">Mail sent (local SMTP fake)</h1>
      {messages.length === 0 ? <p className="text-slate-600">No mail yet. Reload after a registration step.</p> : null}
      {messages.map((m) => (
        <article
          key={`${m.at}:${m.subject}:${m.to.join()}`}
          className="space-y-2 rounded-md border border-slate-200 bg-white p-4"
          data-testid="dev-mail"
        >
          <p className="text-sm text-slate-600">
            To {m.to.join(', ')} · {m.at.slice(0, 19).replace('T', ' ')} UTC
          </p>
          <h2 className="font-semibold">{m.subject}</h2>
          <pre className="whitespace-pre-wrap font-sans text-sm">{m.text}</pre>
          <ul className="text-sm">
            {m.links.map((l) => (
              <li key={l}>
                <a className="text-blue-700 underline" href={l}>
                  {l}
                </a>
              </li>
            ))}
          </ul>
        </article>
      ))}
    </main>
  )
}
