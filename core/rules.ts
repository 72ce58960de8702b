import { getHostname } from 'tldts'

// Rules written once and used by the browser, the server and the worker. SQL checks the area code
// too (CHECKs on ob_number); there SQL decides, and these only word the message sooner.

/** A US area code: three digits, the first neither 0 nor 1 (NANP). */
export const AREA_CODE = /^[2-9]\d{2}$/

/** A website's host as links and the carriers compare it: lower case (tldts), without "www.". */
export const siteHost = (url: string): string | null => getHostname(url)?.replace(/^www\./, '') ?? null
