import { m } from '../../core/i18n/languages'
import type { Submission } from '@conform-to/react'
import { json } from '@remix-run/node'
import { createHash } from 'node:crypto'
import * as z from 'zod'
import { StaleVersionError } from '../../db/save.server'
import type { WizardState } from '../../db/flow.server'
import { redirectWithToast } from '../auth/session.server'
import { BodyTooLarge, PartTooLarge, readFormData } from '../lib/body.server'
import { log } from '../../platform/log.server'
import { refusalMessage } from '../../core/refusals'
import { BLOCKERS, pagePath, type ActionReply, type PageId } from '../wizard'

// The form side of every page action: reading the body, and the replies (400, 409, 413, OB4xx).

/** How much a page's form may send: a few kB beyond its largest field; uploads up to their own limit. */
export type FormLimits = { maxBytes: number; upload?: { maxPartBytes: number; tooLarge: string } }
export const FORM_LIMITS: FormLimits = { maxBytes: 16 * 1024 }
const Version = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number)
// A page's intents are one array for the life of the process: its schema is built once, not per request.
const intentSchemas = new WeakMap<readonly string[], z.ZodType<string>>()
function intentSchema(intents: readonly [string, ...string[]]) {
  let schema = intentSchemas.get(intents)
  if (!schema) intentSchemas.set(intents, (schema = z.enum(intents)))
  return schema
}

/**
 * Reads the form body. Anything that is not one of the page's forms (an intent it does not have,
 * no version) gets a 400 reply (returned, not thrown, so the page stays on screen with the
 * message), a body over the page's limit a 413; never a 500.
 */
export async function readForm<I extends string>(
  request: Request,
  intents: readonly [I, ...I[]],
  limits: FormLimits = FORM_LIMITS,
) {
  let formData: FormData | null
  try {
    const multipart = (request.headers.get('content-type') ?? '').startsWith('multipart/form-data')
    formData = await readFormData(request, {
      maxBytes: limits.maxBytes + (multipart ? (limits.upload?.maxPartBytes ?? 0) : 0),
      maxPartBytes: limits.upload?.maxPartBytes,
    })
  } catch (error) {
    if (!(error instanceof BodyTooLarge || error instanceof PartTooLarge)) throw error
    // A form with a file that is too large is the file's fault: say which limit, as the page does.
    const upload = limits.upload && (request.headers.get('content-type') ?? '').startsWith('multipart/form-data')
    const message = upload
      ? limits.upload!.tooLarge
      : m('That is too much to send at once; shorten what you typed and try again.')
    const headers = error instanceof BodyTooLarge && error.close ? { connection: 'close' } : undefined
    return { refused: json<ActionReply>({ message }, { status: error instanceof PartTooLarge ? 400 : 413, headers }) }
  }
  const intent = intentSchema(intents).safeParse(formData?.get('intent'))
  const version = Version.safeParse(formData?.get('version'))
  if (!formData || !intent.success || !version.success) {
    return {
      refused: json<ActionReply>(
        { message: m('This form is out of date; reload the page and try again.') },
        { status: 400 },
      ),
    }
  }
  // The tab's own name (autosave.ts), or none (without JavaScript, or anything that is not a UUID).
  const tab = String(formData.get('tab') ?? '')
  return {
    formData,
    intent: intent.data as I,
    version: version.data,
    tab: /^[0-9a-f-]{36}$/.test(tab) ? tab : null,
    digest: await digestOf(formData),
  }
}

/**
 * What identifies a submission: a digest of everything posted (a file by its bytes), in order. A
 * form sent twice (a double click, a reload of the post) has the same one; ob_save answers the
 * second as the first, instead of as a change made in another tab.
 */
async function digestOf(formData: FormData) {
  const hash = createHash('sha256')
  for (const [name, value] of formData.entries()) {
    const bytes = typeof value === 'string' ? Buffer.from(value) : Buffer.from(await value.arrayBuffer())
    // Lengths first, so that no two different forms run together into the same bytes.
    hash
      .update(`${Buffer.byteLength(name)}:${name}:${typeof value === 'string' ? 's' : 'f'}${bytes.length}:`)
      .update(bytes)
  }
  return hash.digest('hex')
}

/**
 * Conform's reply to a submission, without the fields that must never travel back to the browser
 * (port-in account number and PIN): Conform echoes every submitted value otherwise.
 */
export function formReply(
  submission: Submission<unknown>,
  secrets: readonly string[],
  options: { fieldErrors?: Record<string, string[]> } = {},
) {
  return submission.reply({ ...options, hideFields: [...secrets] })
}

/**
 * Turns refusals of a save into plain replies: a stale version 409; OBxxx, a SQL function refusing
 * the owner's request with a reason code (xxx is the HTTP status; core/refusals.ts words it); a value the database cannot
 * take (22xxx) or a constraint (23xxx) 400, with the field's error where `fieldOf` knows the field.
 * Anything else is a real fault and is thrown.
 */
export async function replyToSaveError(
  error: unknown,
  state: () => Promise<WizardState>,
  fieldOf: (column: string) => string | null = () => null,
  /** The form's reply with these errors: it keeps the values that failed (without JavaScript too). */
  refusedWith: (fieldErrors: Record<string, string[]>) => unknown = (error) => ({ status: 'error', error }),
) {
  if (error instanceof StaleVersionError) {
    return json<ActionReply>({ ...(await state()), conflict: true, message: error.message }, { status: 409 })
  }
  const e = error as {
    code?: string
    column_name?: string
    constraint_name?: string
    message?: string
    detail?: string
  }
  if (typeof e?.code === 'string' && /^OB\d{3}$/.test(e.code)) {
    const fieldErrors = blockerErrors(e.detail)
    const result = fieldErrors && (refusedWith(fieldErrors) as ActionReply['result'])
    return json<ActionReply>(
      { ...(await state()), message: refusalMessage(e.message ?? '', e.detail), result },
      { status: Number(e.code.slice(2)) },
    )
  }
  if (typeof e?.code === 'string' && /^2[23]/.test(e.code)) {
    const message = m('That value cannot be saved; check the field and try again.')
    const field = fieldOf(e.column_name ?? e.constraint_name ?? '')
    // A value the schema let through and SQL refused: the two disagree, which is ours to fix.
    log().warn(`save refused by the database: ${e.code} ${e.constraint_name ?? e.column_name ?? ''} ${e.message ?? ''}`)
    const result = field ? (refusedWith({ [field]: [message] }) as ActionReply['result']) : undefined
    return json<ActionReply>({ ...(await state()), message, result }, { status: 400 })
  }
  throw error
}

/**
 * SQL decides a refusal and may name the blocker codes behind it (its detail, e.g. Submit's): each
 * one's line goes on the field its Fix link points to (BLOCKERS in app/wizard.ts), so the page only
 * words what SQL found.
 */
function blockerErrors(detail: string | undefined) {
  if (!detail || !/^[A-Z0-9_]+(,[A-Z0-9_]+)*$/.test(detail)) return undefined
  const error: Record<string, string[]> = {}
  for (const code of detail.split(',')) {
    const b = BLOCKERS[code]
    if (b?.fix.startsWith('#')) (error[b.fix.slice(1)] ??= []).push(b.text)
  }
  return Object.keys(error).length ? error : undefined
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
