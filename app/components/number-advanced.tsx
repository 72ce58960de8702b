import { AFTER_HOURS, STOCK_STOP_HELP } from '~/schemas/number'
import { Toggle } from './hours-field'

type Props = {
  n: {
    ringWindowSec: number
    ownerWindowSec: number
    afterHoursMode: string
    holidays: string[]
    stopHelpText: string
    startPortIn: boolean
    portIn: { phoneNumber?: string | null; saved: boolean } | null
    e164: string | null
    availability: { areaCode: string; available: number }[] | null
  }
  federal: { date: string; name: string }[]
  errors: (name: string) => string | undefined
  open?: boolean
}
const input = 'mt-1 block rounded-md border border-slate-300 px-3 py-2'
const Err = ({ text }: { text?: string }) => <p className="min-h-5 text-sm text-red-700">{text}</p>

// Page 2's Advanced section: collapsed, optional. Port-in fields show only when their toggle is on
// (CSS :has(), no JavaScript needed). "Change number" asks the provider for availability only when
// the owner presses its button.
export function NumberAdvanced({ n, federal, errors, open = false }: Props) {
  const custom = n.holidays.filter((d) => !federal.some((f) => f.date === d))
  return (
    <details id="advanced" open={open} className="rounded-md border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-medium">Advanced (optional)</summary>
      <div className="mt-4 space-y-5">
        <div id="portIn" className="[&:has(.port-toggle:checked)_.port-fields]:block">
          <Toggle name="startPortIn" checked={n.startPortIn} label="Move (port) a number I already have instead" className="port-toggle" />
          <div className="port-fields mt-2 hidden space-y-1 rounded-md bg-slate-50 p-3">
            <label className="block text-sm">Number to move
              <input name="portIn.phoneNumber" type="tel" defaultValue={n.portIn?.phoneNumber ?? ''} className={input} />
            </label>
            <Err text={errors('portIn.phoneNumber')} />
            <label className="block text-sm">Account number at your current phone company
              <input name="portIn.accountNumber" autoComplete="off" placeholder={n.portIn?.saved ? 'Saved (hidden); type to replace' : ''} className={input} />
            </label>
            <Err text={errors('portIn.accountNumber')} />
            <label className="block text-sm">Port-out PIN
              <input name="portIn.pin" type="password" autoComplete="off" placeholder={n.portIn?.saved ? 'Saved (hidden)' : ''} className={input} />
            </label>
            <Err text={errors('portIn.pin')} />
          </div>
        </div>
        <div className="grid grid-cols-2 gap-4">
          <label className="block text-sm">Ring your phone for (seconds)
            <input name="ringWindowSec" type="number" min={5} max={120} defaultValue={n.ringWindowSec} className={input} />
            <Err text={errors('ringWindowSec')} />
          </label>
          <label className="block text-sm">Give yourself before we text back (seconds)
            <input name="ownerWindowSec" type="number" min={30} max={180} defaultValue={n.ownerWindowSec} className={input} />
            <Err text={errors('ownerWindowSec')} />
          </label>
        </div>
        <label className="block text-sm">After hours
          <select name="afterHoursMode" defaultValue={n.afterHoursMode} className={input}>
            {AFTER_HOURS.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
          </select>
        </label>
        <fieldset>
          <legend className="text-sm font-medium">Closed on (US federal holidays; untick the days you work)</legend>
          <input type="hidden" name="holidays" value="" />
          <div className="mt-1 grid grid-cols-2 gap-1 text-sm">
            {federal.map((h) => (
              <label key={h.date} className="flex items-center gap-2">
                <input type="checkbox" name="holidays" value={h.date} defaultChecked={n.holidays.includes(h.date)} />
                {h.date} {h.name}
              </label>
            ))}
            {custom.map((d) => (
              <label key={d} className="flex items-center gap-2">
                <input type="checkbox" name="holidays" value={d} defaultChecked />
                {d}
              </label>
            ))}
          </div>
          <label className="mt-2 block text-sm">Add another closed day
            <input type="date" name="holidays" className={input} />
          </label>
          <Err text={errors('holidays') ?? errors('holidays[0]')} />
        </fieldset>
        <div>
          <p className="text-sm font-medium">Opt-out line added to texts</p>
          <p className="text-sm text-slate-600">{n.stopHelpText}</p>
          <details className="text-sm">
            <summary className="cursor-pointer text-slate-600">Write my own</summary>
            <textarea name="stopHelpText" rows={2} defaultValue={n.stopHelpText === STOCK_STOP_HELP ? '' : n.stopHelpText} placeholder={STOCK_STOP_HELP} className={`${input} w-full`} />
          </details>
          <Err text={errors('stopHelpText')} />
        </div>
        {n.e164 ? (
          <div id="change-number" className="space-y-2">
            <p className="text-sm font-medium">Change number</p>
            <button name="intent" value="availability" className="rounded-md border border-slate-300 px-3 py-1 text-sm">
              {n.availability ? 'Refresh list' : 'Show available area codes'}
            </button>
            {n.availability ? (
              <fieldset className="space-y-1 text-sm">
                <legend className="sr-only">Area code for the new number</legend>
                {n.availability.map((a, i) => (
                  <label key={a.areaCode} className="flex items-center gap-2">
                    <input type="radio" name="changeTo" value={a.areaCode} disabled={a.available === 0} defaultChecked={i === 0} />
                    {a.areaCode} {a.available === 0 ? '(none left)' : `(${a.available} available)`}
                  </label>
                ))}
                <button name="intent" value="change" className="rounded-md border border-slate-300 px-3 py-1">Get a new number</button>
              </fieldset>
            ) : null}
          </div>
        ) : null}
      </div>
    </details>
  )
}
