import { parseWithZod } from '@conform-to/zod/v4'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useCallback, useState } from 'react'
import { suggestAreaCodes } from '~/area-codes.server'
import { useAutosave } from '~/components/autosave'
import { Blockers } from '~/components/blockers'
import { HoursField } from '~/components/hours-field'
import { NumberAdvanced } from '~/components/number-advanced'
import { NumberBanner } from '~/components/number-banner'
import { SaveFeedback } from '~/components/save-feedback'
import { db, fieldFor, numberSection, readAccount, readNumber, requestNumberChange, saveNumber, wizardState, type Db } from '~/db.server'
import { env } from '~/env.server'
import { federalHolidays } from '~/holidays.server'
import { portInFields, provisionRequest } from '~/number.server'
import { fetchAvailability } from '~/provisioning.server'
import { NUMBER_SECRETS, NumberSchema, STOCK_STOP_HELP } from '~/schemas/number'
import { pickSubmitted } from '~/schemas/submitted'
import { redirectWithToast } from '~/session.server'
import { blockerLines, pagePath, reachableIndex, type ActionReply } from '~/wizard'
import { fixLinks, formReply, readForm, replySaved, replyToSaveError, requirePage } from '~/wizard.server'

const BASIC = ['areaCode', 'hours', 'serviceRadiusMi']

