import { describe, expect, it } from 'vitest'
import fedHolidays from '@18f/us-federal-holidays'
import { es } from '../../core/i18n/es'
import { msg, wordMessage } from '../../core/i18n/languages'
import { translator } from '../../core/i18n/translate'
import { HOLIDAY_NAMES } from '~/lib/holidays.server'
import { sourceKeys } from '../setup/i18n-keys'

// English is the source: every English sentence the code words (t('...'), m('...')) is a key, and
// core/i18n/es.ts must have each, and nothing else. A page that adds words without their Spanish,
// or changes an English sentence and leaves the old key behind, fails here.
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('the catalogues', () => {
  const keys = sourceKeys(process.cwd())

  it('the code has words to translate (the scan finds them)', () => {
    expect(keys.size).toBeGreaterThan(400)
    expect(keys.get('Continue')).toBe('app/kit/page-form.tsx')
  })

  it('every key of the code has its Spanish', () => {
    expect([...keys].filter(([key]) => !(key in es)).map(([key, file]) => `${file}: ${key}`)).toEqual([])
  })

  it('every Spanish entry is a key of the code', () => {
    expect(Object.keys(es).filter((key) => !keys.has(key))).toEqual([])
  })

  it('a Spanish entry has the same values to fill in as its English, and none is empty', () => {
    const wrong = Object.entries(es).filter(
      ([en, spanish]) => !spanish.trim() || placeholders(en).join() !== placeholders(spanish).join(),
    )
    expect(wrong).toEqual([])
  })

  it('the federal holidays the library names are all keys', () => {
    const named = new Set(fedHolidays.allForYear(2027).map((h) => h.name))
    expect([...named].filter((name) => !(HOLIDAY_NAMES as string[]).includes(name))).toEqual([])
  })
})

describe('messages with values', () => {
  const { t, msg: say } = translator('es')
  it('a value named _x is a message itself, worded too', () => {
    const m = msg('We could not open {{url}}: {{_why}}.', {
      url: 'https://a.example/',
      _why: 'it could not be reached',
    })
    expect(say(m)).toBe('No pudimos abrir https://a.example/: no se pudo conectar.')
    expect(translator('en').msg(m)).toBe('We could not open https://a.example/: it could not be reached.')
  })

  it('a key without Spanish shows its English, never a code', () => {
    expect(t('Not a key we have')).toBe('Not a key we have')
    expect(wordMessage(t as never, msg('Hello {{x}}', { x: 1 }))).toBe('Hello 1')
  })

  it('a message that is not one of ours is shown as it is', () => {
    expect(say('plain text|{not json')).toBe('plain text|{not json')
  })
})
