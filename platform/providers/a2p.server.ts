import { z } from 'zod'
import { correlationId } from '../../db/context.server'
import { env } from '../env.server'

// The A2P Registration API (spec "STEP 4"): every POST carries the bearer token, the job key as
// Idempotency-Key and a Correlation-Id, so a retried job replays instead of registering twice.
// Network errors and 5xx throw (the job retries); the provider's refusals are returned as values.
// Every reply is read through its schema, as the Provisioning client does: a reply of another
// shape is the provider's fault, and the job retries it rather than recording something wrong.
const Phase = z.string().regex(/^[A-Z_]{2,40}$/)
const Reason = z.object({ code: z.string().max(40), message: z.string().max(1000) }).nullable()
const Status = z.object({ phase: Phase, reason: Reason.optional().transform((r) => r ?? null) })
const BrandReply = z.object({
  brandId: z.string().min(1).max(64),
  status: Status,
  identityStatus: Phase.nullable()
    .optional()
    .transform((s) => s ?? null),
})
const CampaignReply = z.object({ campaignId: z.string().min(1).max(64), status: Status })
const BindingReply = z.object({
  e164: z.string().regex(/^\+[1-9]\d{6,14}$/),
  campaignId: z.string().min(1).max(64),
  status: Status,
})
const OtpSent = z.object({ sent: z.boolean() })
export type Reason = z.infer<typeof Reason>
export type Status = z.infer<typeof Status>
export type BrandReply = z.infer<typeof BrandReply>
export type CampaignReply = z.infer<typeof CampaignReply>
export type BindingReply = z.infer<typeof BindingReply>
export type Refused = { refused: string; status: number }

export class ProviderDown extends Error {}

type Call = { key: string; correlationId: string }

async function request<S extends z.ZodType>(
  schema: S,
  method: 'GET' | 'POST',
  path: string,
  o: { body?: object; call?: Call } = {},
): Promise<z.infer<S> | Refused> {
  const base = env().A2P_API_URL
  if (!base) throw new ProviderDown('A2P_API_URL is not set')
  // Every request names the work it is made for: a refresh's reads too.
  const id = o.call?.correlationId ?? correlationId()
  let res: Response
  try {
    res = await fetch(new URL(path, base), {
      method,
      headers: {
        authorization: `Bearer ${env().A2P_TOKEN}`,
        ...(o.body && { 'content-type': 'application/json' }),
        ...(o.call && { 'idempotency-key': o.call.key }),
        ...(id && { 'correlation-id': id }),
      },
      body: o.body ? JSON.stringify(o.body) : undefined,
      signal: AbortSignal.timeout(15_000),
    })
  } catch (error) {
    throw new ProviderDown(`A2P API unreachable: ${String(error)}`)
  }
  const text = await res.text()
  if (res.status >= 500 || res.status === 429 || res.status === 401)
    throw new ProviderDown(`A2P API answered ${res.status}`)
  let json: unknown
  try {
    json = text ? JSON.parse(text) : {}
  } catch {
    throw new ProviderDown(`A2P API answered ${res.status} with a body that is not JSON`)
  }
  if (!res.ok)
    return {
      refused: String((json as { error?: unknown })?.error ?? `HTTP ${res.status}`).slice(0, 300),
      status: res.status,
    }
  const reply = schema.safeParse(json)
  if (!reply.success)
    throw new ProviderDown(
      `A2P API answered ${method} ${path.split('/')[1]} with an unexpected shape: ${reply.error.issues[0]?.path.join('.')} ${reply.error.issues[0]?.message}`,
    )
  return reply.data
}

export const isRefused = (r: unknown): r is Refused => typeof r === 'object' && r !== null && 'refused' in r

export type BrandInput = {
  taxId?: string
  legalName: string
  displayName: string
  websiteDomain: string
  brandType: 'SOLE_PROP' | 'STANDARD'
}
export const createBrand = (b: BrandInput, call: Call) =>
  request(BrandReply, 'POST', '/brands', { body: { country: 'US', ...b }, call })
export const submitBrand = (brandId: string, call: Call) =>
  request(BrandReply, 'POST', `/brands/${encodeURIComponent(brandId)}:submit`, { body: {}, call })
export const getBrand = (brandId: string) => request(BrandReply, 'GET', `/brands/${encodeURIComponent(brandId)}`)

export type CampaignInput = {
  brandId: string
  useCase: string
  optInDescription: string
  sampleMessages: string[]
  stopHelpText: string
  linkDomains: string[]
  /** Required of new campaigns since 2026-06-30 (Twilio's Usa2p v2): the owner's pages or our hosted ones. */
  privacyPolicyUrl: string
  termsAndConditionsUrl: string
  /** How a customer comes to receive texts. */
  messageFlow: string
  /** A link one of the samples holds, when one does. */
  embeddedLinkSample?: string
}
export const createCampaign = (c: CampaignInput, call: Call) =>
  request(CampaignReply, 'POST', '/campaigns', { body: c, call })
export const submitCampaign = (campaignId: string, call: Call) =>
  request(CampaignReply, 'POST', `/campaigns/${encodeURIComponent(campaignId)}:submit`, { body: {}, call })
export const getCampaign = (campaignId: string) =>
  request(CampaignReply, 'GET', `/campaigns/${encodeURIComponent(campaignId)}`)

export const attachNumber = (campaignId: string, e164: string, call: Call) =>
  request(BindingReply, 'POST', '/numbers:attach', { body: { campaignId, e164 }, call })
export const getBinding = (e164: string) => request(BindingReply, 'GET', `/numbers/${encodeURIComponent(e164)}`)

export const resendOtp = (brandId: string, call: Call) =>
  request(OtpSent, 'POST', `/brands/${encodeURIComponent(brandId)}/otp`, { body: {}, call })
export const verifyOtp = (brandId: string, code: string, call: Call) =>
  request(BrandReply, 'POST', `/brands/${encodeURIComponent(brandId)}/otp:verify`, { body: { code }, call })
