import { describe, expect, it } from 'vitest'
import type { NumberRow } from '../../db/number.server'

process.env.DATABASE_URL ??= 'postgres://unused@127.0.0.1:1/unused' // configuration is read, no connection made
const { numberView, planNumberSave, portInFields, provisionRequest } = await import('~/pages/number.server')
const { hoursFormValue, STOCK_STOP_HELP } = await import('~/schemas/number')
const { unseal } = await import('../../platform/crypto.server')

const day = (open: boolean, start = '08:00', end = '18:00') => ({ open, start, end })
const weekdays = {
  mon: day(true),
  tue: day(true),
  wed: day(true),
  thu: day(true),
  fri: day(true),
  sat: day(false),
  sun: day(false),
}
const row = (o: Partial<NumberRow> = {}): NumberRow => ({
  areaCode: null,
  preferredAreaCodes: [],
  hours: weekdays,
  serviceRadiusMi: 15,
  ringWindowSec: 20,
  ownerWindowSec: 60,
  afterHoursMode: 'AIOnly',
  holidays: [],
  stopHelpText: STOCK_STOP_HELP,
  startPortIn: false,
  portIn: null,
  state: null,
  provisionRequestedAt: null,
  provisionError: null,
  availability: null,
  availabilityCheckedAt: null,
  e164: null,
  providerSid: null,
  capabilities: null,
  correlationId: null,
  numberGeneration: 0,
  e164Generation: null,
  ...o,
})
const tenantId = '7ce49ebc-f59d-43b0-8b61-e6652aabc917'
const plan = (o: Partial<Parameters<typeof planNumberSave>[0]>) =>
  planNumberSave({
    tenantId,
    intent: 'autosave',
    value: {},
    number: row(),
    suggestions: ['415', '628'],
    changeTo: '',
    stopHelpSent: false,
    ...o,
  })

