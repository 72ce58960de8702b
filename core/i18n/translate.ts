import i18next, { type TFunction } from 'i18next'
import { es } from './es'
import { I18N_OPTIONS, wordMessage, type Lang } from './languages'

// Both catalogues, for the server and the worker (the browser loads only its own: entry.client).
export const RESOURCES = { en: { translation: {} }, es: { translation: es } }

// The default instance, with both: the worker's mails, and on the web server what is worded outside
// React (a page's <title>: app/kit/meta.ts) read through getFixedT, which never changes a shared
// language. A document's React tree has an instance of its own (app/i18n.server.ts).
void i18next.init({ ...I18N_OPTIONS, lng: 'en', resources: RESOURCES })

/** The words of one language, and a message with values (languages.ts msg) worded in it. */
export function translator(lang: Lang) {
  const t: TFunction = i18next.getFixedT(lang)
  return { t, msg: (message: string) => wordMessage(t as never, message) }
}
