import * as z from 'zod'

// The copier's document (the ob_snapshot view), as the summary page reads it: the parts it shows
// are checked; the rest passes through as the view has it. Shared: db/snapshot.server.ts parses the
// view's row with it, and the summary (app/components/summary.tsx) renders its type.
const price = z.object({ min: z.number().nullable(), max: z.number().nullable(), currency: z.string() })
const Day = z.object({ open: z.boolean(), start: z.string(), end: z.string() })
export const Snapshot = z.looseObject({
  schemaVersion: z.number().int(),
  tenantId: z.string().uuid(),
  flow: z.looseObject({ phase: z.string(), textingEligible: z.boolean(), finishedAt: z.string().nullable() }),
  account: z.looseObject({
    displayName: z.string().nullable(),
    vertical: z.string().nullable(),
    ownerEmail: z.string().nullable(),
    timezone: z.string().nullable(),
  }),
  number: z.looseObject({
    e164: z.string().nullable(),
    areaCode: z.string().nullable(),
    state: z.string().nullable(),
    hours: z.record(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), Day),
    holidays: z.array(z.string()),
    portIn: z.object({ requested: z.boolean(), phoneNumber: z.string().nullable() }),
  }),
  calmsg: z.looseObject({
    calendarProvider: z.string(),
    calendarConnected: z.boolean(),
    calendarAccountEmail: z.string().nullable(),
    calendarLater: z.boolean(),
    topServices: z.array(z.string()),
    priceRanges: z.record(z.string(), price),
    bilingual: z.boolean(),
  }),
  a2p: z.looseObject({
    brandType: z.string().nullable(),
    legalBusinessName: z.string().nullable(),
    brandPhase: z.string().nullable(),
    campaignPhase: z.string().nullable(),
    bindingPhase: z.string().nullable(),
    submittedAt: z.string().nullable(),
    timeline: z.array(
      z.object({
        step: z.string(),
        status: z.string(),
        at: z.string().nullable(),
        usuallyFrom: z.string().nullable(),
        usuallyBy: z.string().nullable(),
        late: z.boolean(),
      }),
    ),
  }),
  employees: z.array(z.looseObject({ role: z.string(), name: z.string().nullable() })),
})
export type Snapshot = z.infer<typeof Snapshot>
