import { parseWithZod } from '@conform-to/zod/v4'
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import type { z } from 'zod'
import type { Db } from '../../db/client.server'
import { NoFlow, wizardState, type WizardState } from '../../db/flow.server'
import type { Job } from '../../db/jobs.server'
import { ownSaves, PageClosedError, replayed, saveSection, StaleVersionError } from '../../db/save.server'
import { fieldFor, type Section } from '../../db/section.server'
import { redirectWithToast, requireIdentity, type Identity } from '../auth/session.server'
import { pool, withTenant, type Tx } from '../../platform/db.server'
import { env } from '../../platform/env.server'
import { outcomeOf, saves } from '../../platform/metrics.server'
import { pickSubmitted } from '../schemas/submitted'
import {
  PAGES,
  blockerLines,
  canOpen,
  currentPage,
  nextPage,
  pagePath,
  reachableIndex,
  type ActionReply,
  type BlockerLine,
  type PageId,
} from '../wizard'
import { FORM_LIMITS, formReply, readForm, replySaved, replyToSaveError, type FormLimits } from './form.server'

// The page kit, server side. A page is one definition: its schema (Basic is its .pick()), its
// section, its own intents, and two functions of its page module: `load` (what the page shows,
// read from our database only) and `save` (what a valid submission changes). The kit does the
// rest the same way for every page: sign-in and the phase guard, reading the form, Conform's
// parsing (the submitted fields for autosave, Basic too for Continue), one save transaction,
// the move to the next page, post/redirect/get without JavaScript, and every refusal.

export type PageContext = { request: Request; identity: Identity; tenantId: string; state: WizardState }
export type SavePlan = {
  fields?: Record<string, unknown>
  job?: Job
  /** More writes in the save's transaction. */
  after?: (tx: Db) => Promise<unknown>
  /** Work for after the commit only (e.g. storing an uploaded file the row now points to). */
  afterCommit?: () => Promise<unknown>
}
export type Refusal = { status: number; message?: string; fieldErrors?: Record<string, string[]> }

type PageDef<S extends z.ZodObject, I extends string, L> = {
  id: PageId
  schema: S
  basic: z.ZodObject
  section: Section
  /** Intents beyond autosave and continue (buttons of the page's own). */
  intents?: readonly I[]
  /** Field names never sent back to the browser. */
  secrets?: readonly string[]
  limits?: FormLimits
  /** Whether Continue moves on to the next page (default: the phase has moved past this page). */
  done?: (state: WizardState) => boolean
  /**
   * Brings outside facts into our database before the page reads it (e.g. identity flags). It runs
   * outside the page's read transaction (a provider may be slow): its reads and writes go through
   * `read`, each a short tenant transaction of its own.
   */
  refresh?: (ctx: PageContext & Pick<SaveReads, 'read'>) => Promise<void>
  /** `tx`: the page's read transaction for the tenant, one snapshot for the state and the rows. */
  load: (ctx: PageContext & { tx: Tx }) => Promise<L>
  /**
   * What a valid submission changes. It reads our database through `read`, which hands it a
   * transaction for the tenant (row-level security applies), and `state` only if asked for: a save
   * that reads nothing goes to the database once, as ob_save.
   */
  save: (
    ctx: Omit<PageContext, 'state'> &
      SaveReads & { intent: I | 'autosave' | 'continue'; value: Partial<z.output<S>>; formData: FormData },
  ) => Promise<SavePlan | Refusal>
}
type SaveReads = { state: () => Promise<WizardState>; read: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T> }

/** Signs the owner in and reads where their onboarding stands (the layout, before any page). */
export async function requireWizard(request: Request) {
  const identity = await requireIdentity(request)
  const state = await withTenant(identity.tenantId, (tx) => readState(tx, identity.tenantId))
  return { identity, state }
}

/**
 * Signs the owner in and sends them to their current page if they ask for one their phase does not
 * open yet. Once the owner has pressed Finish (FINALIZE, then COMPLETE) nothing is saved any more:
 * every page leads to the summary, which says so. Inside a request's tenant transaction, guardPage does the same for an identity.
 */
export async function requirePage(request: Request, page: PageId) {
  const identity = await requireIdentity(request)
  return { identity, state: await withTenant(identity.tenantId, (tx) => guardPage(tx, identity, page)) }
}

export async function guardPage(tx: Tx, identity: Identity, page: PageId): Promise<WizardState> {
  const state = await readState(tx, identity.tenantId)
  // After Finish nothing is saved any more (ob_save refuses): the summary says what happens now.
  if ((state.phase === 'FINALIZE' || state.phase === 'COMPLETE') && page !== 'finalize')
    throw redirect(pagePath('finalize'))
  if (!canOpen(PAGES.find((p) => p.id === page)!.opensAt, state.phase))
    throw redirect(pagePath(currentPage(state.phase)))
  return state
}

// Always read inside withTenant, which answers an outage with the 503 page.
function readState(tx: Tx, tenantId: string) {
  return wizardState(tx, tenantId).catch((error) => {
    // A session without a tenant here signs in again.
    throw error instanceof NoFlow ? redirect(signInUrl()) : error
  })
}

// Links behind the Fix buttons: Clerk's account page (the persona switcher in dev) and billing.
export const fixLinks = () => ({ identity: env().clerk?.accountUrl ?? '/dev/sign-in', billing: env().BILLING_URL })

/** Where an owner signs in: Clerk's page when Clerk is configured, the dev sign-in otherwise. */
export const signInUrl = () => env().clerk?.signInUrl ?? '/dev/sign-in'

