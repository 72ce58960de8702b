import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'
import { DefaultChip } from './badge'

// The form fields of every page, on Conform's metadata: each error has an id, and Conform links it
// to its input with aria-describedby (and aria-invalid) while the field has errors.
const inputClass = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 aria-[invalid]:border-red-600'

export function Errors({ id, errors, className = '' }: { id: string; errors?: string[]; className?: string }) {
  return (
    <p id={id} className={`mt-1 min-h-5 text-sm text-red-700 ${className}`}>
      {errors?.[0]}
    </p>
  )
}

// biome-ignore lint/suspicious/noExplicitAny: any field whose form value is text
type FieldProps = { label: string; meta: FieldMetadata<any>; defaulted?: boolean; className?: string }

/** A label, the control, and the field's error line. */
function Field({ label, meta, defaulted = false, className, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="block text-sm font-medium">
        {label}
        <DefaultChip show={defaulted} />
      </label>
      {children}
      <Errors id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

export function TextField(props: FieldProps) {
  return (
    <Field {...props}>
      <input {...getInputProps(props.meta, { type: 'text' })} key={props.meta.key} className={inputClass} />
    </Field>
  )
}

export function NumberField(props: FieldProps) {
  return (
    <Field {...props}>
      <input {...getInputProps(props.meta, { type: 'number' })} key={props.meta.key} className={inputClass} />
    </Field>
  )
}

export function SelectField({ options, ...props }: FieldProps & { options: readonly (readonly [string, string])[] }) {
  return (
    <Field {...props}>
      <select {...getSelectProps(props.meta)} key={props.meta.key} className={inputClass}>
        <option value="">Choose…</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  )
}

export function TextareaField({ placeholder, ...props }: FieldProps & { placeholder?: string }) {
  return (
    <Field {...props}>
      <textarea
        {...getTextareaProps(props.meta)}
        key={props.meta.key}
        rows={2}
        placeholder={placeholder}
        className={inputClass}
      />
    </Field>
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
