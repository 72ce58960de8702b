import { z } from 'zod'
import { AREA_CODE } from '../../core/rules'

// The webhooks we give the Provisioning API with every purchase (POST /numbers). Checked at
// start-up: https only, no secrets in query strings, exactly one of voiceUrl / voiceAppSid.
const SECRET_PARAM = /(token|secret|key|pass|pwd|auth|sig|signature|credential|session)/i

const hook = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .refine((v) => URL.canParse(v) && new URL(v).protocol === 'https:', `${name} must be an https:// URL`)
    .refine(
      (v) => !URL.canParse(v) || (!new URL(v).username && !new URL(v).password),
      `${name} must not carry a user or password`,
    )
    .refine(
      (v) => !URL.canParse(v) || ![...new URL(v).searchParams.keys()].some((k) => SECRET_PARAM.test(k)),
      `${name} must not carry secrets in its query string`,
    )

export const Webhooks = z
  .object({
    smsWebhookUrl: hook('smsWebhookUrl'),
    voiceUrl: hook('voiceUrl').optional(),
    voiceAppSid: z
      .string()
      .regex(/^AP[0-9a-f]{32}$/, 'voiceAppSid must look like AP followed by 32 hex digits')
      .optional(),
    statusCallbackUrl: hook('statusCallbackUrl'),
  })
  .refine((w) => Boolean(w.voiceUrl) !== Boolean(w.voiceAppSid), 'set exactly one of voiceUrl and voiceAppSid')
export type Webhooks = z.infer<typeof Webhooks>

/** The one body of POST /numbers: the same for every retry of a key, so the provider can replay it. */
export const PurchaseBody = z.object({
  areaCode: z.string().regex(AREA_CODE, 'areaCode must be 3 digits, not starting with 0 or 1'),
  capabilities: z.tuple([z.literal('sms'), z.literal('voice')]),
  webhooks: Webhooks,
})
export type PurchaseBody = z.infer<typeof PurchaseBody>
