import { msg } from '../../core/i18n/languages'
import { translator } from '../../core/i18n/translate'
import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { SERVICES, TEMPLATES } from '../../core/data/services'
import { autoReply, formatHours, measure } from '../../app/lib/preview'
import { unknownTokens } from '../../app/schemas/tokens'
import { calmsgDefaults, planCalmsgSave } from '../../app/pages/calmsg.server'
import { VERTICALS } from '../../core/data/verticals'
import { CalmsgSchema, PriceRange } from '../../app/schemas/calmsg'
import { STOCK_STOP_HELP } from '../../app/schemas/number'

process.env.DATABASE_URL ??= 'postgres://unused@127.0.0.1:1/unused' // a Slack link is sealed: configuration is read, no connection made

const parse = (entries: [string, string][]) => {
  const fd = new FormData()
  for (const [k, v] of entries) fd.append(k, v)
  const s = parseWithZod(fd, { schema: CalmsgSchema.partial() })
  return s.status === 'success' ? { value: s.value } : { error: s.error }
}
const weekdays = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d, i) => [d, { open: i < 5, start: '08:00', end: '18:00' }]),
) as never

describe('Page 3 schema (spec STEP 3 unit cases)', () => {
  it('takes at most 3 services: a 4th is refused', () => {
    expect(parse(['a', 'b', 'c'].map((s) => ['topServices', s])).value?.topServices).toEqual(['a', 'b', 'c'])
    expect(parse(['a', 'b', 'c', 'd'].map((s) => ['topServices', s])).error).toEqual({
      topServices: ['Pick at most 3 services'],
    })
    // The page sends an empty topServices beside the chips, so "none ticked" is a field that is sent.
    expect(parseWithZod(new FormData(), { schema: CalmsgSchema.pick({ topServices: true }) }).reply().error).toEqual({
      topServices: ['Pick at least one service'],
    })
    expect(
      parse([
        ['topServices', 'a'],
        ['topServices', 'A'],
      ]).error,
    ).toEqual({ topServices: ['Each service once'] })
    expect(parse([['topServices', 'a.b']]).error?.['topServices[0]']).toBeDefined()
  })

  it('accepts a price range with a null min or max, stores the currency, and refuses min > max, cents and > $100,000', () => {
    expect(PriceRange.parse({ min: '', max: '450' })).toEqual({ min: null, max: 450, currency: 'USD' })
    expect(PriceRange.parse({ min: '$1,500' })).toEqual({ min: 1500, max: null, currency: 'USD' })
    expect(PriceRange.parse({})).toEqual({ min: null, max: null, currency: 'USD' })
    expect(
      parse([
        ['priceRanges.Leak repair.min', '600'],
        ['priceRanges.Leak repair.max', '150'],
      ]).error,
    ).toEqual({ 'priceRanges.Leak repair.max': ['The most must not be below the least'] })
    expect(parse([['priceRanges.Leak repair.min', '99.50']]).error).toEqual({
      'priceRanges.Leak repair.min': ['Enter whole dollars'],
    })
    expect(parse([['priceRanges.Leak repair.max', '100001']]).error).toEqual({
      'priceRanges.Leak repair.max': [msg('At most {{price}}', { price: '$100,000' })],
    })
    expect(parse([['priceRanges.Leak repair.max', 'lots']]).error).toEqual({
      'priceRanges.Leak repair.max': ['Enter whole dollars'],
    })
  })

  it('takes a Slack link only over https on hooks.slack.com/services/', () => {
    const ok = 'https://hooks.slack.com/services/T0001/B0001/abcdef'
    expect(parse([['slackWebhookUrl', ok]]).value?.slackWebhookUrl).toBe(ok)
    for (const bad of [
      'http://hooks.slack.com/services/T0001/B0001/abcdef',
      'https://hooks.slack.com.evil.example/services/T1/B1/x',
      'https://evil.example/?https://hooks.slack.com/services/T1',
      'https://hooks.slack.com/workflows/T1/A1',
      `${ok}/${'x'.repeat(300)}`,
    ]) {
      expect(parse([['slackWebhookUrl', bad]]).error?.slackWebhookUrl, bad).toBeDefined()
    }
  })

  it('refuses unknown tokens and stray braces in the templates, with their names', () => {
    expect(unknownTokens('{displayName}: {service} {services} {hours}')).toEqual([])
    expect(unknownTokens('Hi {displayname} {name}')).toEqual(['{displayname}', '{name}'])
    expect(unknownTokens('Hi {displayName')).toEqual(['a lone { or }'])
    const error = parse([
      ['templates.title', 'Hi {name}'],
      ['templates.description', 'ok'],
    ]).error
    expect(translator('en').msg(error?.['templates.title']?.[0] ?? '')).toMatch(
      /^We cannot fill \{name\}; use \{displayName\}/,
    )
  })

  it('keeps alert lists to 5 valid, distinct entries; numbers stored in E.164', () => {
    expect(
      parse([
        ['opsSms', '(415) 555-0123'],
        ['opsSms', ''],
      ]).value?.opsSms,
    ).toEqual(['+14155550123'])
    expect(parse([['opsSms', '555']]).error?.['opsSms[0]']).toBeDefined()
    expect(
      parse([
        ['opsEmails', 'a@example.com'],
        ['opsEmails', 'A@Example.com'],
      ]).error,
    ).toEqual({ opsEmails: ['Each address once'] })
    expect(
      parse(Array.from({ length: 6 }, (_, i) => ['opsEmails', `o${i}@example.com`] as [string, string])).error,
    ).toEqual({ opsEmails: ['At most 5 email addresses'] })
  })
})

