import { m } from '../../core/i18n/languages'
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import { readAccount } from '../../db/account.server'
import { jobFor } from '../../db/jobs.server'
import { numberSection, readNumber, requestNumberChange, type NumberRow } from '../../db/number.server'
import { takeRate } from '../../db/rate.server'
import { definePage, type Refusal, type SavePlan } from '../kit/page.server'
import { suggestAreaCodes } from '../../core/area-codes.server'
import { seal } from '../../platform/crypto.server'
import type { Tx } from '../../platform/db.server'
import { federalHolidays } from '../lib/holidays.server'
import { fetchAvailability, type Availability } from '../../platform/providers/provisioning.server'
import { NUMBER_SECRETS, NumberBasic, NumberSchema, STOCK_STOP_HELP, type NumberFields } from '../schemas/number'
import { AREA_CODE } from '../../core/rules'

// Page 2 (Number & Operating Setup): what it shows and what a save changes. The area code is
// suggested from offline data and the page never calls the provider while it loads; "Looks good"
// enqueues the purchase, "Change number" asks the database for a new one (capped per day), and
// the availability list is fetched only when the owner presses its button.
export const numberPage = definePage({
  id: 'number',
  schema: NumberSchema,
  basic: NumberBasic,
  section: numberSection,
  intents: ['availability', 'change'],
  secrets: NUMBER_SECRETS,
  async load({ tenantId, tx }) {
    const { number, suggestions } = await context(tx, tenantId)
    return numberView(number, suggestions, federalHolidays())
  },
  async save({ tenantId, intent, value, read, formData }) {
    // The provider is asked for availability after the read's transaction, not while holding it,
    // and no more often than its limit (each press is a request to the provider).
    const { number, suggestions } = await read((tx) => context(tx, tenantId))
    let availability: Availability | null | undefined
    if (intent === 'availability') {
      const throttled = await read((tx) => takeRate(tx, tenantId, 'availability'))
      if (throttled) return { status: 429, message: throttled }
      availability = await fetchAvailability(suggestions.length ? suggestions : [number.areaCode ?? '415'])
    }
    return planNumberSave({
      tenantId,
      intent,
      value,
      number,
      suggestions,
      availability,
      changeTo: String(formData.get('changeTo') ?? ''),
      stopHelpSent: formData.has('stopHelpText'),
    })
  },
})

async function context(tx: Tx, tenantId: string) {
  const [number, account] = await Promise.all([readNumber(tx, tenantId), readAccount(tx, tenantId)])
  return { number, suggestions: suggestAreaCodes({ zip: account.address?.zip, ownerMobile: account.ownerMobileE164 }) }
}

/** What the page shows: the row without its secrets, the area codes to offer, the holidays to list. */
export function numberView(number: NumberRow, suggestions: string[], federal: { date: string; name: string }[]) {
  const saved = number.provisionRequestedAt !== null || number.areaCode !== null
  const { portIn, ...shown } = number
  return {
    federal,
    suggestions:
      number.areaCode && !suggestions.includes(number.areaCode)
        ? [number.areaCode, ...suggestions].slice(0, 5)
        : suggestions,
    number: {
      ...shown,
      areaCode: number.areaCode ?? suggestions[0] ?? '',
      // Before the first save the federal holidays are preloaded.
      holidays: saved ? number.holidays : federal.map((h) => h.date),
      portIn: { phoneNumber: portIn?.phoneNumber ?? '', saved: Boolean(portIn?.accountNumber) },
      // A new number ("Change number") is on its way while its generation is ahead of the number's.
      changing: number.e164 !== null && (number.e164Generation ?? 0) < number.numberGeneration,
    },
  }
}

type SaveInput = {
  tenantId: string
  intent: 'autosave' | 'continue' | 'availability' | 'change'
  value: Partial<NumberFields>
  number: NumberRow
  suggestions: string[]
  /** The provider's list, for the availability button (null: it did not answer). */
  availability?: Availability | null
  changeTo: string
  stopHelpSent: boolean
}

