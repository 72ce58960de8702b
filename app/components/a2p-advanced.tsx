import type { FieldMetadata } from '@conform-to/react'
import type { A2pInput } from '~/schemas/a2p'
import { Advanced, LabelText, Toggle } from './field'
import { useT } from '~/i18n'

type Fields = { [K in keyof A2pInput]-?: FieldMetadata<A2pInput[K], A2pInput, string[]> }
const input = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2'
const firstError = (meta: FieldMetadata<unknown>) => Object.values(meta.allErrors ?? {}).flat()[0]

// Page 4's Advanced section: the locked campaign texts, the sample messages and link domains
// (editable, prefilled), and the hosted privacy and terms pages for owners without their own.
// Samples and domains are plain inputs keyed by their stored value: the server changes the domains
// when the website changes, and an input once written by script no longer follows its default.
export function A2pAdvanced({
  fields,
  locked,
  lists,
  hostedBase,
  open,
}: {
  fields: Fields
  locked: { useCase: string; optInDescription: string; stopHelpText: string }
  lists: { sampleMessages: string[]; linkDomains: string[] }
  hostedBase: string
  open: boolean
}) {
  const { t, msg, lang } = useT()
  const samples = Math.min(5, Math.max(2, lists.sampleMessages.length + 1))
  const domains = Math.min(10, lists.linkDomains.length + 1)
  return (
    <Advanced open={open}>
      <div className="mt-4 space-y-5 text-sm">
        {lang !== 'en' ? (
          <p className="text-slate-600">
            {t('Carriers read the registration in English: these texts and the sample messages stay in English.')}
          </p>
        ) : null}
        <dl lang="en" className="grid gap-1 sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium">{t('Use case')}</dt>
          <dd>{locked.useCase}</dd>
          <dt className="font-medium">{t('How customers agree')}</dt>
          <dd>{locked.optInDescription}</dd>
          <dt className="font-medium">STOP/HELP</dt>
          <dd>{locked.stopHelpText}</dd>
        </dl>
        <fieldset id="sampleMessages" aria-describedby={fields.sampleMessages.errorId}>
          <legend className="font-medium">
            <LabelText>{t('Sample messages (2 to 5; [brackets] for what changes)')}</LabelText>
          </legend>
          {Array.from({ length: samples }, (_, i) => (
            <textarea
              // biome-ignore lint/suspicious/noArrayIndexKey: a slot is its place; its value in the key remounts it on a new one
              key={`${i}:${lists.sampleMessages[i] ?? ''}`}
              name={fields.sampleMessages.name}
              defaultValue={lists.sampleMessages[i] ?? ''}
              rows={3}
              aria-label={t('Sample message {{n}}', { n: i + 1 })}
              className={input}
            />
          ))}
          <p id={fields.sampleMessages.errorId} className="mt-1 min-h-5 text-red-700">
            {msg(firstError(fields.sampleMessages))}
          </p>
        </fieldset>
        <fieldset id="linkDomains" aria-describedby={fields.linkDomains.errorId}>
          <legend className="font-medium">
            <LabelText>{t("Link domains (your website's, and any your texts link to)")}</LabelText>
          </legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {Array.from({ length: domains }, (_, i) => (
              <input
                // biome-ignore lint/suspicious/noArrayIndexKey: a slot is its place; its value in the key remounts it on a new one
                key={`${i}:${lists.linkDomains[i] ?? ''}`}
                name={fields.linkDomains.name}
                defaultValue={lists.linkDomains[i] ?? ''}
                aria-label={t('Link domain {{n}}', { n: i + 1 })}
                inputMode="url"
                autoComplete="off"
                className={input}
              />
            ))}
          </div>
          <p id={fields.linkDomains.errorId} className="mt-1 min-h-5 text-red-700">
            {msg(firstError(fields.linkDomains))}
          </p>
        </fieldset>
        <div id="hostedPolicy" className="space-y-1">
          <Toggle label={t('Use our hosted privacy policy and SMS terms pages')} meta={fields.hostedPolicy} />
          <p className="text-slate-600">
            {t('Made from your business details:')}{' '}
            <a className="text-blue-700 underline" href={`${hostedBase}/privacy`}>
              {t('privacy policy')}
            </a>
            ,{' '}
            <a className="text-blue-700 underline" href={`${hostedBase}/terms`}>
              {t('SMS terms')}
            </a>
            . {t("Untick to use your own website's pages.")}
          </p>
        </div>
      </div>
    </Advanced>
  )
}
