import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext, HandleErrorFunction } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { isLang } from '../core/i18n/languages'
import { i18nFor, localeOf } from './i18n.server'
import { env } from '../platform/env.server'
import { NonceContext } from './nonce'
import { log } from '../platform/log.server'

// Validate configuration when the server starts, not on the first request.
env()

/** A fault on the server is logged in every mode (Remix's own default is silent in test mode, where the tests read the log). */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (!request.signal.aborted) log().error({ err: error }, 'render failed')
}

/**
 * Every document is rendered whole before it is sent (no page defers data), so nothing needs the
 * 5 s abort timer Remix's template sets for deferred data.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext?.cspNonce === 'string' ? loadContext.cspNonce : undefined
  // The language the root loader detected; a document without its data (no route matched) detects its own.
  const lang = (remixContext.staticHandlerContext.loaderData.root as { lang?: string } | undefined)?.lang
  const i18n = i18nFor(isLang(lang) ? lang : await localeOf(request))
  return new Promise<Response>((resolve, reject) => {
    const { pipe } = renderToPipeableStream(
      <I18nextProvider i18n={i18n}>
        <NonceContext.Provider value={nonce}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </NonceContext.Provider>
      </I18nextProvider>,
      {
        nonce,
        onAllReady() {
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500
          log().error({ err: error }, 'render failed')
        },
      },
    )
  })
}