/** What a valid submission of the Number page changes, or why it is refused. */
export function planNumberSave(o: SaveInput): SavePlan | Refusal {
  const { portIn: _portIn, startPortIn: _start, stopHelpText, ...value } = o.value
  const port = portInFields(o.tenantId, o.value, o.number)
  if ('errors' in port) return { status: 400, fieldErrors: port.errors }
  const fields: Record<string, unknown> = {
    ...value,
    ...port.fields,
    // An emptied "Write my own" goes back to the stock text.
    ...(o.stopHelpSent && { stopHelpText: stopHelpText ?? STOCK_STOP_HELP }),
    ...(value.areaCode && { preferredAreaCodes: o.suggestions }),
  }
  if (o.intent === 'availability') {
    if (!o.availability) return { status: 503, message: m('Provider busy; try again') }
    return { fields: { ...fields, availability: o.availability, availabilityCheckedAt: new Date() } }
  }
  if (o.intent === 'change') {
    if (!AREA_CODE.test(o.changeTo)) return { status: 400, message: m('Choose an area code for the new number.') }
    const { job } = provisionRequest(o.tenantId, o.number, true)!
    // The database refuses a change past the daily cap (OB429), in the save's transaction.
    return { fields, job, after: (tx) => requestNumberChange(tx, o.tenantId, o.changeTo) }
  }
  if (o.intent === 'continue') {
    if (!AREA_CODE.test(value.areaCode ?? o.number.areaCode ?? ''))
      return { status: 400, message: m('Choose an area code for the new number.') }
    const porting = (fields.startPortIn as boolean | undefined) ?? o.number.startPortIn
    const provision = porting ? null : provisionRequest(o.tenantId, o.number, false)
    return { fields: { ...fields, ...provision?.fields }, job: provision?.job }
  }
  return { fields }
}

type PortInResult = { errors: Record<string, string[]> } | { fields: Record<string, unknown> }

/**
 * Port-in fields are required only when the toggle is on. The account number and PIN are sealed
 * before they reach the database; a blank one keeps what was saved before (the page never shows them).
 */
export function portInFields(tenantId: string, value: Partial<NumberFields>, stored: NumberRow): PortInResult {
  if (value.startPortIn === undefined) return { fields: {} }
  if (!value.startPortIn) return { fields: { startPortIn: false, state: stored.e164 ? stored.state : null } }
  const errors: Record<string, string[]> = {}
  const phone = value.portIn?.phoneNumber ? parsePhoneNumberFromString(value.portIn.phoneNumber, 'US') : undefined
  const phoneNumber = phone?.isValid() && phone.countryCallingCode === '1' ? phone.number : stored.portIn?.phoneNumber
  if (value.portIn?.phoneNumber && !(phone?.isValid() && phone.countryCallingCode === '1'))
    errors['portIn.phoneNumber'] = [m('Enter the US number you want to move, e.g. (415) 555-0123')]
  else if (!phoneNumber) errors['portIn.phoneNumber'] = [m('Enter the number you want to move')]
  const accountNumber = value.portIn?.accountNumber
    ? seal(value.portIn.accountNumber, { tenantId, field: 'ob_number.port_in.accountNumber' })
    : stored.portIn?.accountNumber
  const pin = value.portIn?.pin
    ? seal(value.portIn.pin, { tenantId, field: 'ob_number.port_in.pin' })
    : stored.portIn?.pin
  if (!accountNumber) errors['portIn.accountNumber'] = [m('Enter the account number from your current phone company')]
  if (!pin) errors['portIn.pin'] = [m('Enter the port-out PIN from your current phone company')]
  if (Object.keys(errors).length) return { errors }
  return {
    fields: {
      startPortIn: true,
      portIn: { phoneNumber, accountNumber, pin },
      state: stored.e164 ? stored.state : 'Porting',
    },
  }
}

/**
 * The provision_number job for "Looks good" when there is no number yet (the job decides what to
 * buy when it runs, from what is saved), or for "Change number" (after ob_request_number_change).
 * Enqueued again while one waits, it replaces it and runs now: that is "try again".
 */
export function provisionRequest(
  tenantId: string,
  stored: NumberRow,
  change: boolean,
): { job: ReturnType<typeof jobFor>; fields: Record<string, unknown> } | null {
  if (!change && stored.e164) return null
  return {
    job: jobFor('provision_number', { tenantId }),
    fields: change ? {} : { provisionRequestedAt: new Date(), provisionError: null },
  }
}
