import nodemailer, { type Transporter } from 'nodemailer'
import { env } from '../env.server'

// Mail to owners over SMTP, with nodemailer (the well-kept SMTP client every provider documents).
// An SMTP answer of 5xx to the recipient is the address refused for good; anything else that
// fails (no connection, 4xx, a timeout) is worth a retry, so it throws.
export type Mail = {
  to: string
  subject: string
  text: string
  html: string
  messageId: string
  headers?: Record<string, string>
}
export type Sent = { sent: string } | { refused: string }

let transport: Transporter | undefined
function smtp() {
  const url = env().SMTP_URL
  if (!url) throw new Error('SMTP_URL is not set: mail cannot be sent')
  transport ??= nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  })
  return transport
}

export async function sendMail(mail: Mail): Promise<Sent> {
  try {
    const info = await smtp().sendMail({ from: env().MAIL_FROM, ...mail })
    if ((info.rejected ?? []).length > 0) return { refused: String(info.response ?? 'the server refused the address') }
    return { sent: info.messageId }
  } catch (error) {
    const e = error as { responseCode?: number; response?: string; code?: string }
    // 5xx to RCPT or DATA: this address (or this mail) will never be taken; 4xx and no answer: try again.
    if (e.code === 'EENVELOPE' && e.responseCode && e.responseCode >= 500)
      return { refused: e.response ?? `refused (${e.responseCode})` }
    throw error
  }
}

export type DevMail = { to: string[]; subject: string; text: string; links: string[]; at: string }

/** What the local SMTP fake has received, newest first (dev and tests only; empty without the fake). */
export async function devMailbox(): Promise<DevMail[]> {
  const base = env().NODE_ENV === 'production' ? undefined : env().FAKE_MAIL_URL
  if (!base) return []
  const res = await fetch(`${base}/__fake/messages`, { signal: AbortSignal.timeout(5_000) }).catch(() => null)
  if (!res?.ok) return []
  const { messages } = (await res.json()) as { messages: DevMail[] }
  return messages.slice().reverse()
}
