import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { getInputProps, getSelectProps } from '@conform-to/react'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Errors } from '~/components/field'
import { HoursField } from '~/components/hours-field'
import { NumberAdvanced } from '~/components/number-advanced'
import { NumberBanner } from '~/components/number-banner'
import { PageForm, freshAfterSave, usePageForm } from '~/kit/page-form'
import { numberPage } from '~/pages/number.server'
import { NumberBasic, NumberSchema, numberFormValue } from '~/schemas/number'
import { pageMeta } from '~/kit/meta'
import { useT } from '~/i18n'

// Functions (not the page's own values) so the browser build drops them with the server module.
export const loader = (args: LoaderFunctionArgs) => numberPage.loader(args)
export const action = (args: ActionFunctionArgs) => numberPage.action(args)
export const meta = pageMeta('number')

export default freshAfterSave(NumberPage)

function NumberPage() {
  const { state, suggestions, number: n, federal, blockers } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useT()
  const { form, fields, autosave } = usePageForm({
    page: 'number',
    schema: NumberSchema,
    basic: NumberBasic,
    version: state.version,
    reply,
    defaultValue: numberFormValue(n),
  })
  const radius = fields.serviceRadiusMi
  return (
    <PageForm
      page="number"
      title={t('Your texting number and hours')}
      intro={t('We picked a local number and usual hours. Change anything, then press Looks good.')}
      blockers={blockers}
      button={t('Looks good')}
      form={form}
      autosave={autosave}
      reply={reply}
    >
      <NumberBanner number={n} />
      {n.e164 ? (
        // With a number in place the area code is settled; Continue still sends it (Basic).
        <input type="hidden" name={fields.areaCode.name} value={n.areaCode} />
      ) : (
        <div>
          <label htmlFor={fields.areaCode.id} className="block text-sm font-medium">
            {t('Area code')}
          </label>
          <select
            {...getSelectProps(fields.areaCode)}
            key={fields.areaCode.key}
            className="mt-1 block w-56 rounded-md border border-slate-300 px-3 py-2"
          >
            {suggestions.length === 0 ? <option value="">{t('Choose…')}</option> : null}
            {suggestions.map((code, i) => (
              <option key={code} value={code}>
                {code}
                {i === 0 ? ` ${t('(suggested)')}` : ''}
              </option>
            ))}
          </select>
          <Errors id={fields.areaCode.errorId} errors={fields.areaCode.errors} />
        </div>
      )}
      <HoursField meta={fields.hours} />
      <div>
        <label htmlFor={radius.id} className="block text-sm font-medium">
          {t('How far you travel:')} <output>{n.serviceRadiusMi}</output> {t('miles')}
        </label>
        <input
          {...getInputProps(radius, { type: 'range' })}
          key={radius.key}
          className="mt-1 block w-full"
          onInput={(e) =>
            void ((e.currentTarget.previousElementSibling?.querySelector('output') as HTMLOutputElement).value =
              e.currentTarget.value)
          }
        />
        <Errors id={radius.errorId} errors={radius.errors} />
      </div>
      <NumberAdvanced
        fields={fields}
        stopHelpText={n.stopHelpText}
        portInSaved={n.portIn.saved}
        federal={federal}
        change={{ e164: n.e164, availability: n.availability }}
        open={Boolean(reply?.result?.error)}
      />
    </PageForm>
  )
}
