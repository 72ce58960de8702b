import { getFormProps, useForm, type DefaultValue, type FormMetadata } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useCallback, useRef, type ComponentType, type ReactNode } from 'react'
import type { z } from 'zod'
import { Blockers, PendingBlockers } from '~/components/blockers'
import { SaveFeedback } from '~/components/save-feedback'
import { pickSubmitted } from '~/schemas/submitted'
import type { ActionReply, BlockerLine, PageId } from '~/wizard'
import { useAutosave } from './autosave'

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
 * Every page's frame: its title and one line of intro, what is on its way (pending blockers), the
 * page's fields, what stands in the way (one line each, with Fix links), and the one button.
 */
export function PageForm({
  page,
  title,
  intro,
  blockers,
  button = 'Continue',
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
  // biome-ignore lint/suspicious/noExplicitAny: any page's form (each page's schema types its own fields)
  form: FormMetadata<any, string[]>
  autosave: ReturnType<typeof useAutosave>
  reply: ActionReply | undefined
  /** For pages that take uploads. */
  multipart?: boolean
  children: ReactNode
}) {
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      encType={multipart ? 'multipart/form-data' : undefined}
      {...autosave.handlers}
      onSubmit={(event) => autosave.holdSubmit(event) || form.onSubmit(event)}
      className="space-y-5"
    >
      <div>
        <h2 className="text-xl font-semibold">{title}</h2>
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
        {button}
      </button>
      <SaveFeedback page={page} reply={reply} autosave={autosave.status} />
    </Form>
  )
}
