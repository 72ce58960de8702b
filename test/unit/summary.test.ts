import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Summary } from '../../app/components/summary'

// What the summary says as an owner reads it (issue 20, part 5): the time zone by its name, and
// the holidays of the next 12 months (the snapshot holds this year's and next year's).
const day = (open: boolean) => ({ open, start: '08:00', end: '17:00' })
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)
const snapshot = (timezone: string, holidays: string[]) => ({
  account: { displayName: 'Rivera Plumbing', vertical: 'plumbing', ownerEmail: null, timezone },
  number: {
    e164: null,
    state: null,
    hours: {
      mon: day(true),
      tue: day(true),
      wed: day(true),
      thu: day(true),
      fri: day(true),
      sat: day(false),
      sun: day(false),
    },
    holidays,
    portIn: { requested: false, phoneNumber: null },
  },
  calmsg: {
    calendarProvider: 'none',
    calendarConnected: false,
    calendarAccountEmail: null,
    calendarLater: false,
    topServices: [],
    priceRanges: {},
    bilingual: false,
  },
  a2p: {
    legalBusinessName: null,
    brandPhase: null,
    campaignPhase: null,
    bindingPhase: null,
    submittedAt: null,
    timeline: [],
  },
  flow: { textingEligible: false },
})
const text = (s: ReturnType<typeof snapshot>) =>
  renderToStaticMarkup(createElement(Summary, { snapshot: s as never })).replaceAll('<!-- -->', '')

describe('the summary', () => {
  it('names the time zone as owners do', () => {
    expect(text(snapshot('America/Los_Angeles', []))).toContain('Pacific Time')
    expect(text(snapshot('America/Los_Angeles', []))).not.toContain('America/Los_Angeles')
    expect(text(snapshot('America/New_York', []))).toContain('Eastern Time')
  })

  it('counts the holidays of the next 12 months only', () => {
    expect(text(snapshot('America/New_York', [inDays(-30), inDays(10), inDays(200), inDays(400)]))).toContain(
      'closed on 2 holidays in the next 12 months',
    )
    expect(text(snapshot('America/New_York', [inDays(-30)]))).not.toContain('holidays')
  })
})
