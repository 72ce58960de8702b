import { getInputProps, type FieldMetadata } from '@conform-to/react'
import type { AccountInput } from '~/schemas/account'
import { US_STATES, US_TIMEZONES } from '~/schemas/account'
import { DefaultChip } from './badge'
import { Advanced, LabelText, SelectField, TextField } from './field'
import { useT } from '~/i18n'

type Fields = { [K in keyof AccountInput]-?: FieldMetadata<AccountInput[K], AccountInput, string[]> }

// Page 1's Advanced section: collapsed, optional, saved like the rest (on blur with JavaScript,
// with Continue without). The logo goes up through the same multipart form.
export function AccountAdvanced({
  fields,
  logoUrl,
  brandColor,
  defaulted,
  timezone,
  open = false,
}: {
  fields: Fields
  logoUrl: string | null
  brandColor: string | null
  defaulted: string[]
  timezone: string | null
  open?: boolean
}) {
  const { t, msg } = useT()
  const address = fields.address.getFieldset()
  const zones =
    US_TIMEZONES.some(([zone]) => zone === timezone) || !timezone
      ? US_TIMEZONES.map(([zone, name]) => [zone, t(name)] as const)
      : [...US_TIMEZONES.map(([zone, name]) => [zone, t(name)] as const), [timezone, timezone] as const]
  return (
    <Advanced open={open}>
      <div className="mt-4 space-y-4">
        <div className="flex items-center gap-4">
          {logoUrl ? (
            <img src={logoUrl} alt={t('Your logo')} className="h-16 w-16 rounded border object-contain" />
          ) : null}
          <label className="block text-sm font-medium">
            <LabelText>{t('Logo (PNG, JPEG or WebP, up to 2 MB)')}</LabelText>
            <DefaultChip show={defaulted.includes('logo_url')} />
            <input type="file" name="logo" accept="image/png,image/jpeg,image/webp" className="mt-1 block text-sm" />
          </label>
        </div>
        <div>
          <label htmlFor={fields.brandColor.id} className="block text-sm font-medium">
            <LabelText>{t('Brand colour')}</LabelText>
            <DefaultChip show={defaulted.includes('brand_color')} />
          </label>
          {/* A colour input always submits some colour; until there is one to show, a text field
              leaves it empty, so a logo uploaded later can still choose it. */}
          {brandColor ? (
            <input
              {...getInputProps(fields.brandColor, { type: 'color' })}
              key={fields.brandColor.key}
              className="mt-1 h-10 w-20 rounded border"
            />
          ) : (
            <input
              {...getInputProps(fields.brandColor, { type: 'text' })}
              key={fields.brandColor.key}
              placeholder={t('#1d4ed8, or we take it from your logo')}
              className="mt-1 block w-72 rounded-md border border-slate-300 px-3 py-2"
            />
          )}
          <p className="mt-1 min-h-5 text-sm text-red-700">{msg(fields.brandColor.errors?.[0])}</p>
        </div>
        <SelectField
          label={t('Time zone')}
          meta={fields.timezone as FieldMetadata<string>}
          options={zones}
          defaulted={defaulted.includes('timezone')}
        />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">
            <LabelText>{t('Business address')}</LabelText>
            <DefaultChip show={defaulted.includes('address')} />
          </legend>
          <TextField label={t('Street address')} meta={address.line1} autoComplete="address-line1" />
          <TextField label={t('Apartment, suite')} meta={address.line2} autoComplete="address-line2" />
          <div className="grid grid-cols-3 gap-2">
            <TextField label={t('City')} meta={address.city} autoComplete="address-level2" />
            <SelectField
              label={t('State')}
              meta={address.state}
              options={US_STATES.map((s) => [s, s] as const)}
              autoComplete="address-level1"
            />
            <TextField label={t('ZIP code')} meta={address.zip} inputMode="numeric" autoComplete="postal-code" />
          </div>
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium">
            <LabelText>{t('Languages you text in')}</LabelText>
          </legend>
          {/* English is always on; the hidden value keeps it when the Spanish box is unticked. */}
          <input type="hidden" name="languages" value="en" />
          <label className="mt-1 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="languages"
              value="es"
              defaultChecked={(fields.languages.initialValue as string[] | undefined)?.includes('es')}
            />
            {t('Also text customers in Spanish')}
          </label>
        </fieldset>
      </div>
    </Advanced>
  )
}
