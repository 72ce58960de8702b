import { m } from '../core/i18n/languages'
import { extractColors } from 'extract-colors'
import sharp from 'sharp'

// Logos: uploads and Stripe's. Checked by their bytes (not the name or the browser's type),
// re-encoded to PNG so nothing of the original file is served back, and sized down.
export const MAX_LOGO_BYTES = 2 * 1024 * 1024
const FORMATS = new Set(['png', 'jpeg', 'webp'])
const limits = { limitInputPixels: 25_000_000, failOn: 'error' as const }

export class ImageRefused extends Error {}

export async function reencodeLogo(input: Buffer): Promise<Buffer> {
  if (input.length > MAX_LOGO_BYTES) throw new ImageRefused(m('The logo must be 2 MB or smaller.'))
  const meta = await sharp(input, limits)
    .metadata()
    .catch(() => null)
  if (!meta?.format || !FORMATS.has(meta.format))
    throw new ImageRefused(m('Use a PNG, JPEG or WebP picture for the logo.'))
  return sharp(input, limits)
    .rotate()
    .resize(512, 512, { fit: 'inside', withoutEnlargement: true })
    .png()
    .toBuffer()
    .catch(() => {
      throw new ImageRefused(m('That picture could not be read; try another file.'))
    })
}

/**
 * The logo's brand colour: the largest area among its saturated colours. White, near-black and
 * grey are the background or the lettering, and transparent pixels are skipped by extract-colors.
 */
export async function dominantColor(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png, limits)
    .resize(96, 96, { fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const colors = await extractColors({ data: new Uint8ClampedArray(data), width: info.width, height: info.height })
  const brand = colors
    .filter((c) => c.saturation > 0.15 && c.lightness > 0.08 && c.lightness < 0.92)
    .sort((a, b) => b.area - a.area)[0]
  return brand?.hex.toLowerCase() ?? null
}