export function definePage<S extends z.ZodObject, I extends string, L extends object>(def: PageDef<S, I, L>) {
  const intents = ['autosave', 'continue', ...(def.intents ?? [])] as [
    I | 'autosave' | 'continue',
    ...(I | 'autosave' | 'continue')[],
  ]
  const basic = Object.keys(def.basic.shape)
  const secrets = def.secrets ?? []
  const done =
    def.done ?? ((state: WizardState) => reachableIndex(state.phase) > PAGES.findIndex((p) => p.id === def.id))
  const page = PAGES.find((p) => p.id === def.id)!

  // A page's reads run in one transaction for the owner's tenant (row-level security).
  async function loader({ request, context }: LoaderFunctionArgs) {
    const identity = await requireIdentity(request)
    const { tenantId } = identity
    if (def.refresh) {
      const read = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(tenantId, fn)
      await def.refresh({
        request,
        identity,
        tenantId,
        state: await read((tx) => guardPage(tx, identity, def.id)),
        read,
      })
    }
    // One snapshot for the state and the rows: a job committing between two reads once left a page
    // saying "Confirm the code" beside a verified registration, with no line left to read itself again.
    return withTenant(
      tenantId,
      async (tx) => {
        const state = await guardPage(tx, identity, def.id)
        const data = await def.load({ request, identity, tenantId, state, tx })
        const blockers: BlockerLine[] = blockerLines(state.blockers, def.id, fixLinks())
        // `refused`: this render answers a post the action refused (without JavaScript): its title says "Error: ".
        return json({ ...data, state, blockers, refused: context.refused === true })
      },
      { snapshot: true },
    )
  }

  async function action({ request }: ActionFunctionArgs) {
    const identity = await requireIdentity(request)
    const { tenantId } = identity
    // What the action reads runs in a transaction for the tenant; the save itself is one statement of its own.
    const read = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(tenantId, fn)
    const current = () => read((tx) => wizardState(tx, tenantId))
    const form = await readForm(request, intents, def.limits ?? FORM_LIMITS)
    if ('refused' in form) return form.refused
    const { formData, intent, version, tab, digest } = form
    // A save's answer: Continue moves on once the phase has (the page's own `done`), anything else
    // stays on the page (post/redirect/get without JavaScript).
    const answer = (state: WizardState, reply: ActionReply = {}) =>
      intent === 'continue' && done(state)
        ? redirectWithToast(request, pagePath(nextPage(def.id)), 'Saved')
        : replySaved(request, def.id, { ...state, ...reply, saved: true })
    // Autosave and Continue go to the database once: ob_save checks the version and that the page is
    // open. A page's own button may decode an upload or ask a provider first: it is refused on a
    // stale version (or a page not open) before anything of that happens, unless it is this very
    // form again (a double click): then it is answered as the save it repeats.
    let before: WizardState | undefined
    const state = async () => (before ??= await current())
    const upload = [...formData.values()].some((v) => v instanceof File && v.size > 0)
    if ((intent !== 'autosave' && intent !== 'continue') || upload) {
      const now = await read((tx) => guardPage(tx, identity, def.id))
      before = now
      if (version !== now.version) {
        if (await read((tx) => replayed(tx, tenantId, digest, version))) return answer(now)
        if (!(await read((tx) => ownSaves(tx, tenantId, version, now.version, tab))))
          return replyToSaveError(new StaleVersionError(now.version), current)
      }
    }
    const submission = parseWithZod(formData, {
      schema: pickSubmitted(def.schema, formData, intent === 'continue' ? basic : []),
    })
    if (submission.status !== 'success')
      return json<ActionReply>({ result: formReply(submission, secrets) }, { status: 400 })
    const plan = await def.save({ request, identity, tenantId, state, read, intent, value: submission.value, formData })
    if ('status' in plan) {
      const result = plan.fieldErrors ? formReply(submission, secrets, { fieldErrors: plan.fieldErrors }) : undefined
      return json<ActionReply>({ result, message: plan.message }, { status: plan.status })
    }
    try {
      const saved = await saveSection(pool(), def.section, {
        tenantId,
        version,
        fields: plan.fields ?? {},
        job: plan.job,
        after: plan.after,
        advance: intent === 'continue',
        opensAt: page.opensAt,
        submission: digest,
        tab,
      })
      // A repeat wrote nothing: what the first did after its commit is done.
      if (!saved.replay) await plan.afterCommit?.()
      const { replay: _, ...now } = saved
      return answer(now, { result: formReply(submission, secrets) })
    } catch (error) {
      if (error instanceof PageClosedError)
        throw redirect(error.phase ? pagePath(currentPage(error.phase)) : signInUrl())
      return replyToSaveError(
        error,
        current,
        (name) => fieldFor(def.section, name),
        (fieldErrors) => formReply(submission, secrets, { fieldErrors }),
      )
    }
  }

  // Every post counted by how it ended (metrics: saves, and the 409s of a page changed in another tab).
  async function countedAction(args: ActionFunctionArgs) {
    const ended = (outcome: string) => saves().inc({ page: def.id, outcome })
    try {
      const reply = await action(args)
      ended(outcomeOf(reply?.status ?? 200))
      if (reply && reply.status >= 400 && (await reply.clone().json())?.result?.error) args.context.refused = true
      return reply
    } catch (error) {
      // A redirect thrown is a post not taken (signed out, the page closed).
      ended(
        error instanceof Response && error.status < 400
          ? 'refused'
          : outcomeOf(error instanceof Response ? error.status : 500),
      )
      throw error
    }
  }

  return { loader, action: countedAction }
}