describe('the Number page module', () => {
  it('"Looks good" without a number enqueues the tenant\'s one provisioning job and keeps the owner waiting on it', () => {
    const p = plan({ intent: 'continue', value: { areaCode: '415' } })
    expect(p).toMatchObject({
      fields: {
        areaCode: '415',
        preferredAreaCodes: ['415', '628'],
        provisionError: null,
        provisionRequestedAt: expect.any(Date),
      },
      job: {
        task: 'provision_number',
        key: `ob:prov:${tenantId}`,
        queue: `ob:prov:${tenantId}`,
        payload: { tenantId, correlationId: expect.any(String) },
      },
    })
  })

  it('"Looks good" with a number in place, or while porting, buys nothing', () => {
    expect(
      plan({ intent: 'continue', value: { areaCode: '415' }, number: row({ e164: '+14155550100' }) }),
    ).not.toHaveProperty('job', expect.anything())
    expect(
      plan({ intent: 'continue', value: { areaCode: '415' }, number: row({ startPortIn: true }) }),
    ).not.toHaveProperty('job', expect.anything())
  })

  it('"Change number" needs an area code, then asks the database within the save and enqueues the job', () => {
    expect(plan({ intent: 'change', changeTo: '12' })).toEqual({
      status: 400,
      message: 'Choose an area code for the new number.',
    })
    const p = plan({ intent: 'change', changeTo: '628', number: row({ e164: '+14155550100' }) })
    expect(p).toMatchObject({ job: { task: 'provision_number' }, after: expect.any(Function) })
  })

  it("the availability button saves the provider's list, or says the provider is busy", () => {
    expect(plan({ intent: 'availability', availability: null })).toEqual({
      status: 503,
      message: 'Provider busy; try again',
    })
    expect(plan({ intent: 'availability', availability: [{ areaCode: '415', available: 3 }] })).toMatchObject({
      fields: { availability: [{ areaCode: '415', available: 3 }] },
    })
  })

  it('an emptied opt-out line goes back to the stock text; a typed one is kept', () => {
    expect(plan({ stopHelpSent: true, value: {} })).toEqual({ fields: { stopHelpText: STOCK_STOP_HELP } })
    expect(plan({ stopHelpSent: true, value: { stopHelpText: 'Text STOP to end, HELP for help.' } })).toEqual({
      fields: { stopHelpText: 'Text STOP to end, HELP for help.' },
    })
  })

  it('port-in: required only with its toggle, phone to E.164, account number and PIN sealed, a blank one keeps the saved', () => {
    expect(portInFields(tenantId, { startPortIn: false }, row({ e164: '+14155550100', state: 'Configured' }))).toEqual({
      fields: { startPortIn: false, state: 'Configured' },
    })
    expect(portInFields(tenantId, { startPortIn: true, portIn: { phoneNumber: '123' } }, row())).toEqual({
      errors: {
        'portIn.phoneNumber': ['Enter the US number you want to move, e.g. (415) 555-0123'],
        'portIn.accountNumber': ['Enter the account number from your current phone company'],
        'portIn.pin': ['Enter the port-out PIN from your current phone company'],
      },
    })
    const sealed = portInFields(
      tenantId,
      { startPortIn: true, portIn: { phoneNumber: '(415) 555-0199', accountNumber: 'ACCT-1', pin: '4321' } },
      row(),
    )
    if (!('fields' in sealed)) throw new Error('refused')
    const portIn = sealed.fields.portIn as { phoneNumber: string; accountNumber: string; pin: string }
    expect(portIn.phoneNumber).toBe('+14155550199')
    expect([
      unseal(portIn.accountNumber, { tenantId, field: 'ob_number.port_in.accountNumber' }),
      unseal(portIn.pin, { tenantId, field: 'ob_number.port_in.pin' }),
    ]).toEqual(['ACCT-1', '4321'])
    expect(sealed.fields.state).toBe('Porting')
    const kept = portInFields(tenantId, { startPortIn: true, portIn: {} }, row({ portIn }))
    expect('fields' in kept && kept.fields.portIn).toEqual(portIn)
  })

  it('provisionRequest: none for "Looks good" once there is a number; always for a change', () => {
    expect(provisionRequest(tenantId, row({ e164: '+14155550100' }), false)).toBeNull()
    expect(provisionRequest(tenantId, row({ e164: '+14155550100' }), true)?.fields).toEqual({})
  })

  it('what the page shows: no secrets, federal holidays until the first save, the suggestions, a change on its way', () => {
    const federal = [{ date: '2026-12-25', name: 'Christmas Day' }]
    const view = numberView(
      row({ portIn: { phoneNumber: '+14155550199', accountNumber: 'v1:x', pin: 'v1:y' } }),
      ['415'],
      federal,
    )
    expect(JSON.stringify(view)).not.toMatch(/v1:/)
    expect(view.number).toMatchObject({
      areaCode: '415',
      holidays: ['2026-12-25'],
      portIn: { phoneNumber: '+14155550199', saved: true },
      changing: false,
    })
    expect(numberView(row({ areaCode: '212', holidays: [] }), ['415'], federal)).toMatchObject({
      suggestions: ['212', '415'],
      number: { holidays: [] },
    })
    expect(
      numberView(row({ e164: '+14155550100', e164Generation: 0, numberGeneration: 1 }), [], federal).number.changing,
    ).toBe(true)
  })

  it('hours as the form shows them: compact when every day follows the weekdays, else a row per day', () => {
    expect(hoursFormValue(weekdays)).toMatchObject({ start: '08:00', end: '18:00', weekends: 'off', custom: 'off' })
    expect(hoursFormValue({ ...weekdays, sat: day(true), sun: day(true) })).toMatchObject({
      weekends: 'on',
      custom: 'off',
    })
    expect(hoursFormValue({ ...weekdays, fri: day(true, '08:00', '14:00') })).toMatchObject({
      custom: 'on',
      days: { fri: { open: 'on', end: '14:00' } },
    })
  })
})
