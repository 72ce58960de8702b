import { DAYS, type StoredHours } from '~/schemas/number'

const DAY_NAMES = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' } as const
const timeClass = 'rounded-md border border-slate-300 px-2 py-1'

/** A checkbox whose unticking is sent too: a hidden "off" goes first, the box's "on" wins. */
export function Toggle({ name, checked, label, className }: { name: string; checked: boolean; label: string; className?: string }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="hidden" name={name} value="off" />
      <input type="checkbox" name={name} value="on" defaultChecked={checked} className={className} />
      {label}
    </label>
  )
}

// Hours, one compact control: weekday opening and closing times and a weekends toggle. "Set each
// day" (Advanced) reveals a row per day through CSS :has(), so it works without JavaScript.
export function HoursField({ hours, errors }: { hours: StoredHours; errors: (name: string) => string | undefined }) {
  const weekday = DAYS.slice(0, 5).map((d) => hours[d]).find((d) => d.open) ?? hours.mon
  const uniform = DAYS.every((d) => {
    const h = hours[d]
    const weekend = d === 'sat' || d === 'sun'
    return (weekend ? h.open === hours.sat.open : h.open) && (!h.open || (h.start === weekday.start && h.end === weekday.end))
  })
  return (
    <fieldset id="hours" className="[&:has(.custom-days:checked)_.compact]:hidden [&:has(.custom-days:checked)_.per-day]:grid">
      <legend className="block text-sm font-medium">Opening hours</legend>
      <div className="compact mt-1 flex flex-wrap items-center gap-2 text-sm">
        <span>Mon–Fri</span>
        <input type="time" name="hours.start" aria-label="Opening time" defaultValue={weekday.start} className={timeClass} />
        <span>to</span>
        <input type="time" name="hours.end" aria-label="Closing time" defaultValue={weekday.end} className={timeClass} />
        <Toggle name="hours.weekends" checked={hours.sat.open || hours.sun.open} label="Open weekends too" />
      </div>
      <p className="min-h-5 text-sm text-red-700">{errors('hours.end') ?? errors('hours.start')}</p>
      <details className="text-sm" open={!uniform}>
        <summary className="cursor-pointer text-slate-600">Different hours on some days</summary>
        <Toggle name="hours.custom" checked={!uniform} label="Set each day's hours" className="custom-days" />
        <div className="per-day mt-2 hidden grid-cols-[4rem_auto_auto_auto] items-center gap-2">
          {DAYS.map((d) => (
            <div key={d} className="contents">
              <Toggle name={`hours.days.${d}.open`} checked={hours[d].open} label={DAY_NAMES[d]} />
              <input type="time" name={`hours.days.${d}.start`} aria-label={`${DAY_NAMES[d]} opening`} defaultValue={hours[d].start} className={timeClass} />
              <input type="time" name={`hours.days.${d}.end`} aria-label={`${DAY_NAMES[d]} closing`} defaultValue={hours[d].end} className={timeClass} />
              <span className="text-red-700">{errors(`hours.days.${d}.end`)}</span>
            </div>
          ))}
        </div>
      </details>
    </fieldset>
  )
}
