import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { AccountAdvanced } from '~/components/account-advanced'
import { VerifiedBadge } from '~/components/badge'
import { SelectField, TextField } from '~/components/field'
import { PageForm, freshAfterSave, usePageForm } from '~/kit/page-form'
import { accountPage } from '~/pages/account.server'
import { VERTICALS } from '../../core/data/verticals'
import { AccountBasic, AccountSchema, isTimezone } from '~/schemas/account'
import { pageMeta } from '~/kit/meta'
import { useT } from '~/i18n'

// Functions (not the page's own values) so the browser build drops them with the server module.
export const loader = (args: LoaderFunctionArgs) => accountPage.loader(args)
export const action = (args: ActionFunctionArgs) => accountPage.action(args)
export const meta = pageMeta('account')

export default freshAfterSave(AccountPage)

function AccountPage() {
  const { account, state, flags, blockers } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useT()
  const { form, fields, autosave } = usePageForm({
    page: 'account',
    schema: AccountSchema,
    basic: AccountBasic,
    version: state.version,
    reply,
    defaultValue: {
      displayName: account.displayName ?? '',
      vertical: account.vertical ?? '',
      brandColor: account.brandColor ?? '',
      timezone: account.timezone ?? '',
      address: account.address ?? undefined,
      languages: account.languages,
    },
  })
  // New values from the prefill job replace what the form shows, as long as the owner has not typed.
  // Not on the first render: the form shows the loader's values already (a reset then re-rendered
  // the whole page once more at hydration, main thread a phone's owner waits on).
  const prefilled = useRef(account.prefilledAt)
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new prefill resets the form, not a new form object
  useEffect(() => {
    if (prefilled.current === account.prefilledAt) return
    prefilled.current = account.prefilledAt
    form.reset()
  }, [account.prefilledAt])
  // The browser's zone stands in for the timezone until an address gives a better one: sent once it
  // differs from the stored one and is a zone the server takes (a save, and the page read again).
  const guessFromBrowser = account.defaulted.includes('timezone') && !account.address
  // Intl only then: a page's first Intl call loads the browser's locale data (tens of ms of a phone's
  // main thread at hydration), and with an address the server takes the address's zone anyway.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per guess, not again for each new autosave object
  useEffect(() => {
    if (!guessFromBrowser) return
    const zone = browserZone()
    if (zone !== account.timezone && isTimezone(zone)) autosave.queue('browserTimezone')
  }, [guessFromBrowser])
  const defaulted = account.defaulted
  return (
    <PageForm
      page="account"
      title={t('Your business')}
      intro={t('We filled in what we know. Change anything that is not right.')}
      blockers={blockers}
      form={form}
      autosave={autosave}
      reply={reply}
      multipart
    >
      {guessFromBrowser ? (
        <input type="hidden" name="browserTimezone" ref={(el) => void (el && (el.value = browserZone()))} />
      ) : null}
      <TextField
        label={t('Business name')}
        hint={t('The name your customers know you by.')}
        meta={fields.displayName}
        autoComplete="organization"
        defaulted={defaulted.includes('display_name')}
      />
      <SelectField
        label={t('Kind of work')}
        meta={fields.vertical}
        options={VERTICALS.map(([value, label]) => [value, t(label)] as const)}
        defaulted={defaulted.includes('vertical')}
      />
      <div className="flex flex-wrap gap-2">
        <VerifiedBadge testId="badge-email" label={t('Email')} verified={flags.emailVerified} />
        <VerifiedBadge testId="badge-mobile" label={t('Mobile')} verified={flags.mobileVerified} />
      </div>
      <AccountAdvanced
        fields={fields}
        logoUrl={account.logoUrl}
        brandColor={account.brandColor}
        defaulted={defaulted}
        timezone={account.timezone}
        open={Boolean(
          reply?.result?.error && Object.keys(reply.result.error).some((k) => !/^(displayName|vertical)$/.test(k)),
        )}
      />
    </PageForm>
  )
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone
