import { autoReply, measure, STOCK_STOP_HELP_ES, type Lang } from '~/lib/preview'
import { STOCK_STOP_HELP, type StoredHours } from '~/schemas/number'
import { useT } from '~/i18n'

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
  const { t } = useT()
  const languages: Lang[] = bilingual ? ['en', 'es'] : ['en']
  return (
    <section aria-label={t('Text preview')} className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h3 className="text-sm font-semibold">{t('What a caller you missed gets by text')}</h3>
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
          <figure key={lang} data-preview={lang} lang={lang}>
            {bilingual ? (
              <figcaption className="mb-1 text-xs text-slate-500">
                {lang === 'es' ? t('Spanish') : t('English')}
              </figcaption>
            ) : null}
            <p
              className="whitespace-pre-wrap rounded-2xl rounded-bl-sm bg-white px-3 py-2 text-sm shadow-sm"
              data-testid={`preview-${lang}`}
            >
              {text}
            </p>
            <p className="mt-1 text-xs text-slate-600" data-testid={`measure-${lang}`}>
              {t('{{characters}} characters', { characters: m.characters })} · {m.encoding} ·{' '}
              {m.segments === 1 ? t('1 SMS') : t('{{segments}} SMS segments', { segments: m.segments })}
            </p>
            {m.segments > 2 ? (
              <p className="text-xs text-amber-800">
                {t('This text goes out as {{segments}} messages; a shorter one costs less and reads better.', {
                  segments: m.segments,
                })}
              </p>
            ) : null}
          </figure>
        )
      })}
    </section>
  )
}
