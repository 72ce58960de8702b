import { getHostname } from 'tldts'

/** A website's host as links and the carriers compare it: lower case (tldts), without "www.". */
export const siteHost = (url: string): string | null => getHostname(url)?.replace(/^www\./, '') ?? null
