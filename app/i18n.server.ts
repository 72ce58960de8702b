import { createInstance } from 'i18next'
import { RemixI18Next } from 'remix-i18next/server'
import { I18N_OPTIONS, LANGUAGES, isLang, type Lang } from '../core/i18n/languages'
import { RESOURCES } from '../core/i18n/translate'
import { sessionStorage } from './auth/session.server'

// The owner's language on the server: ?lng= (a mail's link), else their choice (kept in the
// session by POST /language), else the browser's Accept-Language, else English. remix-i18next
// reads all three.
let detector: RemixI18Next | undefined
export async function localeOf(request: Request): Promise<Lang> {
  detector ??= new RemixI18Next({
    detection: {
      supportedLanguages: [...LANGUAGES],
      fallbackLanguage: 'en',
      sessionStorage: sessionStorage(),
      sessionKey: 'lng',
      order: ['searchParams', 'session', 'header'],
    },
  })
  const lang = await detector.getLocale(request)
  return isLang(lang) ? lang : 'en'
}

/** One instance per document render: React's useTranslation reads the instance's own language. */
export function i18nFor(lang: Lang) {
  const instance = createInstance({ ...I18N_OPTIONS, resources: RESOURCES, lng: lang })
  void instance.init()
  return instance
}
