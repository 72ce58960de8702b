import type { FieldMetadata } from '@conform-to/react'
import { useLocation } from '@remix-run/react'
import { TOKENS } from '~/schemas/tokens'
import type { CalmsgInput } from '~/schemas/calmsg'
import { Advanced, LabelText, NumberField, SelectField, TextareaField, TextField, Toggle } from './field'
import { PendingLine } from './pending-line'
import { useT, m } from '~/i18n'

type Fields = { [K in keyof CalmsgInput]-?: FieldMetadata<CalmsgInput[K], CalmsgInput, string[]> }
type Slack = { result: 'pending' | 'sent' | 'refused' | 'unreachable' | null }
const SLACK_LINES = {
  sent: m('Test message sent: check your Slack channel.'),
  refused: m('Slack refused the test: the link was deleted or is wrong. Copy it again from Slack.'),
  unreachable: m('Slack did not answer; try the test again in a minute.'),
}
const input = 'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2'

// Page 3's Advanced section: collapsed, optional, each field saved as it is left. The Spanish
// texts show only when "Also in Spanish" is on (CSS :has(), no JavaScript needed).
export function CalmsgAdvanced({
  fields,
  lists,
  slack,
  open = false,
}: {
  fields: Fields
  lists: { opsEmails: string[]; opsSms: string[] }
  slack: Slack
  open?: boolean
}) {
  const { t } = useT()
  const buffers = fields.buffers.getFieldset()
  const templates = fields.templates.getFieldset()
  const es = templates.es.getFieldset()
  const href = useLocation().pathname
  return (
    <Advanced open={open}>
      <div className="mt-4 space-y-5">
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField
            label={t('Overlapping bookings')}
            meta={fields.doubleBookPolicy}
            options={[
              ['block', t('Never double-book')],
              ['allow', t('Allow overlaps')],
            ]}
          />
          <NumberField label={t('Minutes free before a job')} meta={buffers.beforeMin} />
          <NumberField label={t('Minutes free after a job')} meta={buffers.afterMin} />
        </div>
        <div className="space-y-2 [&:has(.es-toggle:checked)_.es-fields]:block">
          <p className="text-sm text-slate-600">
            {t('The text a missed caller gets. You can use {{tokens}}.', {
              tokens: TOKENS.map((k) => `{${k}}`).join(', '),
            })}
          </p>
          <TextField label={t('First line')} meta={templates.title} />
          <TextareaField label={t('Message')} meta={templates.description} />
          <Toggle label={t('Also text in Spanish')} meta={fields.bilingual} className="es-toggle" />
          <div className="es-fields hidden space-y-2 rounded-md bg-slate-50 p-3">
            <TextField label={t('First line (Spanish)')} meta={es.title} />
            <TextareaField label={t('Message (Spanish)')} meta={es.description} />
          </div>
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <NumberField label={t('Ask how a job went after (minutes)')} meta={fields.revenuePromptsMins} />
          <NumberField label={t('Count a booking as won by text within (days)')} meta={fields.attributionDays} />
        </div>
        <ListField
          label={t('Alert emails (up to 5)')}
          name={fields.opsEmails.name}
          values={lists.opsEmails}
          type="email"
          meta={fields.opsEmails}
        />
        <ListField
          label={t('Alert text numbers (up to 5)')}
          name={fields.opsSms.name}
          values={lists.opsSms}
          type="tel"
          meta={fields.opsSms}
        />
        <div>
          <TextField
            label={t('Slack incoming-webhook link')}
            meta={fields.slackWebhookUrl}
            type="url"
            autoComplete="off"
          />
          <button
            type="submit"
            name="intent"
            value="slackTest"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          >
            {t('Send a test message')}
          </button>
          <PendingLine
            pending={slack.result === 'pending'}
            text={t('Sending a test to Slack…')}
            slowText={t('Slack has not answered yet.')}
            href={href}
          />
          {slack.result && slack.result !== 'pending' ? (
            <p role="status" className="mt-1 text-sm" data-testid="slack-result">
              {t(SLACK_LINES[slack.result])}
            </p>
          ) : null}
        </div>
      </div>
    </Advanced>
  )
}

/** Up to five inputs of one name, with one empty slot to add another; an emptied slot is removed on save. */
function ListField({
  label,
  name,
  values,
  type,
  meta,
}: {
  label: string
  name: string
  values: string[]
  type: string
  // biome-ignore lint/suspicious/noExplicitAny: a list field of the page
  meta: FieldMetadata<any>
}) {
  const { msg } = useT()
  const slots = Math.min(5, values.length + 1)
  const error = Object.values(meta.allErrors ?? {}).flat()[0]
  return (
    <fieldset id={name} aria-describedby={meta.errorId}>
      <legend className="text-sm font-medium">
        <LabelText>{label}</LabelText>
      </legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {Array.from({ length: slots }, (_, i) => (
          <input
            // biome-ignore lint/suspicious/noArrayIndexKey: a slot is its place in a fixed list of inputs
            key={i}
            name={name}
            type={type}
            autoComplete="off"
            defaultValue={values[i] ?? ''}
            aria-label={`${label}: ${i + 1}`}
            aria-invalid={error ? true : undefined}
            className={input}
          />
        ))}
      </div>
      <p id={meta.errorId} className="mt-1 min-h-5 text-sm text-red-700">
        {msg(error)}
      </p>
    </fieldset>
  )
}
