import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { getCollectionProps } from '@conform-to/react'
import { useActionData, useLoaderData } from '@remix-run/react'
import { usNational } from '../../core/rules'
import { A2pAdvanced } from '~/components/a2p-advanced'
import { reasonFix } from '../../core/data/a2p-reasons'
import { RejectionLine, StatusPill, rejected } from '~/components/a2p-status'
import { A2pTimeline } from '~/components/a2p-timeline'
import { Errors, TextField } from '~/components/field'
import { OtpPanel } from '~/components/otp-panel'
import { PageForm, freshAfterSave, usePageForm } from '~/kit/page-form'
import { a2pPage } from '~/pages/a2p.server'
import { A2pBasic, A2pSchema } from '~/schemas/a2p'
import { pageMeta } from '~/kit/meta'
import { useT } from '~/i18n'

// Functions (not the page's own values) so the browser build drops them with the server module.
export const loader = (args: LoaderFunctionArgs) => a2pPage.loader(args)
export const action = (args: ActionFunctionArgs) => a2pPage.action(args)
export const meta = pageMeta('a2p')

// Fields in the Advanced section: a blocker whose Fix leads to one opens it.
const ADVANCED_FIX = ['#sampleMessages', '#linkDomains', '#hostedPolicy']

export default freshAfterSave(A2pPage)

