import { getFormProps, useForm, type DefaultValue, type FormMetadata } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState, type ComponentType, type FormEvent, type ReactNode } from 'react'
import type { z } from 'zod'
import { Blockers, PendingBlockers } from '~/components/blockers'
import { ErrorSummary, type SummaryItem } from '~/components/error-summary'
import { SaveFeedback } from '~/components/save-feedback'
import { pickSubmitted } from '~/schemas/submitted'
import { documentTitle, type ActionReply, type BlockerLine, type PageId } from '~/wizard'
import { useAutosave } from './autosave'
import { useT } from '~/i18n'

// The page kit, browser side: one form pattern for every page. Conform's useForm over the page's
// schema (errors on blur; Basic checked before Continue), autosave of each field on blur through
// the page's own action, and <PageForm>, which carries the version and the save feedback.
export function usePageForm<S extends z.ZodObject>(o: {
  page: PageId
  schema: S
  basic: z.ZodObject
  version: number
  reply: ActionReply | undefined
  /** The form's values as the loader read them (Conform's DefaultValue of the schema's input). */
  defaultValue: Record<string, unknown>
}) {
  const { schema } = o
  const basic = Object.keys(o.basic.shape)
  const validate = useCallback(
    (body: FormData) => parseWithZod(body, { schema: pickSubmitted(schema, body) }).status === 'success',
    [schema],
  )
  const autosave = useAutosave({ formId: o.page, version: o.version, validate })
  const [form, fields] = useForm<z.input<S>>({
    id: o.page,
    // A saved reply echoes what was posted; the loader's values are newer (freshAfterSave remounts).
    lastResult: o.reply?.saved ? undefined : o.reply?.result,
    constraint: getZodConstraint(o.basic),
    defaultValue: o.defaultValue as DefaultValue<z.input<S>>,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: pickSubmitted(schema, formData, basic) }) as never,
  })
  return { form, fields, autosave }
}

/**
 * A page's route component, mounted afresh after each save of one of its buttons (with JavaScript:
 * Continue that stays, "Use hosted pages", "Confirm code", ...). Such a button may change fields on
 * the server, and the form's inputs keep what they first showed otherwise, so the next post would
 * send the old values back. Autosaves (a fetcher, not the page's action data) never remount it, so
 * typing is never interrupted; a refused post keeps its inputs and errors.
 */
export function freshAfterSave(Page: ComponentType) {
  return function FreshPage() {
    const reply = useActionData<ActionReply>()
    // The action's reply arrives before the loaders have read the new values: remount once they have.
    const idle = useNavigation().state === 'idle'
    const seen = useRef({ reply, key: 0 })
    if (reply !== seen.current.reply && idle) seen.current = { reply, key: seen.current.key + (reply?.saved ? 1 : 0) }
    return <Page key={seen.current.key} />
  }
}

/**
 * Every page's frame: the error summary of a refused Continue, its title and one line of intro,
 * what is on its way (pending blockers), the page's fields, what stands in the way (one line each,
 * with Fix links), and the one button. Enter in a field presses `enter` (Continue unless the page
 * says otherwise), never whichever of the page's own buttons happens to come first.
 */
export function PageForm({
  page,
  title,
  intro,
  blockers,
  button,
  enter = 'continue',
  form,
  autosave,
  reply,
  multipart = false,
  children,
}: {
  page: PageId
  title: string
  intro: string
  blockers: BlockerLine[]
  button?: string
  /** The intent Enter in a field sends: Continue, or a page's safer one (saving, confirming a code). */
  enter?: string
  // biome-ignore lint/suspicious/noExplicitAny: any page's form (each page's schema types its own fields)
  form: FormMetadata<any, string[]>
  autosave: ReturnType<typeof useAutosave>
  reply: ActionReply | undefined
  /** For pages that take uploads. */
  multipart?: boolean
  children: ReactNode
}) {
  const summary = useErrorSummary(page, form, reply)
  const { t } = useT()
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      encType={multipart ? 'multipart/form-data' : undefined}
      {...autosave.handlers}
      onSubmit={(event) => {
        summary.submitted(event)
        return autosave.holdSubmit(event) || form.onSubmit(event)
      }}
      className="space-y-5"
    >
      {/* The form's default button (the first in it): what Enter in any field presses. */}
      <button type="submit" name="intent" value={enter} tabIndex={-1} aria-hidden className="sr-only">
        {enter === 'continue' ? (button ?? t('Continue')) : t('Save')}
      </button>
      {summary.items.length ? <ErrorSummary ref={summary.ref} items={summary.items} message={reply?.message} /> : null}
      <div>
        <h2 className="text-xl font-semibold focus:outline-none" tabIndex={-1} data-page-heading>
          {title}
        </h2>
        <p className="text-sm text-slate-600">{intro}</p>
      </div>
      <PendingBlockers lines={blockers} />
      <input type="hidden" name="version" value={autosave.version} />
      <input type="hidden" name="tab" value={autosave.tab} />
      {children}
      <Blockers lines={blockers} />
      <button
        type="submit"
        name="intent"
        value="continue"
        className="rounded-md bg-blue-700 px-5 py-2 font-medium text-white hover:bg-blue-800"
      >
        {button ?? t('Continue')}
      </button>
      <SaveFeedback page={page} reply={reply} autosave={autosave.status} />
    </Form>
  )
}

/**
 * The error summary's lines: every field's first error once a button was pressed (a reply from the
 * server, or Conform refusing the submit in the browser), until they are fixed. With JavaScript it
 * takes focus as it appears after a press, and the page's title says "Error: " while it shows.
 */
// biome-ignore lint/suspicious/noExplicitAny: any page's form
function useErrorSummary(page: PageId, form: FormMetadata<any, string[]>, reply: ActionReply | undefined) {
  const { t } = useT()
  const [presses, setPresses] = useState(0)
  const focus = useRef(false)
  const ref = useRef<HTMLDivElement>(null)
  const items: SummaryItem[] =
    presses || reply
      ? Object.entries(form.allErrors).flatMap(([name, errors]) =>
          name && errors?.[0] ? [{ name, href: `#${form.id}-${name}`, text: errors[0] }] : [],
        )
      : []
  const shown = items.length > 0
  // biome-ignore lint/correctness/useExhaustiveDependencies: each press may move focus again
  useEffect(() => {
    document.title = documentTitle(page, shown, t)
    if (shown && focus.current) ref.current?.focus()
    if (shown) focus.current = false
  }, [page, shown, presses, t])
  return {
    ref,
    items,
    submitted(event: FormEvent<HTMLFormElement>) {
      const submitter = (event.nativeEvent as SubmitEvent).submitter
      // Conform's own validation submits (a temporary button without our name) are not presses.
      if (submitter?.getAttribute('name') !== 'intent') return
      setPresses((n) => n + 1)
      focus.current = true
    },
  }
}
