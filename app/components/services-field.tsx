import { getCollectionProps, type FieldMetadata } from '@conform-to/react'
import { useState } from 'react'
import type { CalmsgInput } from '~/schemas/calmsg'
import { Errors } from './field'
import { capital, useT } from '~/i18n'

type Service = { name: string; es?: string; min: number; max: number }
type Fields = { [K in 'topServices' | 'priceRanges']-?: FieldMetadata<CalmsgInput[K], CalmsgInput, string[]> }
const money = 'block w-20 rounded-md border border-slate-300 px-2 py-1 aria-[invalid]:border-red-600'

// The services as chips (checkboxes, at most `max`) and, for each chosen one, its price range. With
// JavaScript a chip past the limit is refused as it is clicked; without, the save says so inline.
export function ServicesField({
  fields,
  catalogue,
  chosen,
  max,
}: {
  fields: Fields
  catalogue: Service[]
  chosen: string[]
  max: number
}) {
  const { t, msg, lang } = useT()
  // A service is stored by its English name; a Spanish page shows the catalogue's Spanish one.
  const shown = (name: string) => capital((lang === 'es' && catalogue.find((s) => s.name === name)?.es) || name)
  const [refused, setRefused] = useState<string | null>(null)
  const prices = fields.priceRanges.getFieldset()
  const stored = (fields.priceRanges.initialValue ?? {}) as Record<string, { min?: string; max?: string }>
  const error = refused ?? msg(fields.topServices.errors?.[0])
  return (
    <div className="space-y-4">
      <fieldset id="topServices" aria-describedby={fields.topServices.errorId}>
        <legend className="text-sm font-medium">{t('Your top services (up to {{max}})', { max })}</legend>
        {/* Sent when no chip is ticked, so "none" is saved (and refused) rather than ignored. */}
        <input type="hidden" name={fields.topServices.name} value="" />
        <div className="mt-2 flex flex-wrap gap-2">
          {getCollectionProps(fields.topServices, { type: 'checkbox', options: catalogue.map((s) => s.name) }).map(
            ({ key, ...props }) => (
              <label
                key={key}
                className="cursor-pointer rounded-full border border-slate-300 bg-white px-3 py-1 text-sm has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50 has-[:focus-visible]:ring-2"
              >
                <input
                  {...props}
                  className="mr-1.5 accent-blue-700"
                  onClick={(event) => {
                    const box = event.currentTarget
                    const ticked =
                      box.form?.querySelectorAll<HTMLInputElement>(`input[name="${fields.topServices.name}"]:checked`)
                        .length ?? 0
                    if (box.checked && ticked > max) {
                      event.preventDefault()
                      setRefused(t('Pick at most {{max}} services: untick one first.', { max }))
                    } else setRefused(null)
                  }}
                />
                {shown(props.value)}
              </label>
            ),
          )}
        </div>
        <p
          id={fields.topServices.errorId}
          role={refused ? 'alert' : undefined}
          className="mt-1 min-h-5 text-sm text-red-700"
        >
          {error}
        </p>
      </fieldset>
      <fieldset id="priceRanges">
        <legend className="text-sm font-medium">
          {t('Typical price per job (USD; leave a box empty if it varies)')}
        </legend>
        <div className="mt-2 space-y-2">
          {chosen.map((name) => {
            const range = prices[name].getFieldset()
            const typical = catalogue.find((s) => s.name === name)
            const value = (bound: 'min' | 'max') => stored[name]?.[bound] ?? (typical ? String(typical[bound]) : '')
            return (
              <div
                key={name}
                className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-2 text-sm"
                data-price={name}
              >
                <span>{shown(name)}</span>
                <span className="flex items-center gap-1 whitespace-nowrap">
                  $
                  <input
                    name={range.min.name}
                    id={range.min.id}
                    defaultValue={value('min')}
                    inputMode="numeric"
                    aria-label={t('{{service}}: from', { service: shown(name) })}
                    aria-invalid={range.min.errors ? true : undefined}
                    aria-describedby={range.min.errors ? range.min.errorId : undefined}
                    className={money}
                  />
                  {t('to')} $
                  <input
                    name={range.max.name}
                    id={range.max.id}
                    defaultValue={value('max')}
                    inputMode="numeric"
                    aria-label={t('{{service}}: up to', { service: shown(name) })}
                    aria-invalid={range.max.errors ? true : undefined}
                    aria-describedby={range.max.errors ? range.max.errorId : undefined}
                    className={money}
                  />
                </span>
                <Errors
                  id={range.min.errors ? range.min.errorId : range.max.errorId}
                  errors={range.min.errors ?? range.max.errors}
                  className="col-span-2"
                />
              </div>
            )
          })}
        </div>
      </fieldset>
    </div>
  )
}
