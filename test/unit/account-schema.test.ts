import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { VERTICALS } from '../../core/data/verticals'
import { AccountBasic, AccountSchema } from '../../app/schemas/account'
import { pickSubmitted } from '../../app/schemas/submitted'

const form = (entries: [string, string | File][]) => {
  const fd = new FormData()
  for (const [k, v] of entries) fd.append(k, v)
  return fd
}
const errors = (fd: FormData, schema = AccountBasic) => {
  const s = parseWithZod(fd, { schema })
  return s.status === 'success' ? null : s.error
}

describe('Account Basic schema', () => {
  it('accepts the prefilled values and trims the name', () => {
    const s = parseWithZod(
      form([
        ['displayName', '  Rivera Plumbing '],
        ['vertical', 'plumbing'],
      ]),
      { schema: AccountBasic },
    )
    expect(s.status === 'success' && s.value).toEqual({ displayName: 'Rivera Plumbing', vertical: 'plumbing' })
  })

  it('requires both Basic fields, with plain messages', () => {
    expect(errors(form([]))).toEqual({
      displayName: ['Enter your business name'],
      vertical: ['Choose what kind of work you do'],
    })
    expect(
      errors(
        form([
          ['displayName', '   '],
          ['vertical', 'plumbing'],
        ]),
      ),
    ).toEqual({ displayName: ['Enter your business name'] })
  })

  it('refuses an unknown vertical, a 10 kB name, a file and repeated values', () => {
    expect(
      errors(
        form([
          ['displayName', 'A'],
          ['vertical', 'astrology'],
        ]),
      ),
    ).toEqual({ vertical: ['Choose what kind of work you do'] })
    expect(
      errors(
        form([
          ['displayName', 'x'.repeat(10_000)],
          ['vertical', 'hvac'],
        ]),
      ),
    ).toEqual({ displayName: ['Keep the name under 100 characters'] })
    expect(
      errors(
        form([
          ['displayName', new File(['x'], 'x.txt')],
          ['vertical', 'hvac'],
        ]),
      )?.displayName,
    ).toHaveLength(1)
    expect(
      errors(
        form([
          ['displayName', 'A'],
          ['displayName', 'B'],
          ['vertical', 'hvac'],
        ]),
      )?.displayName,
    ).toHaveLength(1)
  })

  it('labels every vertical and ends with a catch-all', () => {
    expect(VERTICALS.at(-1)?.[0]).toBe('other')
    expect(VERTICALS.every(([, label]) => label.length > 0)).toBe(true)
  })
})

describe('pickSubmitted (autosave)', () => {
  it('validates only the fields that were sent', () => {
    const fd = form([['vertical', 'roofing']])
    const s = parseWithZod(fd, { schema: pickSubmitted(AccountSchema, fd) })
    expect(s.status === 'success' && s.value).toEqual({ vertical: 'roofing' })
  })

  it('still refuses a field sent empty', () => {
    const fd = form([['displayName', '']])
    expect(errors(fd, pickSubmitted(AccountSchema, fd) as never)).toEqual({ displayName: ['Enter your business name'] })
  })

  it('ignores names that are not fields, and counts nested names for their field', () => {
    const fd = form([
      ['intent', 'autosave'],
      ['version', '3'],
      ['displayName.first', 'x'],
    ])
    const picked = pickSubmitted(AccountSchema, fd) as unknown as { shape: Record<string, unknown> }
    expect(Object.keys(picked.shape)).toEqual(['displayName'])
  })

  it("builds a picked schema once per set of fields, whatever their order, and Continue's apart", () => {
    const one = pickSubmitted(
      AccountSchema,
      form([
        ['displayName', 'A'],
        ['vertical', 'hvac'],
      ]),
    )
    expect(
      pickSubmitted(
        AccountSchema,
        form([
          ['vertical', 'roofing'],
          ['displayName', 'B'],
        ]),
      ),
    ).toBe(one)
    expect(pickSubmitted(AccountSchema, form([['displayName', 'A']]))).not.toBe(one)
    expect(pickSubmitted(AccountSchema, form([['displayName', 'A']]), ['displayName', 'vertical'])).toBe(one)
  })
})

describe('Account Advanced fields', () => {
  const basic: [string, string][] = [
    ['displayName', 'Rivera Plumbing'],
    ['vertical', 'plumbing'],
  ]
  const full = AccountSchema

  it('are optional, and languages default to English', () => {
    const s = parseWithZod(form(basic), { schema: full })
    expect(s.status === 'success' && s.value).toEqual({
      displayName: 'Rivera Plumbing',
      vertical: 'plumbing',
      languages: ['en'],
    })
  })

  it('accept valid IANA time zones and refuse garbage', () => {
    for (const tz of ['America/Chicago', 'America/Indiana/Indianapolis', 'Pacific/Honolulu']) {
      expect(errors(form([...basic, ['timezone', tz]]), full)).toBeNull()
    }
    for (const tz of ['Mars/Olympus_Mons', 'EST5EDT; drop table', 'America', 'America/Not_A_City']) {
      expect(errors(form([...basic, ['timezone', tz]]), full)).toEqual({
        timezone: ['Choose a time zone from the list'],
      })
    }
  })

  it('check the address field by field and normalise the colour', () => {
    const address = (zip: string, state = 'CA'): [string, string][] => [
      ['address.line1', '1455 Market St'],
      ['address.city', 'San Francisco'],
      ['address.state', state],
      ['address.zip', zip],
    ]
    expect(errors(form([...basic, ...address('94103')]), full)).toBeNull()
    expect(errors(form([...basic, ...address('941')]), full)).toEqual({ 'address.zip': ['Enter a 5-digit ZIP code'] })
    expect(errors(form([...basic, ...address('94103', 'XX')]), full)).toEqual({ 'address.state': ['Choose a state'] })
    expect(errors(form([...basic, ['address.zip', '94103']]), full)).toMatchObject({
      'address.line1': ['Enter the street address'],
    })
    const s = parseWithZod(form([...basic, ['brandColor', '#D62828'], ['languages', 'en'], ['languages', 'es']]), {
      schema: full,
    })
    expect(s.status === 'success' && s.value).toMatchObject({ brandColor: '#d62828', languages: ['en', 'es'] })
    expect(errors(form([...basic, ['brandColor', 'red']]), full)).toEqual({ brandColor: ['Use a colour like #1d4ed8'] })
    expect(errors(form([...basic, ['languages', 'fr']]), full)).toEqual({
      'languages[0]': ['Choose English and/or Spanish'],
    })
  })
})
