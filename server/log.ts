import pino, { type Logger } from 'pino'

// One logger for the web server, the app and the worker: a JSON line per event on stdout, which
// the platform collects; pretty lines under `npm run dev`. LOG_LEVEL sets the level (info). A
// configuration error that stops a process before it starts is a plain line on stderr instead:
// a person reads it, and nothing was running to correlate.
declare global {
  // One per process: the app's bundle (rebuilt by `npm run dev`) and the server share it.
  var __obLog: Logger | undefined
}

// What a log line never carries: the owner's session, the providers' secrets, the port-in
// fields, OAuth codes and one-time codes (anything logged under these names, one level deep).
const SECRETS = [
  'cookie',
  'authorization',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'code',
  'otp',
  'pin',
  'accountNumber',
  'portIn',
  'taxId',
  'secret',
]

export function logger(): Logger {
  if (globalThis.__obLog) return globalThis.__obLog
  const mode = process.env.NODE_ENV ?? 'production'
  globalThis.__obLog = pino({
    level: process.env.LOG_LEVEL ?? 'info',
    base: { pid: process.pid },
    redact: { paths: SECRETS.flatMap((s) => [s, `*.${s}`, `req.headers.${s}`]), censor: '[Redacted]' },
    // pino-pretty is a dev dependency: only `npm run dev` (development) asks for it.
    ...(mode === 'development' && {
      transport: {
        target: 'pino-pretty',
        options: { ignore: 'pid,hostname,req,res,responseTime', singleLine: true, translateTime: 'HH:MM:ss' },
      },
    }),
  })
  return globalThis.__obLog
}

// Query parameters whose values are secrets: the OAuth callback's code and state, a mail link's
// token, Clerk's handshake.
const SECRET_PARAMS = /^(code|state|token|t|key|sig|signature|__clerk_.*|__session)$/i

/** The URL as a log line shows it: the values of secret query parameters replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?')
  if (q < 0) return url
  const params = new URLSearchParams(url.slice(q + 1))
  for (const name of new Set(params.keys())) if (SECRET_PARAMS.test(name)) params.set(name, '[Redacted]')
  return `${url.slice(0, q)}?${params.toString().replaceAll('%5BRedacted%5D', '[Redacted]')}`
}
