import { forwardRef } from 'react'
import { useT } from '~/i18n'

export type SummaryItem = { name: string; href: string; text: string }

/**
 * What stops Continue, the GOV.UK way: at the top of the form, one link per field with the words of
 * its inline message. A link moves to its field (without JavaScript by its fragment, with it by
 * focusing the control, so the field can be typed into at once). The page moves focus here.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { items: SummaryItem[]; message?: string }>(
  function ErrorSummary({ items, message }, ref) {
    const { t, msg } = useT()
    return (
      <div
        ref={ref}
        tabIndex={-1}
        role="alert"
        aria-labelledby="error-summary-title"
        data-testid="error-summary"
        className="rounded-md border-4 border-red-700 p-4 focus:outline focus:outline-4 focus:outline-offset-0 focus:outline-amber-400"
      >
        <h2 id="error-summary-title" className="text-lg font-semibold">
          {t('There is a problem')}
        </h2>
        {message ? <p className="mt-1 text-sm">{msg(message)}</p> : null}
        <ul className="mt-2 list-none space-y-1">
          {items.map((item) => (
            <li key={item.name}>
              <a
                href={item.href}
                className="font-medium text-red-700 underline"
                onClick={(event) => {
                  const target = document.getElementById(item.href.slice(1))
                  const control = target?.matches('input, select, textarea')
                    ? target
                    : target?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')
                  if (!control) return
                  event.preventDefault()
                  // A field in a closed section (Advanced): open it, or the field cannot take focus.
                  for (let d = control.closest('details'); d; d = d.parentElement?.closest('details') ?? null)
                    d.open = true
                  control.focus()
                  control.scrollIntoView({ block: 'center' })
                }}
              >
                {msg(item.text)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    )
  },
)
