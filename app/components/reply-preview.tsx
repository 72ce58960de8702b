import { autoReply, measure, STOCK_STOP_HELP_ES, type Lang } from '~/lib/preview'
import { STOCK_STOP_HELP, type StoredHours } from '~/schemas/number'

type Template = { title?: string; description?: string }
export type PreviewContext = { displayName: string; hours: StoredHours; stopHelpText: string }

// The missed-call text as the customer's phone shows it, with what carriers count under it. The
// page passes the form's live values with JavaScript (every keystroke) and the saved ones without.
export function ReplyPreview({
  templates,
  bilingual,
  services,
  spanishNames,
  context,
}: {
  templates: Template & { es?: Template }
  bilingual: boolean
  services: string[]
  spanishNames: Record<string, string>
  context: PreviewContext
}) {
  const languages: Lang[] = bilingual ? ['en', 'es'] : ['en']
  return (
    <section aria-label="Text preview" className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h3 className="text-sm font-semibold">What a caller you missed gets by text</h3>
      {languages.map((lang) => {
        const text = autoReply({
          template: (lang === 'es' ? templates.es : templates) ?? {},
          lang,
          displayName: context.displayName,
          services: lang === 'es' ? services.map((s) => spanishNames[s] ?? s) : services,
          hours: context.hours,
          stopHelpText:
            lang === 'es' && context.stopHelpText === STOCK_STOP_HELP ? STOCK_STOP_HELP_ES : context.stopHelpText,
        })
        const m = measure(text)
        return (
          <figure key={lang} data-preview={lang}>
            {bilingual ? (
              <figcaption className="mb-1 text-xs text-slate-500">{lang === 'es' ? 'Spanish' : 'English'}</figcaption>
            ) : null}
            <p
              className="whitespace-pre-wrap rounded-2xl rounded-bl-sm bg-white px-3 py-2 text-sm shadow-sm"
              data-testid={`preview-${lang}`}
            >
              {text}
            </p>
            <p className="mt-1 text-xs text-slate-600" data-testid={`measure-${lang}`}>
              {m.characters} characters · {m.encoding} · {m.segments} {m.segments === 1 ? 'SMS' : 'SMS segments'}
            </p>
            {m.segments > 2 ? (
              <p className="text-xs text-amber-800">
                This text goes out as {m.segments} messages; a shorter one costs less and reads better.
              </p>
            ) : null}
          </figure>
        )
      })}
    </section>
  )
}
