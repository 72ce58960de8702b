import {
  json,
  redirect,
  unstable_createMemoryUploadHandler as memoryUploads,
  unstable_parseMultipartFormData as parseMultipart,
  MaxPartSizeExceededError,
} from '@remix-run/node'
import { MAX_LOGO_BYTES } from './images.server'
import { z } from 'zod'
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

/**
 * Reads the form body. Anything that is not one of our forms gets a 400 reply (returned, not
 * thrown, so the page stays on screen with the message), never a 500.
 */
export async function readForm(request: Request) {
  let formData: FormData | null | 'too-large'
  if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
    // Uploads: every part is held in memory up to the logo limit, and a larger one is refused.
    formData = await parseMultipart(request, memoryUploads({ maxPartSize: MAX_LOGO_BYTES })).catch((error) => {
      if (error instanceof MaxPartSizeExceededError) return 'too-large' as const
      return null
    })
    if (formData === 'too-large') {
      return { refused: json<ActionReply>({ message: 'The logo must be 2 MB or smaller.' }, { status: 400 }) }
    }
  } else {
    formData = await request.formData().catch(() => null)
  }
  const intent = Intent.safeParse(formData?.get('intent'))
  const version = Version.safeParse(formData?.get('version'))
  if (!formData || !intent.success || !version.success) {
    return { refused: json<ActionReply>({ message: 'This form is out of date; reload the page and try again.' }, { status: 400 }) }
  }
  return { formData, intent: intent.data, version: version.data }
}

/** Turns the save engine's refusals into plain replies: stale version 409, refused value 400. */
export async function replyToSaveError(error: unknown, state: () => Promise<WizardState>) {
  if (error instanceof StaleVersionError) {
    return json<ActionReply>({ ...(await state()), conflict: true, message: error.message }, { status: 409 })
  }
  const code = (error as { code?: string })?.code
  if (typeof code === 'string' && code.startsWith('23')) {
    return json<ActionReply>({ ...(await state()), message: 'That value cannot be saved; check the field and try again.' }, { status: 400 })
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
