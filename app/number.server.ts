import { randomUUID } from 'node:crypto'
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import type { NumberRow } from '../db/number.server'
import type { Job } from '../db/save.server'
import { provisionJob } from '../tasks/provision_number'
import { seal } from './crypto.server'
import type { NumberFields } from './schemas/number'

// The Number action's helpers: port-in details (checked, then sealed) and the provisioning job.

type PortInResult = { errors: Record<string, string[]> } | { fields: Record<string, unknown> }

/**
 * Port-in fields are required only when the toggle is on. The account number and PIN are sealed
 * before they reach the database; a blank one keeps what was saved before (the page never shows them).
 */
export function portInFields(value: Partial<NumberFields>, stored: NumberRow): PortInResult {
  if (value.startPortIn === undefined) return { fields: {} }
  if (!value.startPortIn) return { fields: { startPortIn: false, state: stored.e164 ? stored.state : null } }
  const errors: Record<string, string[]> = {}
  const phone = value.portIn?.phoneNumber ? parsePhoneNumberFromString(value.portIn.phoneNumber, 'US') : undefined
  const phoneNumber = phone?.isValid() && phone.countryCallingCode === '1' ? phone.number : stored.portIn?.phoneNumber
  if (value.portIn?.phoneNumber && !(phone?.isValid() && phone.countryCallingCode === '1')) errors['portIn.phoneNumber'] = ['Enter the US number you want to move, e.g. (415) 555-0123']
  else if (!phoneNumber) errors['portIn.phoneNumber'] = ['Enter the number you want to move']
  const accountNumber = value.portIn?.accountNumber ? seal(value.portIn.accountNumber) : stored.portIn?.accountNumber
  const pin = value.portIn?.pin ? seal(value.portIn.pin) : stored.portIn?.pin
  if (!accountNumber) errors['portIn.accountNumber'] = ['Enter the account number from your current phone company']
  if (!pin) errors['portIn.pin'] = ['Enter the port-out PIN from your current phone company']
  if (Object.keys(errors).length) return { errors }
  return { fields: { startPortIn: true, portIn: { phoneNumber, accountNumber, pin }, state: stored.e164 ? stored.state : 'Porting' } }
}

/**
 * The provision_number job for "Looks good" when there is no number yet (the job decides what to
 * buy when it runs, from what is saved), or for "Change number" (after ob_request_number_change).
 * Enqueued again while one waits, it replaces it and runs now: that is "try again".
 */
export function provisionRequest(tenantId: string, stored: NumberRow, change: boolean): { job: Job; fields: Record<string, unknown> } | null {
  if (!change && stored.e164) return null
  return {
    job: provisionJob({ tenantId, correlationId: randomUUID() }),
    fields: change ? {} : { provisionRequestedAt: new Date(), provisionError: null },
  }
}
