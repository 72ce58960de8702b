import type { MetaFunction } from '@remix-run/node'
import { documentTitle, type PageId } from '~/wizard'

/** A page's meta: its own title, with "Error: " in front when the page answers a refused post. */
export const pageMeta =
  (page: PageId): MetaFunction =>
  ({ data }) => [{ title: documentTitle(page, Boolean((data as { refused?: boolean } | undefined)?.refused)) }]
