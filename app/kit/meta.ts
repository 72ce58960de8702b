import type { MetaFunction } from '@remix-run/node'
import i18next from 'i18next'
import { isLang } from '../../core/i18n/languages'
import { documentTitle, type PageId } from '~/wizard'

/** The words of the page's language outside React (a meta function), from the root's data. */
export function wordsOf(matches: { id: string; data?: unknown }[]) {
  const lang = (matches.find((m) => m.id === 'root')?.data as { lang?: string } | undefined)?.lang
  return i18next.getFixedT(isLang(lang) ? lang : 'en')
}

/** A page's meta: its own title, with "Error: " in front when the page answers a refused post. */
export const pageMeta =
  (page: PageId): MetaFunction =>
  ({ data, matches }) => [
    { title: documentTitle(page, Boolean((data as { refused?: boolean } | undefined)?.refused), wordsOf(matches)) },
  ]
