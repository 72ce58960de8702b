import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { CalendarField } from '~/components/calendar-field'
import { CalmsgAdvanced } from '~/components/calmsg-advanced'
import { ReplyPreview } from '~/components/reply-preview'
import { ServicesField } from '~/components/services-field'
import { PageForm, freshAfterSave, usePageForm } from '~/kit/page-form'
import { calmsgPage } from '~/pages/calmsg.server'
import { CalmsgBasic, CalmsgSchema, MAX_SERVICES, calmsgFormValue } from '~/schemas/calmsg'
import { pageMeta } from '~/kit/meta'
import { useT } from '~/i18n'

// Functions (not the page's own values) so the browser build drops them with the server module.
export const loader = (args: LoaderFunctionArgs) => calmsgPage.loader(args)
export const action = (args: ActionFunctionArgs) => calmsgPage.action(args)
export const meta = pageMeta('calmsg')

type Live = { topServices?: unknown; templates?: unknown; bilingual?: unknown }
const strings = (v: unknown) => [v].flat().filter((x): x is string => typeof x === 'string' && x !== '')
// The form's values are whatever was posted (a field sent twice is a list, `title[0]` an object):
// the preview gets the first text of each, never another shape.
const first = (v: unknown) => strings(v)[0] ?? ''
const template = (v: unknown) => {
  const t = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>
  return { title: first(t.title), description: first(t.description) }
}
const liveTemplates = (v: unknown) => ({ ...template(v), es: template((v as Record<string, unknown> | undefined)?.es) })

export default freshAfterSave(CalmsgPage)

function CalmsgPage() {
  const { state, calmsg: c, catalogue, preview, blockers } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useT()
  const { form, fields, autosave } = usePageForm({
    page: 'calmsg',
    schema: CalmsgSchema,
    basic: CalmsgBasic,
    version: state.version,
    reply,
    defaultValue: calmsgFormValue(c),
  })
  // The form's values as they are now: typed (with JavaScript) or as saved (without).
  const live = (form.value ?? {}) as Live
  const chosen = form.value ? strings(live.topServices) : c.topServices
  const bilingual = form.value ? [live.bilingual].flat().at(-1) === 'on' : c.bilingual
  return (
    <PageForm
      page="calmsg"
      title={t('Your services, prices and calendar')}
      intro={t('We picked the usual services and prices for your trade. Change anything, then press Continue.')}
      blockers={blockers}
      form={form}
      autosave={autosave}
      reply={reply}
    >
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-5">
          <CalendarField
            meta={fields.calendarProvider}
            calendar={{ connected: c.calendarConnected, email: c.calendarAccountEmail, error: c.calendarError }}
          />
          <ServicesField fields={fields} catalogue={catalogue} chosen={chosen} max={MAX_SERVICES} />
        </div>
        <div className="lg:sticky lg:top-4 lg:self-start">
          <ReplyPreview
            templates={form.value ? liveTemplates(live.templates) : c.templates}
            bilingual={bilingual}
            services={chosen.slice(0, MAX_SERVICES)}
            spanishNames={Object.fromEntries(catalogue.map((s) => [s.name, s.es]))}
            context={preview}
          />
        </div>
      </div>
      <CalmsgAdvanced
        fields={fields}
        lists={{ opsEmails: c.opsEmails, opsSms: calmsgFormValue(c).opsSms }}
        slack={{ result: c.slackTestResult }}
        open={Boolean(
          reply?.result?.error &&
            Object.keys(reply.result.error).some((k) => !/^(calendarProvider|topServices|priceRanges)/.test(k)),
        )}
      />
    </PageForm>
  )
}
