import { SegmentedMessage } from 'sms-segments-calculator'
import type { Token } from '../schemas/tokens'

// The missed-call auto-reply as the customer's phone shows it: the owner's templates with their
// tokens resolved, then the STOP/HELP line. Used by the server (the page without JavaScript) and by
// the browser (the preview follows every keystroke), so it is plain code with no server module.
export type Lang = 'en' | 'es'
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
type Hours = Record<(typeof DAYS)[number], { open: boolean; start: string; end: string }>

const NAMES = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  es: ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'],
}
const clock = (t: string) => {
  const [h, m] = t.split(':').map(Number)
  return `${h % 12 || 12}${m ? `:${String(m).padStart(2, '0')}` : ''}${h < 12 ? 'am' : 'pm'}`
}

/**
 * Opening hours in a few words: "Mon-Fri 8am-6pm, Sat 9am-1pm" (days with the same hours grouped).
 * Plain hyphens: an en dash is not in the GSM-7 alphabet and would make the whole text UCS-2.
 */
export function formatHours(hours: Hours, lang: Lang): string {
  const runs: { from: number; to: number; span: string }[] = []
  DAYS.forEach((day, i) => {
    const h = hours[day]
    if (!h?.open) return
    const span = `${clock(h.start)}-${clock(h.end)}`
    const last = runs.at(-1)
    if (last && last.to === i - 1 && last.span === span) last.to = i
    else runs.push({ from: i, to: i, span })
  })
  if (runs.length === 0) return lang === 'es' ? 'con cita' : 'by appointment'
  const names = NAMES[lang]
  return runs.map((r) => `${names[r.from]}${r.to > r.from ? `-${names[r.to]}` : ''} ${r.span}`).join(', ')
}

/** "a, b and c" (or "a, b y c"). */
export function listOf(items: string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} ${lang === 'es' ? 'y' : 'and'} ${items.at(-1)}`
}

export const STOCK_STOP_HELP_ES =
  'Responda STOP para cancelar, HELP para ayuda. Pueden aplicar tarifas de mensajes y datos.'

export type ReplyInput = {
  template: { title?: string; description?: string }
  lang: Lang
  displayName: string
  /** The services in the reply's language, the first being the main one. */
  services: string[]
  hours: Hours
  stopHelpText: string
}

/** A service name inside a sentence: "drain cleaning", but "AC repair" keeps its capitals. */
const inSentence = (name: string) => (/^[A-Z][a-z]/.test(name) ? name[0].toLowerCase() + name.slice(1) : name)

export function autoReply(o: ReplyInput): string {
  const services = o.services.map(inSentence)
  const values: Record<Token, string> = {
    displayName: o.displayName,
    service: services[0] ?? '',
    services: listOf(services, o.lang),
    hours: formatHours(o.hours, o.lang),
  }
  const fill = (text = '') =>
    text.replace(/\{(\w+)\}/g, (whole, token: string) => values[token as Token] ?? whole).trim()
  return [fill(o.template.title), fill(o.template.description), o.stopHelpText.trim()].filter(Boolean).join('\n')
}

/** What carriers count: characters, the encoding (GSM-7, or UCS-2 for emoji and some accents) and SMS segments. */
export function measure(text: string): Measure {
  const known = measured.get(text)
  if (known) return known
  const message = new SegmentedMessage(text)
  const m: Measure = {
    characters: message.numberOfCharacters,
    encoding: message.encodingName as 'GSM-7' | 'UCS-2',
    segments: message.segmentsCount,
  }
  // Splitting into graphemes is the page's costliest render work (a phone's main thread at
  // hydration, Lighthouse); the page renders the same text several times over.
  if (measured.size >= 64) measured.delete(measured.keys().next().value!)
  measured.set(text, m)
  return m
}
type Measure = { characters: number; encoding: 'GSM-7' | 'UCS-2'; segments: number }
const measured = new Map<string, Measure>()
