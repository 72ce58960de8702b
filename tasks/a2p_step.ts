import type { Task } from 'graphile-worker'
import { readA2p, recordStep, refreshBy, unsendable, type A2pRow } from '../db/a2p.server'
import { readAccount } from '../db/account.server'
import { jobFor, readPayload } from '../db/jobs.server'
import { readNumber } from '../db/number.server'
import { pool } from '../platform/db.server'
import { env } from '../platform/env.server'
import * as a2p from '../platform/providers/a2p.server'

// One step of the registration chain: create and submit the brand, create and submit the
// campaign, or attach the number. The job key is the Idempotency-Key (":submit" for the second
// call), so a retry after a crash, a timeout or a lost commit replays the provider's first answer
// and never registers twice. Then the refresher takes over: it reads the status and enqueues the
// next step once the provider allows it (a campaign needs an approved brand).
export const a2p_step: Task = async (payload, helpers) => {
  try {
    await step(payload, helpers)
  } catch (error) {
    // Out of retries (the provider down for a day): never a silent hang. One line on the page
    // ("Registration paused: try again"), and Submit is open again.
    if (helpers.job.attempts < helpers.job.max_attempts) throw error
    const p = readPayload('a2p_step', payload)
    helpers.logger.error(
      `a2p_step ${p.tenantId} ${p.step}: paused after ${helpers.job.attempts} attempts: ${(error as Error).message}`,
    )
    await recordStep(pool(), p.tenantId, {
      step: p.step,
      phase: p.step === 'campaign' ? 'REJECTED' : 'FAILED',
      reason: { code: 'PAUSED', message: (error as Error).message },
      correlationId: p.correlationId,
    })
  }
}

