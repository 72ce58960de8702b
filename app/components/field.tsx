import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { DefaultChip } from './badge'

const inputClass = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 aria-[invalid]:border-red-600'

export function Errors({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={id} className="mt-1 min-h-5 text-sm text-red-700">
      {errors?.[0]}
    </p>
  )
}

// Errors are linked to inputs with aria-describedby (Conform sets it when the field has errors).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any field whose form value is text
type FieldProps = { label: string; meta: FieldMetadata<any>; defaulted?: boolean; className?: string }

export function TextField({ label, meta, defaulted = false, className }: FieldProps) {
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="block text-sm font-medium">
        {label}
        <DefaultChip show={defaulted} />
      </label>
      <input {...getInputProps(meta, { type: 'text' })} key={meta.key} className={inputClass} />
      <Errors id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

export function SelectField({ label, meta, options, defaulted = false, className }: FieldProps & { options: readonly (readonly [string, string])[] }) {
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="block text-sm font-medium">
        {label}
        <DefaultChip show={defaulted} />
      </label>
      <select {...getSelectProps(meta)} key={meta.key} className={inputClass}>
        <option value="">Choose…</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <Errors id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

export function NumberField({ label, meta, className }: Omit<FieldProps, 'defaulted'>) {
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="block text-sm">
        {label}
      </label>
      <input {...getInputProps(meta, { type: 'number' })} key={meta.key} className={inputClass} />
      <Errors id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

export function TextareaField({ label, meta, placeholder, className }: Omit<FieldProps, 'defaulted'> & { placeholder?: string }) {
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="block text-sm">
        {label}
      </label>
      <textarea {...getTextareaProps(meta)} key={meta.key} rows={2} placeholder={placeholder} className={inputClass} />
      <Errors id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

/**
 * A checkbox whose unticking is sent too: a hidden "off" goes first and the box's "on" wins, so an
 * autosave of the field (or a form without it ticked) says "off" instead of nothing.
 */
export function Toggle({ label, meta, className }: Omit<FieldProps, 'defaulted'>) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="hidden" name={meta.name} value="off" />
      <input {...getInputProps(meta, { type: 'checkbox', value: 'on' })} key={meta.key} className={className} />
      {label}
    </label>
  )
}
