import { translator } from '../../core/i18n/translate'
import { describe, expect, it } from 'vitest'

process.env.DATABASE_URL ??= 'postgres://unused@127.0.0.1:1/unused' // configuration is read, no connection made
const { replyToSaveError } = await import('~/kit/form.server')
const { StaleVersionError } = await import('../../db/save.server')
const { fieldFor } = await import('../../db/section.server')
const { numberSection } = await import('../../db/number.server')

const state = async () => ({
  phase: 'NUMBER' as const,
  completion: { account: 100, number: 0, calmsg: 0, a2p: 0 } as never,
  blockers: [],
  textingEligible: false,
  version: 7,
})
const fieldOf = (name: string) => fieldFor(numberSection, name)

// What the database refuses becomes a 400 with the field's own error where the field is known, a
// 409 for a stale save, the words of an OBxxx refusal's code (core/refusals.ts); anything else is a real fault.
describe('database refusals as replies', () => {
  it('a CHECK on a known column: 400 with a field error on that field', async () => {
    const res = await replyToSaveError(
      { code: '23514', constraint_name: 'ob_number_stop_help_text_check' },
      state,
      fieldOf,
    )
    expect(res.status).toBe(400)
    expect((await res.json()).result?.error).toEqual({
      stopHelpText: ['That value cannot be saved; check the field and try again.'],
    })
  })

  it('a value PostgreSQL cannot take (22021 invalid byte sequence): 400 with one line', async () => {
    const res = await replyToSaveError(
      { code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' },
      state,
      fieldOf,
    )
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      message: 'That value cannot be saved; check the field and try again.',
      version: 7,
    })
  })

  it('an owner refusal from SQL (OB429) keeps its status, worded from its code and values; a stale version is 409', async () => {
    const cap = await replyToSaveError(
      {
        code: 'OB429',
        message: 'NUMBER_CHANGES_TODAY',
        detail: '{"count":3}',
      },
      state,
    )
    expect(cap.status).toBe(429)
    expect(translator('en').msg((await cap.json()).message ?? '')).toMatch(/^You have changed your number 3 times/)
    expect((await replyToSaveError(new StaleVersionError(7), state)).status).toBe(409)
  })

  it('anything else is a server fault and is thrown', async () => {
    await expect(replyToSaveError(new Error('connection lost'), state)).rejects.toThrow('connection lost')
    await expect(replyToSaveError({ code: '57P01' }, state)).rejects.toMatchObject({ code: '57P01' })
  })

  it('finds fields by column or by a <table>_<column>_ constraint name, and no other', () => {
    expect(fieldFor(numberSection, 'owner_window_sec')).toBe('ownerWindowSec')
    expect(fieldFor(numberSection, 'ob_number_port_in_check')).toBe('portIn')
    expect(fieldFor(numberSection, 'ob_number_start_port_in_check')).toBe('startPortIn')
    expect(fieldFor(numberSection, 'ob_account_display_name_check')).toBeNull()
  })
})
