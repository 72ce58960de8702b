import { randomBytes } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import helmet from 'helmet'

// What every response and every state-changing request passes through, before Remix sees it.

/**
 * Bodies larger than this are refused at once, unread, with the connection closed. Anything
 * smaller reaches the page, which refuses what is over its own limit with one line for the owner
 * (a logo over 2 MB, say) after reading the body to its end (app/lib/body.server.ts), so the
 * connection stays usable.
 */
const MAX_BODY_BYTES = 32 * 1024 * 1024 // app/lib/body.server.ts's DRAIN_BYTES (the server imports nothing of the app)

/** A fresh nonce per response: the only inline scripts allowed are Remix's own, carrying it. */
export function cspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = randomBytes(16).toString('base64')
  next()
}

/**
 * Security headers on every response: no framing, a Content-Security-Policy that the pages pass
 * with and without JavaScript (scripts by nonce, no inline event handlers, forms post to us only),
 * no referrer to other sites, no MIME sniffing. `devOrigin` is the Remix dev server's live-reload
 * socket, allowed in development only.
 */
export function securityHeaders({ production, devOrigin }: { production: boolean; devOrigin?: string }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        styleSrc: ["'self'"],
        // The stepper's progress bars set a width; nothing else is inline.
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...(devOrigin ? [devOrigin.replace(/^http/, 'ws'), devOrigin] : [])],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: production ? { maxAge: 31_536_000 } : false,
  })
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses state-changing requests sent by another site's page (CSRF): the browser's Origin must be
 * ours, and Sec-Fetch-Site, when sent, must say same-origin (a sibling subdomain is "same-site" and
 * would pass SameSite=Lax cookies). Requests without either header are not from a browser page.
 * Webhooks are server-to-server calls checked by their signatures instead.
 */
export function sameOriginOnly(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || req.path.startsWith('/webhooks/')) return next()
  const site = req.get('sec-fetch-site')
  const origin = req.get('origin')
  const host = req.get('x-forwarded-host')?.split(',')[0].trim() || req.get('host')
  const originHost = origin && URL.canParse(origin) ? new URL(origin).host : null
  const crossSite = site !== undefined && site !== 'same-origin' && site !== 'none'
  const crossOrigin = origin !== undefined && originHost !== host
  if (crossSite || crossOrigin) {
    res.status(403).type('text/plain').send('This form can only be sent from the setup pages themselves.')
    return
  }
  next()
}

/** Bodies larger than any page takes are refused from their declared length, unread. */
export function bodyLimit(req: Request, res: Response, next: NextFunction) {
  const length = Number(req.get('content-length') ?? 0)
  if (length > MAX_BODY_BYTES) {
    res
      .status(413)
      .set('connection', 'close')
      .type('text/plain')
      .send('That is more than we can take in one go; send less (a logo must be 2 MB or smaller).')
    return
  }
  next()
}
