import { getCollectionProps, getInputProps, getSelectProps, type FieldMetadata } from '@conform-to/react'
import { AFTER_HOURS, STOCK_STOP_HELP, type NumberInput } from '~/schemas/number'
import { Advanced, Errors, LabelText, NumberField, TextareaField, TextField, Toggle } from './field'
import { useT } from '~/i18n'

type Fields = { [K in keyof NumberInput]-?: FieldMetadata<NumberInput[K], NumberInput, string[]> }
type Props = {
  fields: Fields
  stopHelpText: string
  portInSaved: boolean
  federal: { date: string; name: string }[]
  change: { e164: string | null; availability: { areaCode: string; available: number }[] | null }
  open?: boolean
}
const input = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2'

// Page 2's Advanced section: collapsed, optional. Port-in fields show only when their toggle is on
// (CSS :has(), no JavaScript needed). "Change number" asks the provider for availability only when
// the owner presses its button.
export function NumberAdvanced({ fields, stopHelpText, portInSaved, federal, change, open = false }: Props) {
  const { t } = useT()
  const portIn = fields.portIn.getFieldset()
  // As posted: one value is a string, not a list, and anything may have been sent.
  const chosen = [fields.holidays.initialValue].flat().filter((d): d is string => typeof d === 'string')
  const dates = [...federal.map((h) => h.date), ...chosen.filter((d) => !federal.some((f) => f.date === d))]
  const names = Object.fromEntries(federal.map((h) => [h.date, h.name]))
  return (
    <Advanced open={open}>
      <div className="mt-4 space-y-5">
        <div id="portIn" className="[&:has(.port-toggle:checked)_.port-fields]:block">
          <Toggle
            label={t('Move (port) a number I already have instead')}
            meta={fields.startPortIn}
            className="port-toggle"
          />
          <div className="port-fields mt-2 hidden space-y-1 rounded-md bg-slate-50 p-3">
            <TextField
              label={t('Number to move')}
              hint={t('The number your customers call today.')}
              meta={portIn.phoneNumber}
              type="tel"
              autoComplete="tel-national"
            />
            <div>
              <label htmlFor={portIn.accountNumber.id} className="block text-sm">
                <LabelText>{t('Account number at your current phone company')}</LabelText>
              </label>
              <input
                {...getInputProps(portIn.accountNumber, { type: 'text' })}
                key={portIn.accountNumber.key}
                autoComplete="off"
                placeholder={portInSaved ? t('Saved (hidden); type to replace') : ''}
                className={input}
              />
              <Errors id={portIn.accountNumber.errorId} errors={portIn.accountNumber.errors} />
            </div>
            <div>
              <label htmlFor={portIn.pin.id} className="block text-sm">
                <LabelText>{t('Port-out PIN')}</LabelText>
              </label>
              <input
                {...getInputProps(portIn.pin, { type: 'password' })}
                key={portIn.pin.key}
                inputMode="numeric"
                autoComplete="off"
                placeholder={portInSaved ? t('Saved (hidden)') : ''}
                className={input}
              />
              <Errors id={portIn.pin.errorId} errors={portIn.pin.errors} />
            </div>
          </div>
        </div>
        <div className="grid grid-cols-2 gap-4">
          <NumberField label={t('Ring your phone for (seconds)')} meta={fields.ringWindowSec} />
          <NumberField label={t('Give yourself before we text back (seconds)')} meta={fields.ownerWindowSec} />
        </div>
        <div>
          <label htmlFor={fields.afterHoursMode.id} className="block text-sm">
            <LabelText>{t('After hours')}</LabelText>
          </label>
          <select {...getSelectProps(fields.afterHoursMode)} key={fields.afterHoursMode.key} className={input}>
            {AFTER_HOURS.map(([value, text]) => (
              <option key={value} value={value}>
                {t(text)}
              </option>
            ))}
          </select>
          <Errors id={fields.afterHoursMode.errorId} errors={fields.afterHoursMode.errors} />
        </div>
        <fieldset aria-describedby={fields.holidays.errors ? fields.holidays.errorId : undefined}>
          <legend className="text-sm font-medium">
            <LabelText>{t('Closed on (US federal holidays; untick the days you work)')}</LabelText>
          </legend>
          {/* Sent even when every box is unticked, so "no holidays" can be saved. */}
          <input type="hidden" name={fields.holidays.name} value="" />
          <div className="mt-1 grid grid-cols-2 gap-1 text-sm">
            {getCollectionProps(fields.holidays, { type: 'checkbox', options: dates }).map(({ key, ...props }) => (
              <label key={key} className="flex items-center gap-2">
                <input {...props} />
                {props.value} {names[props.value] ? t(names[props.value]) : ''}
              </label>
            ))}
          </div>
          <label className="mt-2 block text-sm">
            {t('Add another closed day')}
            <input type="date" name={fields.holidays.name} className={input} />
          </label>
          <Errors id={fields.holidays.errorId} errors={fields.holidays.errors} />
        </fieldset>
        <div>
          <p className="text-sm font-medium">
            <LabelText>{t('Opt-out line added to texts')}</LabelText>
          </p>
          <p className="text-sm text-slate-600">{stopHelpText}</p>
          <details className="text-sm" open={Boolean(fields.stopHelpText.errors)}>
            <summary className="cursor-pointer text-slate-600">{t('Write my own')}</summary>
            <TextareaField
              label={t('Your opt-out line (must say STOP and HELP)')}
              meta={fields.stopHelpText}
              placeholder={STOCK_STOP_HELP}
            />
          </details>
        </div>
        {change.e164 ? (
          <div id="change-number" className="space-y-2">
            <p className="text-sm font-medium">{t('Change number')}</p>
            <button
              type="submit"
              name="intent"
              value="availability"
              className="rounded-md border border-slate-300 px-3 py-1 text-sm"
            >
              {change.availability ? t('Refresh list') : t('Show available area codes')}
            </button>
            {change.availability ? (
              <fieldset className="space-y-1 text-sm">
                <legend className="sr-only">{t('Area code for the new number')}</legend>
                {change.availability.map((a, i) => (
                  <label key={a.areaCode} className="flex items-center gap-2">
                    <input
                      type="radio"
                      name="changeTo"
                      value={a.areaCode}
                      disabled={a.available === 0}
                      defaultChecked={i === 0}
                    />
                    {a.areaCode}{' '}
                    {a.available === 0 ? t('(none left)') : t('({{count}} available)', { count: a.available })}
                  </label>
                ))}
                <button
                  type="submit"
                  name="intent"
                  value="change"
                  className="rounded-md border border-slate-300 px-3 py-1"
                >
                  {t('Get a new number')}
                </button>
              </fieldset>
            ) : null}
          </div>
        ) : null}
      </div>
    </Advanced>
  )
}
