import { simpleParser } from 'mailparser'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { startFake, type Switches } from './http'

// A real SMTP server (smtp-server, from nodemailer's authors) that keeps what it accepts in
// memory, and the usual HTTP fake beside it: GET /__fake/messages lists the mail (to, subject,
// text, html, links, headers), and `npm run dev` shows it at /dev/mail. Switches:
//   refuse: true | ['addr', ...]  550 for every recipient, or for those (refused for good)
//   down: true                    421 at once, for every connection (a server that is down)
//   slowMs: n                     the final 250 after DATA waits n ms, the mail already kept
// Counters: accepted, refused.
export type FakeMail = {
  to: string[]
  from: string
  subject: string
  text: string
  html: string
  links: string[]
  messageId: string
  headers: Record<string, string>
  at: string
}

export async function startMailFake(port: number) {
  const messages: FakeMail[] = []
  let switches: Switches = {}
  let count: (c: string) => void = () => {}
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      if (switches.down) return callback(Object.assign(new Error('Service not available'), { responseCode: 421 }))
      callback()
    },
    onRcptTo(address, _session, callback) {
      const refuse = switches.refuse
      if (refuse === true || (Array.isArray(refuse) && refuse.includes(address.address))) {
        count('refused')
        return callback(Object.assign(new Error(`${address.address}: no such mailbox`), { responseCode: 550 }))
      }
      callback()
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const html = typeof parsed.html === 'string' ? parsed.html : ''
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html,
            links: [...new Set([...(parsed.text ?? '').matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]))],
            messageId: parsed.messageId ?? '',
            headers: Object.fromEntries(
              parsed.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()]),
            ),
            at: new Date().toISOString(),
          })
          count('accepted')
          const slow = Number(switches.slowMs ?? 0)
          if (slow) await new Promise((r) => setTimeout(r, slow))
          callback()
        })
        .catch((error: Error) => callback(error))
    },
  })
  await new Promise<void>((resolve, reject) =>
    smtp.once('error', reject).listen(port === 0 ? 0 : port + 1, '127.0.0.1', () => resolve()),
  )
  const smtpPort = (smtp.server.address() as AddressInfo).port
  const fake = await startFake(
    'mail',
    port,
    {
      'GET /__fake/messages': () => ({ status: 200, body: { messages } }),
    },
    () => void messages.splice(0),
  )
  switches = fake.switches
  count = (c) => fake.counters.set(c, (fake.counters.get(c) ?? 0) + 1)
  return {
    ...fake,
    env: { FAKE_SMTP_URL: `smtp://127.0.0.1:${smtpPort}` },
    close: async () => {
      await fake.close()
      await new Promise<void>((resolve) => smtp.close(() => resolve()))
    },
  }
}
