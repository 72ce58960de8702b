import type { Submission } from '@conform-to/react'
import { json, redirect } from '@remix-run/node'
import { z } from 'zod'
import { BodyTooLarge, PartTooLarge, readFormData } from './body.server'
import { db, StaleVersionError, wizardState, type WizardState } from './db.server'
import { env } from './env.server'
import { redirectWithToast, requireIdentity } from './session.server'
import { PAGES, blockerLines, pagePath, reachableIndex, type ActionReply, type PageId } from './wizard'

// Loads the tenant's state and sends it to its current page if it asks for one beyond its phase.
export async function requirePage(request: Request, page: PageId) {
  const identity = await requireIdentity(request)
  const state = await wizardState(db(), identity.tenantId).catch(() => {
    // The session names a tenant this database does not have (e.g. the dev database was reset).
    throw redirect('/dev/sign-in')
  })
  const wanted = PAGES.findIndex((p) => p.id === page)
  if (wanted > reachableIndex(state.phase)) throw redirect(pagePath(PAGES[reachableIndex(state.phase)].id))
  return { identity, state }
}

/** Loader of a page whose own issue has not landed: its blockers, without in-page Fix links. */
export async function comingSoonLoader(request: Request, page: PageId) {
  const { state } = await requirePage(request, page)
  const lines = blockerLines(state.blockers, page, fixLinks())
  return json({ blockers: lines.map((b) => (b.fixHref?.startsWith('#') ? { ...b, fixHref: null } : b)) })
}

// Links behind the Fix buttons: Clerk's account page (the persona switcher in dev) and billing.
export const fixLinks = () => ({ identity: env().clerk?.accountUrl ?? '/dev/sign-in', billing: env().BILLING_URL })

// autosave and continue on every page; availability and change on the Number page.
export const Intent = z.enum(['autosave', 'continue', 'availability', 'change'])
const Version = z.string().regex(/^\d{1,9}$/).transform(Number)

/** How much a page's form may send: a few kB beyond its largest field; uploads up to their own limit. */
export type FormLimits = { maxBytes: number; upload?: { maxPartBytes: number; tooLarge: string } }
export const FORM_LIMITS: FormLimits = { maxBytes: 16 * 1024 }

/**
 * Reads the form body. Anything that is not one of our forms gets a 400 reply (returned, not
 * thrown, so the page stays on screen with the message), a body over the page's limit a 413; never a 500.
 */
export async function readForm(request: Request, limits: FormLimits = FORM_LIMITS) {
  let formData: FormData | null
  try {
    const multipart = (request.headers.get('content-type') ?? '').startsWith('multipart/form-data')
    formData = await readFormData(request, {
      maxBytes: limits.maxBytes + (multipart ? (limits.upload?.maxPartBytes ?? 0) : 0),
      maxPartBytes: limits.upload?.maxPartBytes,
    })
  } catch (error) {
    if (!(error instanceof BodyTooLarge || error instanceof PartTooLarge)) throw error
    const tooMuch = 'That is too much to send at once; shorten what you typed and try again.'
    const message = error instanceof PartTooLarge ? (limits.upload?.tooLarge ?? tooMuch) : tooMuch
    return { refused: json<ActionReply>({ message }, { status: error instanceof PartTooLarge ? 400 : 413 }) }
  }
  const intent = Intent.safeParse(formData?.get('intent'))
  const version = Version.safeParse(formData?.get('version'))
  if (!formData || !intent.success || !version.success) {
    return { refused: json<ActionReply>({ message: 'This form is out of date; reload the page and try again.' }, { status: 400 }) }
  }
  return { formData, intent: intent.data, version: version.data }
}

/**
 * Conform's reply to a submission, without the fields that must never travel back to the browser
 * (port-in account number and PIN): Conform echoes every submitted value otherwise.
 */
export function formReply(submission: Submission<unknown>, secrets: readonly string[], options: { fieldErrors?: Record<string, string[]> } = {}) {
  return submission.reply({ ...options, hideFields: [...secrets] })
}

/** Turns the save engine's refusals into plain replies: stale version 409, a value the database refuses 400. */
export async function replyToSaveError(error: unknown, state: () => Promise<WizardState>, fieldOf: (column: string) => string | null = () => null) {
  if (error instanceof StaleVersionError) {
    return json<ActionReply>({ ...(await state()), conflict: true, message: error.message }, { status: 409 })
  }
  const e = error as { code?: string; column_name?: string; constraint_name?: string; message?: string }
  // OBxxx: a SQL function refusing an owner's request, with a sentence for them; xxx is the HTTP status.
  if (typeof e?.code === 'string' && /^OB\d{3}$/.test(e.code)) {
    return json<ActionReply>({ ...(await state()), message: e.message }, { status: Number(e.code.slice(2)) })
  }
  // 22xxx: a value PostgreSQL cannot take (bad bytes, out of range); 23xxx: a constraint refused it.
  if (typeof e?.code === 'string' && /^2[23]/.test(e.code)) {
    const message = 'That value cannot be saved; check the field and try again.'
    const field = fieldOf(e.column_name ?? e.constraint_name ?? '')
    const result = field ? { status: 'error' as const, error: { [field]: [message] } } : undefined
    return json<ActionReply>({ ...(await state()), message, result }, { status: 400 })
  }
  throw error
}

/**
 * A save that keeps the owner on the page. A plain form post (a browser navigation, as without
 * JavaScript) is redirected to the page (post/redirect/get), so a reload never posts the form
 * again with an old version; Remix's fetch requests get the standard JSON reply.
 */
export function replySaved(request: Request, page: PageId, reply: ActionReply) {
  if (request.headers.get('sec-fetch-mode') !== 'navigate') return json<ActionReply>(reply)
  return redirectWithToast(request, pagePath(page), 'Saved')
}
