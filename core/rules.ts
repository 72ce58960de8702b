// Rules written once and used by the browser, the server and the worker. SQL checks the area code
// too (CHECKs on ob_number); there SQL decides, and these only word the message sooner. A rule that
// needs a library lives in a file of its own (site-host.ts), so the pages that use only these do
// not ship it.

/** A US area code: three digits, the first neither 0 nor 1 (NANP). */
export const AREA_CODE = /^[2-9]\d{2}$/

/**
 * A US number in E.164 (+1 and ten digits) as Americans write it, (415) 555-0123; anything else as
 * it is. The pages only show numbers we stored in E.164, so a display needs no phone library
 * (what owners type is read by core/phone.ts).
 */
export const usNational = (e164: string): string => {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164)
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164
}

/**
 * Whole dollars as US owners write them, $1,500 (in Spanish too). Not toLocaleString: a page's first
 * Intl call loads the browser's locale data, 20 ms and more of a phone's main thread at hydration.
 */
export const usd = (n: number): string => `$${String(n).replace(/\B(?=(\d{3})+$)/g, ',')}`
