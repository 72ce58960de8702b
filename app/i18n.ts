import { useTranslation } from 'react-i18next'
import { isLang, wordMessage, type Lang } from '../core/i18n/languages'

export { m, msg } from '../core/i18n/languages'

/** The page's language: its i18next instance's, set from what the root loader detected (app/i18n.server.ts). */
export function useLang(): Lang {
  const lang = useTranslation().i18n.language
  return isLang(lang) ? lang : 'en'
}

/**
 * The owner's words: `t` for the page's own English keys, `msg` for a message that came as data
 * (a schema's error, a reply, a blocker's line), which may carry values (languages.ts msg).
 */
export function useT() {
  const { t } = useTranslation()
  const lang = useLang()
  return { t, lang, msg: (message: string | undefined | null) => (message ? wordMessage(t as never, message) : '') }
}

/** A service's Spanish name is lower case, for the middle of a text; alone (a chip, a list) it starts with a capital. */
export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