// Suggestions come from offline data: no provider call while the page loads.
async function context(tenantId: string) {
  const [number, account] = await Promise.all([readNumber(db(), tenantId), readAccount(db(), tenantId)])
  const suggestions = suggestAreaCodes({ zip: account.address?.zip, ownerMobile: account.ownerMobileE164 })
  return { number, suggestions }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { identity, state } = await requirePage(request, 'number')
  const { number, suggestions } = await context(identity.tenantId)
  const federal = federalHolidays()
  const saved = number.provisionRequestedAt !== null || number.areaCode !== null
  return json({
    state,
    suggestions: number.areaCode && !suggestions.includes(number.areaCode) ? [number.areaCode, ...suggestions].slice(0, 5) : suggestions,
    federal,
    number: {
      ...number,
      areaCode: number.areaCode ?? suggestions[0] ?? '',
      // Before the first save the federal holidays are preloaded; the secrets never leave the server.
      holidays: saved ? number.holidays : federal.map((h) => h.date),
      portIn: number.portIn ? { phoneNumber: number.portIn.phoneNumber, saved: Boolean(number.portIn.accountNumber) } : null,
    },
    blockers: blockerLines(state.blockers, 'number', fixLinks()),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const { identity } = await requirePage(request, 'number')
  const form = await readForm(request)
  if ('refused' in form) return form.refused
  const { formData, intent, version } = form
  const { tenantId } = identity
  const { number, suggestions } = await context(tenantId)
  // With a number (or a port-in) in place the area code is settled and no longer on the page.
  const settled = Boolean(number.e164) || formData.getAll('startPortIn').at(-1) === 'on'
  const basic = intent === 'continue' ? BASIC.filter((f) => !(settled && f === 'areaCode')) : []
  const submission = parseWithZod(formData, { schema: pickSubmitted(NumberSchema, formData, basic) })
  if (submission.status !== 'success') return json<ActionReply>({ result: formReply(submission, NUMBER_SECRETS) }, { status: 400 })
  const { portIn: _portIn, startPortIn: _start, stopHelpText, ...value } = submission.value
  const port = portInFields(submission.value, number)
  if ('errors' in port) return json<ActionReply>({ result: formReply(submission, NUMBER_SECRETS, { fieldErrors: port.errors }) }, { status: 400 })
  const fields: Record<string, unknown> = {
    ...value,
    ...port.fields,
    ...(formData.has('stopHelpText') && { stopHelpText: stopHelpText ?? STOCK_STOP_HELP }),
    ...(value.areaCode && { preferredAreaCodes: suggestions }),
  }
  let job
  let after: ((tx: Db) => Promise<unknown>) | undefined
  if (intent === 'availability') {
    const availability = await fetchAvailability(suggestions.length ? suggestions : [number.areaCode ?? '415'])
    if (!availability) return json<ActionReply>({ message: 'Provider busy; try again' }, { status: 503 })
    Object.assign(fields, { availability, availabilityCheckedAt: new Date() })
  } else if (intent === 'continue' || intent === 'change') {
    const areaCode = intent === 'change' ? String(formData.get('changeTo') ?? '') : (value.areaCode ?? number.areaCode ?? '')
    if (!/^[2-9]\d{2}$/.test(areaCode)) return json<ActionReply>({ message: 'Choose an area code for the new number.' }, { status: 400 })
    const porting = fields.startPortIn ?? number.startPortIn
    const provision = porting && intent === 'continue' ? null : provisionRequest(tenantId, number, intent === 'change')
    if (provision) Object.assign(fields, provision.fields)
    // The database refuses a change past the daily cap (OB429), in this transaction.
    if (intent === 'change') after = (tx) => requestNumberChange(tx, tenantId, areaCode, env().NUMBER_CHANGES_PER_DAY)
    job = provision?.job
  }
  try {
    const state = await saveNumber(db(), { tenantId, version, fields, job, after, advance: intent === 'continue' })
    if (intent === 'continue' && reachableIndex(state.phase) > reachableIndex('NUMBER')) {
      return redirectWithToast(request, pagePath('calmsg'), 'Saved')
    }
    return replySaved(request, 'number', { ...state, result: formReply(submission, NUMBER_SECRETS), saved: true })
  } catch (error) {
    return replyToSaveError(error, () => wizardState(db(), tenantId), (name) => fieldFor(numberSection, name))
  }
}

export default function NumberPage() {
  const { state, suggestions, number: n, federal, blockers } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  // Autosave checks in the browser first; what it refuses is shown beside the field, like the server's errors.
  const [clientErrors, setClientErrors] = useState<Record<string, string[] | null>>({})
  const validate = useCallback((body: FormData) => {
    const checked = parseWithZod(body, { schema: pickSubmitted(NumberSchema, body) })
    setClientErrors(checked.status === 'success' ? {} : (checked.error ?? {}))
    return checked.status === 'success'
  }, [])
  const autosave = useAutosave({ formId: 'number', version: state.version, validate })
  const fieldErrors = { ...(reply?.result?.error ?? {}), ...clientErrors } as Record<string, string[] | null>
  const errors = (name: string) => fieldErrors[name]?.[0] ?? undefined
  // After a refused post (without JavaScript) the page shows what was sent, not the stored values.
  const sent = (reply?.result?.initialValue ?? null) as Record<string, unknown> | null
  const shown = sent ? { ...n, startPortIn: [sent.startPortIn].flat().at(-1) === 'on', portIn: { ...n.portIn, saved: Boolean(n.portIn?.saved), phoneNumber: (sent.portIn as { phoneNumber?: string } | undefined)?.phoneNumber } } : n
  return (
    <Form id="number" method="post" {...autosave.handlers} onSubmit={(e) => void autosave.holdSubmit(e)} className="space-y-5">
      <div>
        <h2 className="text-xl font-semibold">Your texting number and hours</h2>
        <p className="text-sm text-slate-600">We picked a local number and usual hours. Change anything, then press Looks good.</p>
      </div>
      <input type="hidden" name="version" value={autosave.version} />
      <NumberBanner number={n} href={pagePath('number')} />
      {n.e164 ? null : (
        <label className="block text-sm font-medium">
          Area code
          <select id="areaCode" name="areaCode" defaultValue={n.areaCode} className="mt-1 block w-40 rounded-md border border-slate-300 px-3 py-2">
            {suggestions.length === 0 ? <option value="">Choose…</option> : null}
            {suggestions.map((code, i) => <option key={code} value={code}>{code}{i === 0 ? ' (suggested)' : ''}</option>)}
          </select>
          <span className="min-h-5 text-sm text-red-700">{errors('areaCode')}</span>
        </label>
      )}
      <HoursField hours={n.hours} errors={errors} />
      <label className="block text-sm font-medium">
        How far you travel: <output>{n.serviceRadiusMi}</output> miles
        <input type="range" name="serviceRadiusMi" min={1} max={100} defaultValue={n.serviceRadiusMi} className="mt-1 block w-full"
          onInput={(e) => void ((e.currentTarget.previousElementSibling as HTMLOutputElement).value = e.currentTarget.value)} />
        <span className="min-h-5 text-sm text-red-700">{errors('serviceRadiusMi')}</span>
      </label>
      <NumberAdvanced n={shown} federal={federal} errors={errors} open={Boolean(sent)} />
      <Blockers lines={n.provisionRequestedAt ? blockers.filter((b) => b.code !== 'RESERVE_NUMBER') : blockers} />
      <button name="intent" value="continue" className="rounded-md bg-blue-700 px-5 py-2 font-medium text-white hover:bg-blue-800">
        Looks good
      </button>
      <SaveFeedback page="number" reply={reply} autosave={autosave.status} />
    </Form>
  )
}
