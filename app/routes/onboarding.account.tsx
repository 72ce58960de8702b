import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useCallback, useEffect } from 'react'
import { addressErrors, guessedDefaults, takeLogo } from '~/account.server'
import { accountSection, db, fieldFor, identityFlags, readAccount, saveAccount, StaleVersionError, wizardState } from '~/db.server'
import { MAX_LOGO_BYTES } from '~/images.server'
import { storePng } from '~/storage.server'
import { refreshIdentityFlags } from '~/identity.server'
import { AccountAdvanced } from '~/components/account-advanced'
import { useAutosave } from '~/components/autosave'
import { VerifiedBadge } from '~/components/badge'
import { Blockers } from '~/components/blockers'
import { SelectField, TextField } from '~/components/field'
import { PendingLine } from '~/components/pending-line'
import { SaveFeedback } from '~/components/save-feedback'
import { AccountBasic, AccountSchema, VERTICALS } from '~/schemas/account'
import { pickSubmitted } from '~/schemas/submitted'
import { redirectWithToast } from '~/session.server'
import { blockerLines, pagePath, reachableIndex, type ActionReply } from '~/wizard'
import { fixLinks, formReply, readForm, replySaved, replyToSaveError, requirePage } from '~/wizard.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const { identity } = await requirePage(request, 'account')
  await refreshIdentityFlags(identity)
  const [account, flags, state] = await Promise.all([
    readAccount(db(), identity.tenantId),
    identityFlags(db(), identity.tenantId),
    wizardState(db(), identity.tenantId),
  ])
  const fetching = account.prefilledAt === null
  // Until Stripe has been read, "subscription inactive" would be a guess: the fetching line says so instead.
  const codes = fetching ? state.blockers.filter((c) => c !== 'ACTIVATE_SUBSCRIPTION') : state.blockers
  return json({ account, state, flags, fetching, blockers: blockerLines(codes, 'account', fixLinks()) })
}

const BASIC = ['displayName', 'vertical']
const LIMITS = { maxBytes: 16 * 1024, upload: { maxPartBytes: MAX_LOGO_BYTES, tooLarge: 'The logo must be 2 MB or smaller.' } }

export async function action({ request }: ActionFunctionArgs) {
  const { identity, state: before } = await requirePage(request, 'account')
  const form = await readForm(request, LIMITS)
  if ('refused' in form) return form.refused
  const { formData, intent, version } = form
  const current = () => wizardState(db(), identity.tenantId)
  // A stale form is refused before its logo is decoded.
  if (version !== before.version) return replyToSaveError(new StaleVersionError(before.version), current)
  const logo = await takeLogo(formData)
  if (logo && 'refused' in logo) return json<ActionReply>({ message: logo.refused }, { status: 400 })
  const schema = pickSubmitted(AccountSchema, formData, intent === 'continue' ? BASIC : [])
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') {
    return json<ActionReply>({ result: formReply(submission, []) }, { status: 400 })
  }
  const badZip = addressErrors(submission.value.address)
  if (badZip) return json<ActionReply>({ result: formReply(submission, [], { fieldErrors: badZip }) }, { status: 400 })
  try {
    const account = await readAccount(db(), identity.tenantId)
    const fields = { ...submission.value, ...(logo && { logoUrl: logo.logoUrl }) }
    const defaults = guessedDefaults(account, submission.value, formData.get('browserTimezone'), logo?.color)
    const state = await saveAccount(db(), { tenantId: identity.tenantId, version, fields, advance: intent === 'continue' }, defaults)
    // Written only now that the save has committed: a refused save leaves no file behind.
    if (logo) await storePng(logo.png)
    if (intent === 'continue' && reachableIndex(state.phase) > reachableIndex('ACCOUNT')) {
      return redirectWithToast(request, pagePath('number'), 'Saved')
    }
    return replySaved(request, 'account', { ...state, result: formReply(submission, []), saved: true })
  } catch (error) {
    return replyToSaveError(error, current, (name) => fieldFor(accountSection, name))
  }
}

export default function AccountPage() {
  const { account, state, flags, fetching, blockers } = useLoaderData<typeof loader>()
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
    defaultValue: {
      displayName: account.displayName ?? '',
      vertical: account.vertical ?? '',
      brandColor: account.brandColor ?? '',
      timezone: account.timezone ?? '',
      address: account.address ?? undefined,
      languages: account.languages,
    },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: pickSubmitted(AccountSchema, formData, BASIC) }),
  })
  // New values from the prefill job replace what the form shows, as long as the owner has not typed.
  useEffect(() => form.reset(), [account.prefilledAt]) // eslint-disable-line react-hooks/exhaustive-deps
  // The browser's zone stands in for the timezone until an address gives a better one.
  const guessFromBrowser = account.defaulted.includes('timezone') && !account.address
  useEffect(() => {
    if (guessFromBrowser) autosave.queue('browserTimezone')
  }, [guessFromBrowser]) // eslint-disable-line react-hooks/exhaustive-deps
  const defaulted = account.defaulted
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      encType="multipart/form-data"
      {...autosave.handlers}
      onSubmit={(event) => autosave.holdSubmit(event) || form.onSubmit(event)}
      className="space-y-5"
    >
      <div>
        <h2 className="text-xl font-semibold">Your business</h2>
        <p className="text-sm text-slate-600">We filled in what we know. Change anything that is not right.</p>
      </div>
      <PendingLine
        pending={fetching}
        text="Fetching your business details…"
        slowText="Stripe has not answered yet; we keep trying. You can type your details meanwhile."
        href={pagePath('account')}
      />
      <input type="hidden" name="version" value={autosave.version} />
      <input type="hidden" name="browserTimezone" ref={(el) => void (el && (el.value = Intl.DateTimeFormat().resolvedOptions().timeZone))} />
      <TextField label="Business name" meta={fields.displayName as never} defaulted={defaulted.includes('display_name')} />
      <SelectField label="Kind of work" meta={fields.vertical as never} options={VERTICALS} defaulted={defaulted.includes('vertical')} />
      <div className="flex flex-wrap gap-2">
        <VerifiedBadge testId="badge-email" label="Email" verified={flags.emailVerified} />
        <VerifiedBadge testId="badge-mobile" label="Mobile" verified={flags.mobileVerified} />
      </div>
      <AccountAdvanced fields={fields as never} logoUrl={account.logoUrl} brandColor={account.brandColor} defaulted={defaulted} timezone={account.timezone} />
      <Blockers lines={blockers} />
      <button name="intent" value="continue" className="rounded-md bg-blue-700 px-5 py-2 font-medium text-white hover:bg-blue-800">
        Continue
      </button>
      <SaveFeedback page="account" reply={reply} autosave={autosave.status} />
    </Form>
  )
}
