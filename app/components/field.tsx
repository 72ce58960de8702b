import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { createContext, useContext, type ReactNode } from 'react'
import { DefaultChip } from './badge'
import { useT } from '~/i18n'

// The form fields of every page, on Conform's metadata: each error has an id, and Conform links it
// to its input with aria-describedby (and aria-invalid) while the field has errors; a hint is
// linked the same way, always.
const inputClass = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 aria-[invalid]:border-red-600'

export function Errors({ id, errors, className = '' }: { id: string; errors?: string[]; className?: string }) {
  const { msg } = useT()
  return (
    <p id={id} className={`mt-1 min-h-5 text-sm text-red-700 ${className}`}>
      {msg(errors?.[0])}
    </p>
  )
}

/** Inside it (an Advanced section), every field's label ends "(optional)". */
const Optional = createContext(false)

/** A page's Advanced section: collapsed unless a fix or an error is in it; every field in it is optional. */
export function Advanced({ open = false, children }: { open?: boolean; children: ReactNode }) {
  const { t } = useT()
  return (
    <details id="advanced" open={open} className="rounded-md border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-medium">{t('Advanced (optional)')}</summary>
      <Optional.Provider value={true}>{children}</Optional.Provider>
    </details>
  )
}

/** A label's text, with "(optional)" in an Advanced section. */
export function LabelText({ children }: { children: ReactNode }) {
  const { t } = useT()
  return (
    <>
      {children}
      {useContext(Optional) ? <span className="font-normal text-slate-600"> {t('(optional)')}</span> : null}
    </>
  )
}

/** What phones need to fill a text field in by themselves: its kind, its keyboard and what it holds. */
type Fill = {
  type?: 'text' | 'email' | 'tel' | 'url'
  inputMode?: 'numeric' | 'text' | 'email' | 'tel' | 'url'
  autoComplete?: string
}
type FieldProps = {
  label: string
  // biome-ignore lint/suspicious/noExplicitAny: any field whose form value is text
  meta: FieldMetadata<any>
  defaulted?: boolean
  /** One line under the label: what to enter, or where to find it. */
  hint?: string
  className?: string
}

/** A label, its hint, the control, and the field's error line. */
function Field({ label, meta, defaulted = false, hint, className, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={meta.id} className="block text-sm font-medium">
        <LabelText>{label}</LabelText>
        <DefaultChip show={defaulted} />
      </label>
      {hint ? (
        <p id={meta.descriptionId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      <Errors id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

export function TextField({ type = 'text', inputMode, autoComplete, ...props }: FieldProps & Fill) {
  return (
    <Field {...props}>
      <input
        {...getInputProps(props.meta, { type, ariaDescribedBy: props.hint ? props.meta.descriptionId : undefined })}
        inputMode={inputMode}
        autoComplete={autoComplete}
        key={props.meta.key}
        className={inputClass}
      />
    </Field>
  )
}

export function NumberField(props: FieldProps) {
  return (
    <Field {...props}>
      <input
        {...getInputProps(props.meta, { type: 'number' })}
        inputMode="numeric"
        key={props.meta.key}
        className={inputClass}
      />
    </Field>
  )
}

export function SelectField({
  options,
  autoComplete,
  ...props
}: FieldProps & { options: readonly (readonly [string, string])[]; autoComplete?: string }) {
  const { t } = useT()
  return (
    <Field {...props}>
      <select {...getSelectProps(props.meta)} autoComplete={autoComplete} key={props.meta.key} className={inputClass}>
        <option value="">{t('Choose…')}</option>
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
        {...getTextareaProps(props.meta, { ariaDescribedBy: props.hint ? props.meta.descriptionId : undefined })}
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
export function Toggle({ label, meta, className }: Pick<FieldProps, 'label' | 'meta' | 'className'>) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="hidden" name={meta.name} value="off" />
      <input {...getInputProps(meta, { type: 'checkbox', value: 'on' })} key={meta.key} className={className} />
      <LabelText>{label}</LabelText>
    </label>
  )
}
