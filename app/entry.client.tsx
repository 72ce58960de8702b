import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import { StrictMode, startTransition } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { I18N_OPTIONS, isLang } from '../core/i18n/languages'

// The browser loads only the catalogue of the page's language (<html lang>, set by the server),
// before hydrating, so the first render says what the server said.
async function hydrate() {
  const lang = isLang(document.documentElement.lang) ? document.documentElement.lang : 'en'
  const translation = lang === 'es' ? (await import('../core/i18n/es')).es : {}
  await i18next.use(initReactI18next).init({ ...I18N_OPTIONS, lng: lang, resources: { [lang]: { translation } } })
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    )
  })
}
void hydrate()
