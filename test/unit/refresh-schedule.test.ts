import { describe, expect, it } from 'vitest'
import { nextRefreshSeconds } from '../../tasks/a2p_refresh'

// The refresher's fallback schedule (issue 19, part 3): status events refresh at once, so polling
// only catches what they miss: backing off to hourly within the first hour, daily after 3 days,
// and stopping after 30 days in review.
const H = 3_600_000
describe('the registration refresher polls less as the review goes on', () => {
  it('doubles from the base up to an hour during the first hour', () => {
    expect([0, 1, 2, 3].map((a) => nextRefreshSeconds(60_000, a, 60))).toEqual([60, 120, 240, 480])
    expect(nextRefreshSeconds(30 * 60_000, 12, 60)).toBe(3600)
  })
  it('is hourly from the first hour, daily from the third day, and stops at 30 days', () => {
    expect(nextRefreshSeconds(1 * H, 0, 60)).toBe(3600)
    expect(nextRefreshSeconds(71 * H, 0, 60)).toBe(3600)
    expect(nextRefreshSeconds(72 * H, 0, 60)).toBe(86_400)
    expect(nextRefreshSeconds(30 * 24 * H - 1, 0, 60)).toBe(86_400)
    expect(nextRefreshSeconds(30 * 24 * H, 0, 60)).toBeNull()
  })
  it('asks the provider at most about 24 times a tenant-day after the first hour', () => {
    // 100k tenants in review for a week, each hourly then daily: the requests a day.
    const perDay = (inReviewHours: number) => (24 * 3600) / nextRefreshSeconds(inReviewHours * H, 20, 60)!
    expect(perDay(2)).toBe(24)
    expect(perDay(100)).toBe(1)
  })
})