describe('the text preview', () => {
  it('resolves tokens with the name, the services (in a sentence) and the hours, then the STOP/HELP line', () => {
    const text = autoReply({
      template: { title: '{displayName}: sorry!', description: 'Need {service}? We do {services}. Hours: {hours}.' },
      lang: 'en',
      displayName: 'Rivera Plumbing',
      services: ['Drain cleaning', 'AC repair', 'Leak repair'],
      hours: weekdays,
      stopHelpText: STOCK_STOP_HELP,
    })
    expect(text).toBe(
      `Rivera Plumbing: sorry!\nNeed drain cleaning? We do drain cleaning, AC repair and leak repair. Hours: Mon-Fri 8am-6pm.\n${STOCK_STOP_HELP}`,
    )
    expect(formatHours(weekdays, 'es')).toBe('lun-vie 8am-6pm')
  })

  it('counts GSM-7 segments at 160/153 and UCS-2 at 70/67', () => {
    const cases: [string, number][] = [
      ['a'.repeat(160), 1],
      ['a'.repeat(161), 2],
      ['a'.repeat(306), 2],
      ['a'.repeat(307), 3],
      ['é'.repeat(160), 1],
    ]
    for (const [text, segments] of cases)
      expect(measure(text), `${text.length}`).toMatchObject({ encoding: 'GSM-7', segments })
    const ucs: [string, number][] = [
      ['á'.repeat(70), 1],
      ['á'.repeat(71), 2],
      ['á'.repeat(134), 2],
      ['á'.repeat(135), 3],
    ]
    for (const [text, segments] of ucs)
      expect(measure(text), `${text.length}`).toMatchObject({ encoding: 'UCS-2', segments, characters: text.length })
    expect(measure('Hours: Mon–Fri').encoding).toBe('UCS-2') // why the preview writes hours with hyphens
  })
})

describe('the catalogue and the defaults', () => {
  it('has about eight services with typical prices and Spanish names for every trade the Account page offers', () => {
    for (const [vertical] of VERTICALS) {
      const services = SERVICES[vertical]
      expect(services.length, vertical).toBeGreaterThanOrEqual(6)
      for (const s of services) {
        expect(s.name, vertical).toMatch(/^[^.[\]]{1,60}$/)
        expect(s.min).toBeLessThanOrEqual(s.max)
        expect(PriceRange.safeParse({ min: String(s.min), max: String(s.max) }).success).toBe(true)
        expect(s.es.length).toBeGreaterThan(0)
      }
      expect(new Set(services.map((s) => s.name.toLowerCase())).size).toBe(services.length)
    }
  })

  it('prefills, for every trade, an English reply that fits 2 GSM-7 segments with the longest services, and tokens we can fill', () => {
    for (const [vertical] of VERTICALS) {
      const t = TEMPLATES[vertical]
      for (const part of [t.en.title, t.en.description, t.es.title, t.es.description])
        expect(unknownTokens(part)).toEqual([])
      const longest = [...SERVICES[vertical]].sort((a, b) => b.name.length - a.name.length).map((s) => s.name)
      const text = autoReply({
        template: t.en,
        lang: 'en',
        displayName: 'X'.repeat(40),
        services: longest.slice(0, 3),
        hours: weekdays,
        stopHelpText: STOCK_STOP_HELP,
      })
      expect(measure(text), `${vertical}: ${text}`).toMatchObject({ encoding: 'GSM-7' })
      expect(measure(text).segments, vertical).toBeLessThanOrEqual(2)
    }
  })
})

describe('what a save of Page 3 changes', () => {
  const account = {
    vertical: 'plumbing',
    ownerEmail: 'o@example.com',
    ownerMobileE164: '+14155550123',
    displayName: 'Rivera',
  } as never
  const stored = {
    ...calmsgDefaults(account),
    calendarProvider: 'google',
    calendarConnected: false,
    calendarLaterAt: null,
    slackWebhookUrl: null,
    lastSavedAt: new Date(),
  } as never
  const plan = (intent: 'autosave' | 'continue' | 'slackTest', value: object, calmsg = stored) =>
    planCalmsgSave({ tenantId: crypto.randomUUID(), intent, value, calmsg, account })

  it('Continue with Google not connected records "connect it later"; with none it does not', () => {
    expect(plan('continue', { calendarProvider: 'google', topServices: ['Leak repair'] })).toMatchObject({
      fields: { calendarLaterAt: expect.any(Date) },
    })
    expect((plan('continue', { calendarProvider: 'none' }) as { fields: object }).fields).not.toHaveProperty(
      'calendarLaterAt',
    )
    expect((plan('autosave', { calendarProvider: 'google' }) as { fields: object }).fields).not.toHaveProperty(
      'calendarLaterAt',
    )
  })

  it('keeps prices of services still chosen, adds the typical one for a new service, drops the rest', () => {
    const p = plan('autosave', { topServices: ['Leak repair', 'Sewer line repair'] }) as {
      fields: { priceRanges: object }
    }
    expect(p.fields.priceRanges).toEqual({
      'Leak repair': { min: 150, max: 600, currency: 'USD' },
      'Sewer line repair': { min: 1000, max: 4500, currency: 'USD' },
    })
  })

  it('refuses a Slack test without a link, and enqueues the job with one', () => {
    expect(plan('slackTest', {})).toEqual({
      status: 400,
      fieldErrors: { slackWebhookUrl: ['Paste your Slack link first, then send the test'] },
    })
    const p = plan('slackTest', { slackWebhookUrl: 'https://hooks.slack.com/services/T1/B1/x' }) as {
      job: { task: string; key: string }
    }
    expect(p.job.task).toBe('slack_test_message')
    expect(p.job.key).toMatch(/^ob:slack:/)
  })
})
