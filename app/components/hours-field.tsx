import type { FieldMetadata } from '@conform-to/react'
import { getInputProps } from '@conform-to/react'
import { DAYS, type NumberInput } from '~/schemas/number'
import { Errors, Toggle } from './field'
import { useT, m } from '~/i18n'

const DAY_NAMES = {
  mon: m('Mon'),
  tue: m('Tue'),
  wed: m('Wed'),
  thu: m('Thu'),
  fri: m('Fri'),
  sat: m('Sat'),
  sun: m('Sun'),
} as const
const timeClass = 'rounded-md border border-slate-300 px-2 py-1 aria-[invalid]:border-red-600'

// Hours, one compact control: weekday opening and closing times and a weekends toggle. "Set each
// day" reveals a row per day through CSS :has(), so it works without JavaScript.
export function HoursField({ meta }: { meta: FieldMetadata<NumberInput['hours'], NumberInput, string[]> }) {
  const { t } = useT()
  const hours = meta.getFieldset()
  const days = hours.days.getFieldset()
  return (
    <fieldset
      id="hours"
      className="[&:has(.custom-days:checked)_.compact]:hidden [&:has(.custom-days:checked)_.per-day]:grid"
    >
      <legend className="block text-sm font-medium">{t('Opening hours')}</legend>
      <div className="compact mt-1 flex flex-wrap items-center gap-2 text-sm">
        <span>{t('Mon–Fri')}</span>
        <input
          {...getInputProps(hours.start, { type: 'time' })}
          key={hours.start.key}
          aria-label={t('Opening time')}
          className={timeClass}
        />
        <span>{t('to')}</span>
        <input
          {...getInputProps(hours.end, { type: 'time' })}
          key={hours.end.key}
          aria-label={t('Closing time')}
          className={timeClass}
        />
        <Toggle label={t('Open weekends too')} meta={hours.weekends} />
      </div>
      {hours.start.errors ? <Errors id={hours.start.errorId} errors={hours.start.errors} /> : null}
      <Errors id={hours.end.errorId} errors={hours.end.errors} />
      <details className="text-sm" open={hours.custom.initialValue === 'on'}>
        <summary className="cursor-pointer text-slate-600">{t('Different hours on some days')}</summary>
        <Toggle label={t("Set each day's hours")} meta={hours.custom} className="custom-days" />
        <div className="per-day mt-2 hidden grid-cols-[4rem_auto_auto_auto] items-center gap-2">
          {DAYS.map((d) => {
            const day = days[d].getFieldset()
            return (
              <div key={d} className="contents">
                <Toggle label={t(DAY_NAMES[d])} meta={day.open} />
                <input
                  {...getInputProps(day.start, { type: 'time' })}
                  key={day.start.key}
                  aria-label={t('{{day}} opening', { day: t(DAY_NAMES[d]) })}
                  className={timeClass}
                />
                <input
                  {...getInputProps(day.end, { type: 'time' })}
                  key={day.end.key}
                  aria-label={t('{{day}} closing', { day: t(DAY_NAMES[d]) })}
                  className={timeClass}
                />
                <Errors id={day.end.errorId} errors={day.end.errors} />
              </div>
            )
          })}
        </div>
      </details>
    </fieldset>
  )
}
