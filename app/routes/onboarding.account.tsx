import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useCallback } from 'react'
import { db, identityFlags, readAccount, saveAccount, wizardState } from '~/db.server'
import { useAutosave } from '~/components/autosave'
import { VerifiedBadge } from '~/components/badge'
import { Blockers } from '~/components/blockers'
import { SelectField, TextField } from '~/components/field'
import { Toast } from '~/components/toast'
import { AccountBasic, AccountSchema, VERTICALS } from '~/schemas/account'
import { pickSubmitted } from '~/schemas/submitted'
import { redirectWithToast } from '~/session.server'
import { blockerLines, pagePath, reachableIndex, type ActionReply } from '~/wizard'
import { fixLinks, readForm, replyToSaveError, requirePage } from '~/wizard.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const { identity, state } = await requirePage(request, 'account')
  const [account, flags] = await Promise.all([readAccount(db(), identity.tenantId), identityFlags(db(), identity.tenantId)])
  return json({ account, state, flags, blockers: blockerLines(state.blockers, 'account', fixLinks()) })
}

export async function action({ request }: ActionFunctionArgs) {
  const { identity } = await requirePage(request, 'account')
  const form = await readForm(request)
  if ('refused' in form) return form.refused
  const { formData, intent, version } = form
  const schema = intent === 'continue' ? AccountBasic : pickSubmitted(AccountSchema, formData)
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') {
    return json<ActionReply>({ result: submission.reply() }, { status: 400 })
  }
  try {
    const state = await saveAccount(db(), {
      tenantId: identity.tenantId,
      version,
      fields: submission.value,
      advance: intent === 'continue',
    })
    if (intent === 'continue' && reachableIndex(state.phase) > reachableIndex('ACCOUNT')) {
      return redirectWithToast(request, pagePath('number'), 'Saved')
    }
    return json<ActionReply>({ ...state, result: submission.reply(), saved: true })
  } catch (error) {
    return replyToSaveError(error, () => wizardState(db(), identity.tenantId))
  }
}

export default function AccountPage() {
  const { account, state, flags, blockers } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const validate = useCallback(
    (body: FormData) => parseWithZod(body, { schema: pickSubmitted(AccountSchema, body) }).status === 'success',
    [],
  )
  const autosave = useAutosave({ formId: 'account', version: state.version, validate })
  const [form, fields] = useForm({
    id: 'account',
    lastResult: reply?.result,
    constraint: getZodConstraint(AccountBasic),
    defaultValue: { displayName: account.displayName ?? '', vertical: account.vertical ?? '' },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AccountBasic }),
  })
  // Server-rendered feedback first (works without JavaScript), then what autosave reports.
  const status = reply?.message
    ? { message: reply.message, tone: 'error' as const }
    : reply?.saved
      ? { message: 'Saved', tone: 'ok' as const }
      : autosave.status
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      {...autosave.handlers}
      onSubmit={(event) => autosave.holdSubmit(event) || form.onSubmit(event)}
      className="space-y-5"
    >
      <div>
        <h2 className="text-xl font-semibold">Your business</h2>
        <p className="text-sm text-slate-600">We filled in what we know. Change anything that is not right.</p>
      </div>
      <input type="hidden" name="version" value={autosave.version} />
      <TextField label="Business name" meta={fields.displayName} />
      <SelectField label="Kind of work" meta={fields.vertical} options={VERTICALS} />
      <div className="flex flex-wrap gap-2">
        <VerifiedBadge testId="badge-email" label="Email" verified={flags.emailVerified} />
        <VerifiedBadge testId="badge-mobile" label="Mobile" verified={flags.mobileVerified} />
      </div>
      <Blockers lines={blockers} />
      {reply?.conflict || autosave.status?.conflict ? (
        <p role="alert" className="text-sm text-red-700">
          This page changed in another tab. <a className="underline" href={pagePath('account')}>Reload to see the latest</a>
        </p>
      ) : null}
      <button name="intent" value="continue" className="rounded-md bg-blue-700 px-5 py-2 font-medium text-white hover:bg-blue-800">
        Continue
      </button>
      <Toast message={status?.message} tone={status?.tone} />
    </Form>
  )
}
