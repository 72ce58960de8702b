import type { Sql } from '../../db/client.server'
import { privacyNoSharing, readTerms } from '../../core/policy-text'
import { readyA2pTenant } from './a2p'

// One registration case (test/corpus/a2p-rejections.json): the test registration changed in one
// way, its owner's pages read by the app's reader, and the blocker codes SQL gives it.
export type A2pCase = {
  id: string
  expect?: string | null
  samples?: string[]
  displayName?: string
  legalName?: string
  brandType?: string
  taxId?: string | null
  contact?: { name: string; email: string }
  website?: string
  httpsOk?: boolean
  hosted?: boolean
  privacy?: string
  terms?: string
  privacyFound?: boolean
  termsFound?: boolean
}
// What the sites fake's pages say by default (test/fakes/sites.ts).
const PRIVACY = 'No mobile information will be shared with third parties or affiliates for marketing purposes.'
const TERMS =
  'Message frequency varies. Message and data rates may apply.\nReply STOP to opt out, HELP for help. Questions: support@riveraplumbing.example'

export async function blockersOf(sql: Sql, c: A2pCase): Promise<string[]> {
  const t = await readyA2pTenant(sql)
  if (c.displayName) await sql`update ob_account set display_name = ${c.displayName} where tenant_id = ${t}`
  const [{ legal, display }] =
    await sql`select a.legal_business_name legal, c.display_name display from ob_a2p a join ob_account c using (tenant_id) where tenant_id = ${t}`
  const terms = readTerms(c.terms ?? TERMS, {
    names: [c.legalName ?? legal, display],
    domain: 'riveraplumbing.example',
  })
  await sql`update ob_a2p set
    sample_messages = coalesce(${c.samples ?? null}::text[], sample_messages),
    legal_business_name = coalesce(${c.legalName ?? null}, legal_business_name),
    brand_type = coalesce(${c.brandType ?? null}, brand_type),
    tax_id = case when ${c.taxId === null} then null else tax_id end,
    authorized_contact = case when ${Boolean(c.contact)} then authorized_contact || ${sql.json(c.contact ?? {})} else authorized_contact end,
    website_url = coalesce(${c.website ?? null}, website_url),
    https_ok = coalesce(${c.httpsOk ?? null}, https_ok),
    hosted_policy = ${c.hosted ?? false},
    privacy_found = coalesce(${c.privacyFound ?? null}, privacy_found), terms_found = coalesce(${c.termsFound ?? null}, terms_found),
    privacy_no_sharing = ${privacyNoSharing(c.privacy ?? PRIVACY)},
    terms_frequency = ${terms.frequency}, terms_rates = ${terms.rates}, terms_contact = ${terms.contact}
    where tenant_id = ${t}`
  const [{ blockers }] = await sql`select (ob_state_a2p(f)).blockers from ob_flow f where tenant_id = ${t}`
  return (blockers as string[]).filter((b) => b !== 'SUBMIT_A2P')
}
