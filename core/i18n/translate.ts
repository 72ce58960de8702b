import { createInstance, type TFunction } from 'i18next'
import { es } from './es'
import { I18N_OPTIONS, wordMessage, type Lang } from './languages'

// Both catalogues, for the server and the worker (the browser loads only its own: entry.client).
export const RESOURCES = { en: { translation: {} }, es: { translation: es } }

const i18n = createInstance({ ...I18N_OPTIONS, resources: RESOURCES })
void i18n.init()

/** The words of one language, and a message with values (languages.ts msg) worded in it. */
export function translator(lang: Lang) {
  const t: TFunction = i18n.getFixedT(lang)
  return { t, msg: (message: string) => wordMessage(t as never, message) }
}