const step: Task = async (payload, helpers) => {
  const p = readPayload('a2p_step', payload)
  const key = jobFor('a2p_step', p).key
  const call = (suffix = '') => ({ key: `${key}${suffix}`, correlationId: p.correlationId })
  const sql = pool()
  const [r, account, number] = await Promise.all([
    readA2p(sql, p.tenantId),
    readAccount(sql, p.tenantId),
    readNumber(sql, p.tenantId),
  ])
  if (r.submissionCount !== p.submission) return // a newer submission replaced this one
  // The first status check soon after a step (or sooner, if the provider's event already asked).
  const refreshSoon = () => refreshBy(pool(), p.tenantId, new Date(Date.now() + env().A2P_REFRESH_SECONDS * 1000))
  const refused = async (what: a2p.Refused) => {
    helpers.logger.warn(`a2p_step ${p.tenantId} ${p.step}: refused ${what.status} ${what.refused}`)
    // Not allowed yet (a brand not approved yet): the refresher continues once it is.
    if (what.status === 409) return void (await refreshSoon())
    await recordStep(sql, p.tenantId, {
      step: p.step,
      phase: p.step === 'campaign' ? 'REJECTED' : 'FAILED',
      reason: { code: 'REQUEST', message: what.refused },
      correlationId: p.correlationId,
    })
  }

  // What is sent is what is saved now, which may have changed since Submit (the campaign goes days
  // later): it must pass the same checks as at Submit, or the owner is told, as by a rejection.
  if (p.step !== 'binding') {
    const blockers = await unsendable(sql, p.tenantId)
    if (blockers.includes('WEBSITE_CHECKING'))
      throw new Error(`a2p_step ${p.tenantId} ${p.step}: the changed website is being checked; retrying`)
    if (blockers.length) {
      helpers.logger.warn(`a2p_step ${p.tenantId} ${p.step}: not sent, changed since Submit (${blockers.join(', ')})`)
      return recordStep(sql, p.tenantId, {
        step: p.step,
        phase: p.step === 'campaign' ? 'REJECTED' : 'FAILED',
        reason: { code: 'CHECKS', message: blockers.join(', ') },
        correlationId: p.correlationId,
      })
    }
  }

  if (p.step === 'brand') {
    const created = await a2p.createBrand(
      {
        brandType: r.brandType ?? 'SOLE_PROP',
        legalName: r.legalBusinessName ?? '',
        displayName: account.displayName ?? r.legalBusinessName ?? '',
        websiteDomain: r.websiteUrl ? new URL(r.websiteUrl).hostname : '',
        ...(r.brandType === 'STANDARD' && r.taxId && { taxId: r.taxId }),
      },
      call(),
    )
    if (a2p.isRefused(created)) return refused(created)
    await recordStep(sql, p.tenantId, {
      step: 'brand',
      id: created.brandId,
      phase: created.status.phase,
      correlationId: p.correlationId,
    })
    const submitted = await a2p.submitBrand(created.brandId, call(':submit'))
    if (a2p.isRefused(submitted)) return refused(submitted)
    await recordStep(sql, p.tenantId, {
      step: 'brand',
      phase: submitted.status.phase,
      reason: submitted.status.reason,
      identityStatus: submitted.identityStatus,
      correlationId: p.correlationId,
    })
  } else if (p.step === 'campaign') {
    if (!r.brandId) return
    const created = await a2p.createCampaign(
      {
        brandId: r.brandId,
        useCase: r.useCase,
        optInDescription: r.optInDescription,
        sampleMessages: r.sampleMessages,
        stopHelpText: r.stopHelpText,
        linkDomains: r.linkDomains,
        ...campaignPages(env().appBase, p.tenantId, r, account.displayName ?? r.legalBusinessName ?? 'The business'),
      },
      call(),
    )
    if (a2p.isRefused(created)) return refused(created)
    await recordStep(sql, p.tenantId, {
      step: 'campaign',
      id: created.campaignId,
      phase: created.status.phase,
      correlationId: p.correlationId,
    })
    const submitted = await a2p.submitCampaign(created.campaignId, call(':submit'))
    if (a2p.isRefused(submitted)) return refused(submitted)
    await recordStep(sql, p.tenantId, {
      step: 'campaign',
      phase: submitted.status.phase,
      reason: submitted.status.reason,
      correlationId: p.correlationId,
    })
  } else {
    if (!r.campaignId || !number.e164) return
    const attached = await a2p.attachNumber(r.campaignId, number.e164, call())
    if (a2p.isRefused(attached)) return refused(attached)
    await recordStep(sql, p.tenantId, {
      step: 'binding',
      phase: attached.status.phase,
      reason: attached.status.reason,
      correlationId: p.correlationId,
    })
  }
  // The first status check comes soon after a step; the refresher backs off from there.
  await refreshSoon()
}

/**
 * What carriers require of a campaign in 2026: its privacy and terms pages (ours when the owner uses
 * the hosted ones, else where the website check found theirs), how customers come to get texts,
 * and a sample's link when one holds a link.
 */
export function campaignPages(
  appBase: string,
  tenantId: string,
  r: Pick<A2pRow, 'hostedPolicy' | 'privacyUrl' | 'termsUrl' | 'sampleMessages'>,
  business: string,
) {
  const hosted = (page: string) => `${appBase}/p/${tenantId}/${page}`
  const terms = r.hostedPolicy ? hosted('terms') : (r.termsUrl ?? '')
  const link = r.sampleMessages.map((m) => /https?:\/\/\S+/.exec(m)?.[0]).find(Boolean)
  return {
    privacyPolicyUrl: r.hostedPolicy ? hosted('privacy') : (r.privacyUrl ?? ''),
    termsAndConditionsUrl: terms,
    messageFlow: `Customers call ${business}. When a call is missed, the business texts the caller back once from its own number; a customer who texts the number first gets replies. Each text names the business and says how to opt out (reply STOP) and get help (reply HELP). Terms and consent: ${terms}`,
    ...(link && { embeddedLinkSample: link }),
  }
}
