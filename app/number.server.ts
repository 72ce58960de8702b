import { randomUUID } from 'node:crypto'
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import type { NumberRow } from '../db/number.server'
import type { Job } from '../db/save.server'
import { provisionKey, type ProvisionPayload } from '../tasks/provision_number'
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
 * The provision_number job for "Looks good" (when there is no number and none is on its way) or
 * "Change number". A new key (ob:prov:<tenantId>:<n>) whenever the request differs from the last
 * one: the provider refuses a key reused with another body.
 */
export function provisionRequest(tenantId: string, stored: NumberRow, areaCode: string, change: boolean): { job: Job; fields: Record<string, unknown> } | null {
  const waiting = stored.provisionRequestedAt && !stored.provisionError
  if (!change && (stored.e164 || waiting)) return null
  const again = change || (stored.provisionRequestedAt && (stored.provisionError === 'unavailable' || stored.areaCode !== areaCode))
  const generation = stored.numberGeneration + (again ? 1 : 0)
  const payload: ProvisionPayload = { tenantId, areaCode, generation, correlationId: randomUUID() }
  return {
    job: { task: 'provision_number', payload, key: provisionKey(tenantId, generation) },
    fields: { numberGeneration: generation, provisionRequestedAt: new Date(), provisionError: null },
  }
}
