import { m } from '../../core/i18n/languages'
import { readAccount, type AccountRow } from '../../db/account.server'
import {
  calmsgSection,
  disconnectCalendar,
  fillCalmsgDefaults,
  readCalmsg,
  type CalmsgRow,
} from '../../db/calmsg.server'
import { jobFor } from '../../db/jobs.server'
import { readNumber, type NumberRow } from '../../db/number.server'
import { servicesFor, templatesFor, type Service } from '../../core/data/services'
import { definePage, type Refusal, type SavePlan } from '../kit/page.server'
import { seal, unsealOrNull } from '../../platform/crypto.server'
import { CalmsgBasic, CalmsgSchema, MAX_SERVICES, type CalmsgFields, type PriceRange } from '../schemas/calmsg'

// Page 3 (Calendar, Messaging & Pricing): what it shows and what a save changes. The first time it
// is shown it stores the trade's defaults (three services at typical prices, the reply in the
// trade's words, alerts to the owner), so accepting them is one click on Continue. Continue
// without a connected calendar is the explicit "connect it later".
export const calmsgPage = definePage({
  id: 'calmsg',
  schema: CalmsgSchema,
  basic: CalmsgBasic,
  section: calmsgSection,
  intents: ['disconnect', 'slackTest'],
  async refresh({ tenantId, read }) {
    await read(async (tx) => fillCalmsgDefaults(tx, tenantId, calmsgDefaults(await readAccount(tx, tenantId))))
  },
  async load({ tenantId, tx }) {
    const [calmsg, account, number] = await Promise.all([
      readCalmsg(tx, tenantId),
      readAccount(tx, tenantId),
      readNumber(tx, tenantId),
    ])
    return calmsgView(calmsg, account, number, openSlackLink(tenantId, calmsg))
  },
  async save({ tenantId, intent, value, read }) {
    const [calmsg, account] = await read((tx) => Promise.all([readCalmsg(tx, tenantId), readAccount(tx, tenantId)]))
    return planCalmsgSave({ tenantId, intent, value, calmsg, account })
  },
})

const emptyRange: PriceRange = { min: null, max: null, currency: 'USD' }
const typical = (catalogue: Service[], name: string): PriceRange => {
  const s = catalogue.find((c) => c.name === name)
  return s ? { min: s.min, max: s.max, currency: 'USD' } : emptyRange
}

/** The trade's defaults, stored when the page is first shown. */
export function calmsgDefaults(account: Pick<AccountRow, 'vertical' | 'ownerEmail' | 'ownerMobileE164'>) {
  const catalogue = servicesFor(account.vertical)
  const topServices = catalogue.slice(0, MAX_SERVICES).map((s) => s.name)
  const t = templatesFor(account.vertical)
  return {
    topServices,
    priceRanges: Object.fromEntries(topServices.map((name) => [name, typical(catalogue, name)])),
    templates: { ...t.en, es: t.es },
    opsEmails: account.ownerEmail ? [account.ownerEmail] : [],
    opsSms: account.ownerMobileE164 ? [account.ownerMobileE164] : [],
  }
}

/** What the page shows: the row, the trade's catalogue, and what the preview needs. */
export function calmsgView(
  stored: CalmsgRow,
  account: AccountRow,
  number: Pick<NumberRow, 'hours' | 'stopHelpText'>,
  slackWebhookUrl: string | null,
) {
  const defaults = calmsgDefaults(account)
  const catalogue = servicesFor(account.vertical)
  // Services saved under another trade stay listed, so changing trade never drops a choice.
  const extra = stored.topServices
    .filter((name) => !catalogue.some((s) => s.name === name))
    .map((name) => ({ name, es: name, min: 0, max: 0 }))
  return {
    calmsg: {
      ...stored,
      slackWebhookUrl,
      // A reply saved in English only still offers the trade's Spanish when "Also in Spanish" is ticked.
      templates: replyTemplates(stored.templates, defaults.templates),
    },
    catalogue: [...catalogue, ...extra],
    preview: {
      displayName: account.displayName ?? 'Your business',
      hours: number.hours,
      stopHelpText: number.stopHelpText,
    },
  }
}

/** The owner's own Slack link, opened for their page (a link that no longer opens shows as none). */
const openSlackLink = (tenantId: string, stored: CalmsgRow) =>
  stored.slackWebhookUrl
    ? unsealOrNull(stored.slackWebhookUrl, { tenantId, field: 'ob_calmsg.slack_webhook_url' })
    : null

type Reply = { title: string; description: string; es: { title: string; description: string } }
const replyTemplates = (stored: CalmsgRow['templates'], defaults: Reply): Reply =>
  'title' in stored ? { ...(stored as Reply), es: (stored as Partial<Reply>).es ?? defaults.es } : defaults

type SaveInput = {
  tenantId: string
  intent: 'autosave' | 'continue' | 'disconnect' | 'slackTest'
  value: Partial<CalmsgFields>
  calmsg: CalmsgRow
  account: AccountRow
}

/** What a valid submission of Page 3 changes, or why it is refused. */
export function planCalmsgSave(o: SaveInput): SavePlan | Refusal {
  const { priceRanges: sentPrices, slackWebhookUrl, ...value } = o.value
  const fields: Record<string, unknown> = { ...value }
  // The Slack link is a credential: sealed for this tenant, shown back to its owner only.
  if ('slackWebhookUrl' in o.value)
    fields.slackWebhookUrl = slackWebhookUrl
      ? seal(slackWebhookUrl, { tenantId: o.tenantId, field: 'ob_calmsg.slack_webhook_url' })
      : null
  // Prices follow the chosen services: kept for those still chosen, typical for a newly chosen one.
  if (value.topServices || sentPrices) {
    const services = value.topServices ?? o.calmsg.topServices
    const known: Record<string, PriceRange> = { ...o.calmsg.priceRanges, ...sentPrices }
    const catalogue = servicesFor(o.account.vertical)
    fields.priceRanges = Object.fromEntries(services.map((name) => [name, known[name] ?? typical(catalogue, name)]))
  }
  if (o.intent === 'disconnect') return { fields, after: (tx) => disconnectCalendar(tx, o.tenantId) }
  if (o.intent === 'slackTest') {
    const url = 'slackWebhookUrl' in o.value ? slackWebhookUrl : o.calmsg.slackWebhookUrl
    if (!url)
      return { status: 400, fieldErrors: { slackWebhookUrl: [m('Paste your Slack link first, then send the test')] } }
    return {
      fields: { ...fields, slackTestResult: 'pending', slackTestAt: new Date() },
      job: jobFor('slack_test_message', { tenantId: o.tenantId }),
    }
  }
  if (o.intent === 'continue') {
    const provider = value.calendarProvider ?? o.calmsg.calendarProvider
    // Going on with Google not connected is "connect it later": explicit, and the guard accepts it.
    if (provider === 'google' && !o.calmsg.calendarConnected)
      fields.calendarLaterAt = o.calmsg.calendarLaterAt ?? new Date()
  }
  return { fields }
}
