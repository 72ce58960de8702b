import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { redactUrl } from '../../server/log'
import { routeOf } from '../../server/metrics'

describe('what a log line and a metric label show of a URL', () => {
  it('the values of secret query parameters are redacted, every other part kept', () => {
    expect(redactUrl('/onboarding/calmsg/callback?code=4/0Ab-x&state=s3cr3t&scope=email')).toBe(
      '/onboarding/calmsg/callback?code=[Redacted]&state=[Redacted]&scope=email',
    )
    expect(redactUrl('/mail/reminders-off?t=abc.def')).toBe('/mail/reminders-off?t=[Redacted]')
    expect(redactUrl('/onboarding?__clerk_handshake=eyJ&code=1&code=2')).toBe(
      '/onboarding?__clerk_handshake=[Redacted]&code=[Redacted]',
    )
    expect(redactUrl('/onboarding/account?_data=routes%2Fonboarding.account')).toBe(
      '/onboarding/account?_data=routes%2Fonboarding.account',
    )
    expect(redactUrl('/onboarding/account')).toBe('/onboarding/account')
  })

  it('a route is one label value per page, never one per tenant or file', () => {
    expect(routeOf('/onboarding/account?_data=x')).toBe('/onboarding/account')
    expect(routeOf('/p/9b2f6c1e-0000-4000-8000-000000000000/privacy')).toBe('/p/:tenant/privacy')
    expect(routeOf('/uploads/logo-1234.png')).toBe('/uploads/:name')
    expect(routeOf('/assets/entry.client-ABC.js')).toBe('/assets/*')
    expect(routeOf(`/${'a'.repeat(200)}`)).toBe('other')
    expect(routeOf('/wp-admin/<script>')).toBe('other')
    expect(routeOf('/onboarding/')).toBe('/onboarding')
    expect(routeOf('/onboarding/calmsg/callback?code=x')).toBe('/onboarding/calmsg/callback')
    expect(routeOf('/')).toBe('/')
    for (const probe of ['/wp-login.php', '/.env', '/onboarding/../etc/passwd', '/onboarding/9b2f6c1e'])
      expect(routeOf(probe)).toBe('other')
  })

  it('every route of app/routes has a label of its own', () => {
    const paths = readdirSync('app/routes').map(
      (f) =>
        `/${f
          .replace(/\.tsx?$/, '')
          .replace(/(^|\.)_index$/, '')
          .replaceAll('.', '/')
          .replace('$tenant', crypto.randomUUID())
          .replace('$name', 'logo.png')}`,
    )
    expect(paths.length).toBeGreaterThan(15)
    for (const path of paths) expect(routeOf(path), path).not.toBe('other')
  })
})
