import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { areaCodeForZip, suggestAreaCodes } from '../../core/area-codes.server'
import { federalHolidays } from '../../app/lib/holidays.server'
import { NumberSchema } from '../../app/schemas/number'
import { Webhooks } from '../../platform/providers/provisioning.schema'

const parse = (entries: [string, string][]) => {
  const fd = new FormData()
  for (const [k, v] of entries) fd.append(k, v)
  const s = parseWithZod(fd, { schema: NumberSchema })
  return s.status === 'success' ? { value: s.value } : { error: s.error }
}
const basic: [string, string][] = [
  ['areaCode', '415'],
  ['hours.start', '08:00'],
  ['hours.end', '18:00'],
  ['hours.weekends', 'off'],
  ['serviceRadiusMi', '15'],
]

describe('Number schema', () => {
  it('stores hours Mon–Fri 08:00–18:00 with weekends off by default, and windows at their defaults', () => {
    const { value } = parse(basic)
    expect(value?.hours.mon).toEqual({ open: true, start: '08:00', end: '18:00' })
    expect(value?.hours.fri).toEqual({ open: true, start: '08:00', end: '18:00' })
    expect(value?.hours.sat.open).toBe(false)
    expect(value?.hours.sun.open).toBe(false)
    expect(value).toMatchObject({
      ringWindowSec: 20,
      ownerWindowSec: 60,
      afterHoursMode: 'AIOnly',
      serviceRadiusMi: 15,
    })
    expect(parse([...basic, ['hours.weekends', 'on']]).value?.hours.sat.open).toBe(true)
  })

  it('keeps ownerWindowSec within 30–180 and the radius within 1–100', () => {
    expect(parse([...basic, ['ownerWindowSec', '29']]).error).toEqual({ ownerWindowSec: ['At least 30 seconds'] })
    expect(parse([...basic, ['ownerWindowSec', '181']]).error).toEqual({ ownerWindowSec: ['At most 180 seconds'] })
    expect(parse([...basic, ['ownerWindowSec', '30']]).value?.ownerWindowSec).toBe(30)
    expect(parse([...basic.slice(0, 4), ['serviceRadiusMi', '0']]).error).toEqual({
      serviceRadiusMi: ['At least 1 mile'],
    })
  })

  it('wants a 3-digit numeric area code', () => {
    for (const bad of ['41', '4155', 'abc', '015', '115'])
      expect(parse([['areaCode', bad], ...basic.slice(1)]).error).toHaveProperty('areaCode')
  })

  it('wants closing after opening, per day too', () => {
    expect(
      parse([
        ['areaCode', '415'],
        ['hours.start', '18:00'],
        ['hours.end', '08:00'],
        ['serviceRadiusMi', '15'],
      ]).error,
    ).toEqual({ 'hours.end': ['Closing time must be after opening time'] })
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].flatMap((d): [string, string][] => [
      [`hours.days.${d}.open`, 'on'],
      [`hours.days.${d}.start`, '09:00'],
      [`hours.days.${d}.end`, d === 'sat' ? '08:00' : '17:00'],
    ])
    expect(parse([...basic, ['hours.custom', 'on'], ...days]).error).toEqual({
      'hours.days.sat.end': ['Closing time must be after opening time'],
    })
  })

  it('checks holidays and the STOP/HELP text', () => {
    expect(
      parse([...basic, ['holidays', ''], ['holidays', '2026-12-25'], ['holidays', '2026-12-25']]).value?.holidays,
    ).toEqual(['2026-12-25'])
    expect(parse([...basic, ['holidays', '2026-02-30']]).error).toEqual({
      'holidays[0]': ['Use dates like 2026-12-25'],
    })
    expect(parse([...basic, ['stopHelpText', 'Text us anytime!']]).error).toEqual({
      stopHelpText: ['Carriers require the words STOP and HELP'],
    })
  })
})

describe('Provisioning webhooks', () => {
  const ok = {
    smsWebhookUrl: 'https://hooks.example/sms',
    voiceUrl: 'https://hooks.example/voice',
    statusCallbackUrl: 'https://hooks.example/status',
  }
  it('accept https URLs with exactly one of voiceUrl and voiceAppSid', () => {
    expect(Webhooks.safeParse(ok).success).toBe(true)
    expect(Webhooks.safeParse({ ...ok, voiceUrl: undefined, voiceAppSid: `AP${'a'.repeat(32)}` }).success).toBe(true)
    expect(Webhooks.safeParse({ ...ok, voiceAppSid: `AP${'a'.repeat(32)}` }).error?.issues[0].message).toBe(
      'set exactly one of voiceUrl and voiceAppSid',
    )
    expect(Webhooks.safeParse({ ...ok, voiceUrl: undefined }).error?.issues[0].message).toBe(
      'set exactly one of voiceUrl and voiceAppSid',
    )
  })
  it('refuse http, credentials and secrets in query strings', () => {
    expect(Webhooks.safeParse({ ...ok, smsWebhookUrl: 'http://hooks.example/sms' }).error?.issues[0].message).toBe(
      'smsWebhookUrl must be an https:// URL',
    )
    expect(Webhooks.safeParse({ ...ok, voiceUrl: 'https://hooks.example/v?token=abc' }).error?.issues[0].message).toBe(
      'voiceUrl must not carry secrets in its query string',
    )
    expect(
      Webhooks.safeParse({ ...ok, statusCallbackUrl: 'https://u:p@hooks.example/s' }).error?.issues[0].message,
    ).toBe('statusCallbackUrl must not carry a user or password')
    expect(Webhooks.safeParse({ ...ok, smsWebhookUrl: 'https://hooks.example/sms?tenant=1' }).success).toBe(true)
  })
})

describe('area-code suggestions (offline data)', () => {
  it('find the right codes for real places, overlays included', () => {
    expect(suggestAreaCodes({ zip: '10001' }).slice(0, 4)).toEqual(['212', '646', '332', '917'])
    expect(suggestAreaCodes({ zip: '94103' }).slice(0, 2)).toEqual(['415', '628'])
    expect(suggestAreaCodes({ zip: '60601' }).slice(0, 2)).toEqual(['312', '872'])
    expect(suggestAreaCodes({ zip: '80202' }).slice(0, 3)).toEqual(['303', '720', '983'])
    expect(suggestAreaCodes({ zip: '33101' }).slice(0, 3)).toEqual(['305', '786', '645'])
    expect(areaCodeForZip('98101')).toBe('206')
    expect(areaCodeForZip('78701')).toBe('512')
  })
  it('rank the address, then the owner mobile, then nearby; at most five', () => {
    const list = suggestAreaCodes({ zip: '10001', ownerMobile: '+14155550123' })
    expect(list).toEqual(['212', '415', '646', '332', '917'])
    expect(suggestAreaCodes({ ownerMobile: '(312) 555-0147' })[0]).toBe('312')
    expect(suggestAreaCodes({ zip: '00000', ownerMobile: 'garbage' })).toEqual([])
  })
})

describe('federalHolidays', () => {
  it('lists this year and next with observed dates, including New Year 2028 observed on 2027-12-31', () => {
    const dates = federalHolidays(new Date('2026-11-23T12:00:00Z')).map((h) => h.date)
    expect(dates).toContain('2026-07-03')
    expect(dates).toContain('2027-06-18')
    expect(dates).toContain('2027-12-31')
    expect(dates).not.toContain('2028-01-01')
    expect(dates).toHaveLength(23)
  })
})
