import i18next, { type TFunction } from 'i18next'
import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { isLang, wordMessage, type Lang } from '../core/i18n/languages'

export { m, msg } from '../core/i18n/languages'

type Words = {
  /** The page's own English keys in the page's language. */
  t: TFunction
  lang: Lang
  /** A message that came as data (a schema's error, a reply, a blocker's line), maybe with values (languages.ts msg). */
  msg: (message: string | undefined | null) => string
}

function wordsFor(i18nT: TFunction, language: string | undefined): Words {
  // A page renders its labels several times (hydration, then each revalidation): each plain key is
  // looked up once per page. i18next's lookup of a key (a miss, for English) costs a phone ~0.2 ms.
  const plain = new Map<string, string>()
  const t = ((key: string, options?: unknown) => {
    if (options !== undefined) return i18nT(key, options as never)
    let words = plain.get(key)
    if (words === undefined) plain.set(key, (words = i18nT(key) as string))
    return words
  }) as TFunction
  return {
    t,
    lang: isLang(language) ? language : 'en',
    msg: (message) => (message ? wordMessage(t as never, message) : ''),
  }
}

// One subscription to i18next for the whole page (the root's <PageWords>), read by every component
// through a context: react-i18next's useTranslation in each of a page's hundred labels and error
// lines cost a mobile phone about 300 ms of main thread at hydration (Lighthouse, issue 22).
const WordsContext = createContext<Words | null>(null)

export function PageWords({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation()
  const words = useMemo(() => wordsFor(t, i18n.language), [t, i18n.language])
  return <WordsContext.Provider value={words}>{children}</WordsContext.Provider>
}

/** The owner's words. Outside <PageWords> (a unit test's render) the default i18next instance's. */
export function useT(): Words {
  return useContext(WordsContext) ?? wordsFor(i18next.t, i18next.language)
}

/** A service's Spanish name is lower case, for the middle of a text; alone (a chip, a list) it starts with a capital. */
export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
