import type { FieldMetadata } from '@conform-to/react'
import { getInputProps } from '@conform-to/react'
import { DAYS, type NumberInput } from '~/schemas/number'
import { Errors, Toggle } from './field'

const DAY_NAMES = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' } as const
const timeClass = 'rounded-md border border-slate-300 px-2 py-1 aria-[invalid]:border-red-600'

// Hours, one compact control: weekday opening and closing times and a weekends toggle. "Set each
// day" reveals a row per day through CSS :has(), so it works without JavaScript.
export function HoursField({ meta }: { meta: FieldMetadata<NumberInput['hours'], NumberInput, string[]> }) {
  const hours = meta.getFieldset()
  const days = hours.days.getFieldset()
  return (
    <fieldset
      id="hours"
      className="[&:has(.custom-days:checked)_.compact]:hidden [&:has(.custom-days:checked)_.per-day]:grid"
    >
      <legend className="block text-sm font-medium">Opening hours</legend>
      <div className="compact mt-1 flex flex-wrap items-center gap-2 text-sm">
        <span>Mon–Fri</span>
        <input
          {...getInputProps(hours.start, { type: 'time' })}
          key={hours.start.key}
          aria-label="Opening time"
          className={timeClass}
        />
        <span>to</span>
        <input
          {...getInputProps(hours.end, { type: 'time' })}
          key={hours.end.key}
          aria-label="Closing time"
          className={timeClass}
        />
        <Toggle label="Open weekends too" meta={hours.weekends} />
      </div>
      {hours.start.errors ? <Errors id={hours.start.errorId} errors={hours.start.errors} /> : null}
      <Errors id={hours.end.errorId} errors={hours.end.errors} />
      <details className="text-sm" open={hours.custom.initialValue === 'on'}>
        <summary className="cursor-pointer text-slate-600">Different hours on some days</summary>
        <Toggle label="Set each day's hours" meta={hours.custom} className="custom-days" />
        <div className="per-day mt-2 hidden grid-cols-[4rem_auto_auto_auto] items-center gap-2">
          {DAYS.map((d) => {
            const day = days[d].getFieldset()
            return (
              <div key={d} className="contents">
                <Toggle label={DAY_NAMES[d]} meta={day.open} />
                <input
                  {...getInputProps(day.start, { type: 'time' })}
                  key={day.start.key}
                  aria-label={`${DAY_NAMES[d]} opening`}
                  className={timeClass}
                />
                <input
                  {...getInputProps(day.end, { type: 'time' })}
                  key={day.end.key}
                  aria-label={`${DAY_NAMES[d]} closing`}
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
