// What an owner's privacy policy and SMS terms say, read the way carriers' reviewers read them
// (Twilio 30919, 30908, 30558, 30562; a2p-10dlc.md sections 2 and 9): the privacy page promises that
// mobile numbers and opt-in data are not shared or sold, and no sentence allows sharing them with
// third parties ("with your consent" included: Aircall's and Precision's guides list that wording
// as refused); the terms state the frequency, "message and data rates may apply", the business
// and a support contact. The text is the page's visible text (at most 64 kB); each pattern is
// bounded (no unbounded repeat can backtrack over an owner's page: one froze the worker before).

const clauses = (text: string) =>
  text
    .toLowerCase()
    .split(/[.;!?](?:\s|$)|\s+but\s|\n|•/)
    .map((c) => c.replace(/\s+/g, ' ').trim())
    .filter(Boolean)

const NEGATION = /\b(not|never|no|none|nor|neither|without)\b|n't\b/
const SHARING =
  /\b(share[sd]?|sharing|sell|sells|sold|selling|rent|rented|renting|disclose[sd]?|transfer(s|red)?|trade[sd]?)\b/
const OUTSIDERS =
  /\b(third[- ]part(y|ies)|partners?|affiliates?|marketers?|lead generators?|other (companies|businesses)|sponsors?|advertisers?)\b/
const DATA = /\b(information|info|data|numbers?|details|opt[- ]?in|consent|contacts?)\b/
const MOBILE = /\b(mobile|phone|cell|sms|text|texting|messag\w*|opt[- ]?in|originator)\b/

/** Whether a privacy page promises mobile data is not shared or sold, and nowhere allows it. */
export function privacyNoSharing(text: string): boolean {
  const cs = clauses(text)
  const promises = cs.some((c) => SHARING.test(c) && NEGATION.test(c) && MOBILE.test(c))
  const allows = cs.some(
    (c) =>
      SHARING.test(c) &&
      DATA.test(c) &&
      (OUTSIDERS.test(c) || /\b(marketing|promotional)\b/.test(c)) &&
      !NEGATION.test(c),
  )
  return promises && !allows
}

const FREQUENCY =
  /\bfrequency\b|\b\d{1,4} ?(messages?|msgs?|texts?) ?(per|a|\/|each|every) ?\w{1,20}|\brecurring messages?\b/
const RATES = /\b(message|msg|messaging|text|sms)s? ?(and|&|\/|\+) ?data ?rates? ?(may|might|could|will|can)? ?apply\b/
const EMAIL = /[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63}){0,4}\.[a-z]{2,24}\b/
const PHONE = /(\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/
const HELP = /\b(reply|text|send) "?help\b/

const plain = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(llc|inc|corp|co|ltd|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/** What the SMS terms state: frequency, rates, and the business (a name or the site's domain) with a way to reach it. */
export function readTerms(text: string, business: { names: (string | null)[]; domain: string | null }) {
  const lower = text.toLowerCase().replace(/\s+/g, ' ')
  const flat = ` ${plain(text)} `
  const named =
    business.names.some((n) => n && plain(n).length >= 3 && flat.includes(` ${plain(n)} `)) ||
    Boolean(business.domain && lower.includes(business.domain.toLowerCase()))
  return {
    frequency: FREQUENCY.test(lower),
    rates: RATES.test(lower),
    contact: named && (EMAIL.test(lower) || PHONE.test(lower) || HELP.test(lower)),
  }
}
