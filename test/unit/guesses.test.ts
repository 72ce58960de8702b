import { describe, expect, it } from 'vitest'
import { guessVertical } from '../../core/guess'
import { dominantColor, ImageRefused, MAX_LOGO_BYTES, reencodeLogo } from '../../platform/images.server'
import { VERTICALS } from '../../core/data/verticals'
import { timezoneForZip } from '../../core/timezone.server'
import { logoPng } from '../fakes/stripe'
import sharp from 'sharp'

describe('guessVertical', () => {
  it('maps the trades’ MCCs', () => {
    const cases: [string, string][] = [
      ['1711', 'plumbing'],
      ['7623', 'hvac'],
      ['1731', 'electrical'],
      ['1761', 'roofing'],
      ['1750', 'carpentry'],
      ['1520', 'general_contracting'],
      ['0780', 'landscaping'],
      ['7349', 'cleaning'],
      ['7342', 'pest_control'],
      ['1799', 'painting'],
      ['7699', 'locksmith'],
      ['7629', 'appliance_repair'],
      ['7538', 'auto_repair'],
    ]
    for (const [mcc, vertical] of cases) expect(guessVertical(mcc, 'Smith & Sons')).toBe(vertical)
  })

  it('prefers trade words over catch-all MCCs, and falls back to other', () => {
    expect(guessVertical('7699', 'Quick Appliance Fix')).toBe('appliance_repair')
    expect(guessVertical('1799', 'Green Lawn Care')).toBe('landscaping')
    expect(guessVertical(null, 'Bright Spark Electric')).toBe('electrical')
    expect(guessVertical(null, 'Joe’s Heating & Cooling')).toBe('hvac')
    expect(guessVertical(null, 'Acme Holdings')).toBe('other')
    expect(guessVertical(null, 'Keystone Plumbing')).toBe('plumbing')
    expect(guessVertical('5812', null)).toBe('other') // a restaurant
  })

  it('only ever guesses a vertical the select offers', () => {
    const offered = new Set(VERTICALS.map(([v]) => v))
    for (const name of ['Plumb', 'Roof', 'Mow', 'Termite', 'Key', 'Paint', 'Build', 'x'])
      expect(offered.has(guessVertical(null, name))).toBe(true)
  })
})

describe('timezoneForZip', () => {
  it('finds the zone of real ZIPs, including the territories and Indiana', () => {
    expect(timezoneForZip('94103')).toBe('America/Los_Angeles')
    expect(timezoneForZip('10001')).toBe('America/New_York')
    expect(timezoneForZip('60606')).toBe('America/Chicago')
    expect(timezoneForZip('85001')).toBe('America/Phoenix')
    expect(timezoneForZip('00901')).toBe('America/Puerto_Rico')
    expect(timezoneForZip('46204')).toBe('America/Indiana/Indianapolis')
    expect(timezoneForZip('96813-1234')).toBe('Pacific/Honolulu')
    expect(timezoneForZip('00000')).toBeNull()
  })
})

describe('logos', () => {
  it('re-encodes a picture to PNG and finds its brand colour, not the white background', async () => {
    const jpeg = await sharp(await logoPng())
      .jpeg()
      .toBuffer()
    const png = await reencodeLogo(jpeg)
    expect((await sharp(png).metadata()).format).toBe('png')
    const color = await dominantColor(png)
    // JPEG shifts the red slightly; the hue must stay the logo's red.
    expect(color).toMatch(/^#d[0-9a-f]2[0-9a-f]2[0-9a-f]$/)
    expect(await dominantColor(await logoPng())).toBe('#d62828')
  })

  it('refuses files that are too big or not PNG, JPEG or WebP', async () => {
    await expect(reencodeLogo(Buffer.alloc(MAX_LOGO_BYTES + 1))).rejects.toThrow(
      new ImageRefused('The logo must be 2 MB or smaller.'),
    )
    await expect(reencodeLogo(Buffer.from('%PDF-1.7 not a picture'))).rejects.toThrow(
      'Use a PNG, JPEG or WebP picture for the logo.',
    )
    const gif = await sharp(await logoPng())
      .gif()
      .toBuffer()
    await expect(reencodeLogo(gif)).rejects.toThrow('Use a PNG, JPEG or WebP picture for the logo.')
  })
})
