import { useLocation } from '@remix-run/react'
import { useT } from '~/i18n'

const NAMES = { en: 'English', es: 'Español' } as const

/**
 * The other language, as one button of a plain form (no JavaScript needed; with it the browser
 * loads the page anew, in the new language). Named in its own language, as GOV.UK's switcher is.
 */
export function LanguageSwitch() {
  const { lang } = useT()
  const other = lang === 'es' ? 'en' : 'es'
  const { pathname, search } = useLocation()
  return (
    <form method="post" action="/language">
      <input type="hidden" name="back" value={`${pathname}${search}`} />
      <button type="submit" name="lng" value={other} lang={other} className="text-sm text-blue-700 underline">
        {NAMES[other]}
      </button>
    </form>
  )
}