function A2pPage() {
  const { state, a2p: r, blockers, hostedBase, timeline, timezone } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t, msg } = useT()
  const contact = r.authorizedContact ?? {}
  const { form, fields, autosave } = usePageForm({
    page: 'a2p',
    schema: A2pSchema,
    basic: A2pBasic,
    version: state.version,
    reply,
    defaultValue: {
      brandType: r.brandType ?? 'SOLE_PROP',
      legalBusinessName: r.legalBusinessName ?? '',
      websiteUrl: r.websiteUrl ?? '',
      taxId: r.taxId ?? '',
      authorizedContact: {
        name: contact.name ?? '',
        email: contact.email ?? '',
        phone: contact.phoneE164 ? usNational(contact.phoneE164) : '',
      },
      hostedPolicy: r.hostedPolicy ? 'on' : 'off',
    },
  })
  const c = fields.authorizedContact.getFieldset()
  const isRejected = rejected(r)
  const button = state.textingEligible ? t('Continue') : isRejected ? t('Resubmit') : t('Submit')
  const fixes = (href: string) => blockers.some((b) => b.fixHref === href)
  // The hosted pages are the Fix for a missing page and for one that lacks what carriers read.
  const policyMissing = fixes('#hostedPolicy')
  // A check fails after a rejection or a pause: the next review may be charged again.
  const checkFails = blockers.some((b) => b.check)
  const otp = r.brandPhase === 'VETTED' && r.identityStatus === 'UNVERIFIED'
  return (
    <PageForm
      page="a2p"
      title={t('Register for texting')}
      intro={t('US carriers require every business that texts to register. We filled this in for you.')}
      blockers={blockers}
      button={button}
      // Enter in a field never sends a registration (each is charged): it saves, or confirms the code.
      enter={otp ? 'verifyOtp' : state.textingEligible ? 'continue' : 'autosave'}
      form={form}
      autosave={autosave}
      reply={reply}
    >
      <div className="flex items-center gap-3">
        <StatusPill status={r} eligible={state.textingEligible} />
      </div>
      <A2pTimeline steps={timeline} timezone={timezone} />
      <RejectionLine status={r} />
      {otp ? (
        <OtpPanel phone={contact.phoneE164 ?? ''} sentAt={r.otpSentAt} error={r.otpError} checking={r.otpChecking} />
      ) : null}
      {r.websiteCheckError ? (
        <p className="text-sm text-amber-900" data-testid="website-error">
          {msg(r.websiteCheckError)}
        </p>
      ) : null}
      {policyMissing ? (
        <p className="flex flex-wrap items-center gap-2 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t(
            "Your site's privacy or SMS terms page is missing or lacks what carriers look for? We host both for you, made from your details.",
          )}
          <button
            type="submit"
            name="intent"
            value="useHostedPolicy"
            className="rounded-md border border-amber-800 px-3 py-1 font-medium"
          >
            {t('Use hosted pages')}
          </button>
        </p>
      ) : null}
      <fieldset id="brandType" className="[&:has(input[value=STANDARD]:checked)~.ein]:block">
        <legend className="text-sm font-medium">{t('How your business is registered')}</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          {getCollectionProps(fields.brandType, { type: 'radio', options: ['SOLE_PROP', 'STANDARD'] }).map(
            ({ key, ...props }) => (
              <label key={key} className="flex items-center gap-1.5">
                <input {...props} />
                {props.value === 'STANDARD'
                  ? t('Business with an EIN (LLC, corporation)')
                  : t('Sole proprietor, no EIN')}
              </label>
            ),
          )}
        </div>
        <Errors id={fields.brandType.errorId} errors={fields.brandType.errors} />
      </fieldset>
      <div className="ein hidden" id="taxId">
        <TextField
          label={t('EIN')}
          hint={t('9 digits, on your IRS letter (CP 575), like 12-3456789.')}
          meta={fields.taxId}
          inputMode="numeric"
          autoComplete="off"
        />
      </div>
      <TextField
        label={t('Legal business name')}
        hint={t('Exactly as on your IRS or state records.')}
        meta={fields.legalBusinessName}
        autoComplete="organization"
      />
      {r.legalMatchesTaxIdLike === false ? (
        <p className="-mt-4 text-sm text-amber-900">
          {t(
            'This differs from the name Stripe has; carriers compare it with IRS records, so use the exact legal name.',
          )}
        </p>
      ) : null}
      <TextField
        label={t('Website')}
        hint={t('Carriers check it shows your business name.')}
        meta={fields.websiteUrl}
        type="url"
        autoComplete="url"
      />
      <details
        id="authorizedContact"
        open={
          fixes('#authorizedContact') ||
          Boolean(
            reply?.result?.error && Object.keys(reply.result.error).some((k) => k.startsWith('authorizedContact')),
          )
        }
      >
        <summary className="cursor-pointer text-sm">
          <span className="font-medium">{t('Contact for carriers:')}</span> {contact.name} · {contact.email} ·{' '}
          {contact.phoneE164 ? usNational(contact.phoneE164) : ''}{' '}
          <span className="text-blue-700 underline">{t('Edit')}</span>
        </summary>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          <TextField label={t('Name')} meta={c.name} autoComplete="name" />
          <TextField label={t('Email')} meta={c.email} type="email" autoComplete="email" />
          <TextField label={t('Mobile')} meta={c.phone} type="tel" autoComplete="tel-national" />
        </div>
      </details>
      <p className="text-sm text-slate-600" id="submit">
        {t(
          'We register your business (the brand) and your missed-call texts (the campaign) with The Campaign Registry and the carriers, then link your number. The registry charges about $4.50 for the brand and $15 for each campaign review; reviews usually take a few days, sometimes weeks. Texting starts only once all three are approved.',
        )}
        {isRejected && checkFails ? (
          <strong className="block text-amber-900" data-testid="resubmit-fee">
            {t('Fix the lines above before you resubmit: a resubmission may cost $15.')}
          </strong>
        ) : null}
      </p>
      <A2pAdvanced
        fields={fields}
        locked={{ useCase: r.useCase, optInDescription: r.optInDescription, stopHelpText: r.stopHelpText }}
        lists={{ sampleMessages: r.sampleMessages, linkDomains: r.linkDomains }}
        hostedBase={hostedBase}
        open={
          ADVANCED_FIX.some(fixes) ||
          (isRejected &&
            ['sampleMessages', 'linkDomains', 'hostedPolicy'].includes(
              reasonFix(r.reasonCode, r.reason).field ?? '',
            )) ||
          Boolean(
            reply?.result?.error &&
              Object.keys(reply.result.error).some((k) => /^(sampleMessages|linkDomains)/.test(k)),
          )
        }
      />
    </PageForm>
  )
}
