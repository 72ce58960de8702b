import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { remindersOffAction, remindersOffLoader } from '~/pages/mail.server'
import { useT } from '~/i18n'

export const loader = (args: LoaderFunctionArgs) => remindersOffLoader(args)
export const action = (args: ActionFunctionArgs) => remindersOffAction(args)

export default function RemindersOff() {
  const shown = useLoaderData<typeof loader>()
  const done = useActionData<typeof action>()?.done
  const { search } = useLocation()
  const { t } = useT()
  return (
    <main className="mx-auto max-w-xl space-y-4 p-8">
      <h1 className="text-xl font-semibold">{t('Reminder emails')}</h1>
      {!shown.valid ? (
        <p role="alert" className="text-red-700">
          {t('This link is not complete. Open it again from the email, or sign in to carry on.')}
        </p>
      ) : done ? (
        <p data-testid="reminders-off">
          {t('Reminders are off. We will still email you when carriers answer your registration.')}
        </p>
      ) : (
        <Form method="post" action={`/mail/reminders-off${search}`} className="space-y-3">
          <p>
            {t(
              'Stop the emails that remind you to finish your setup? Mail about your texting registration still comes.',
            )}
          </p>
          <button type="submit" className="rounded-md bg-blue-700 px-5 py-2 font-medium text-white">
            {t('Turn reminders off')}
          </button>
        </Form>
      )}
    </main>
  )
}
