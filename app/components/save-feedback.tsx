import { pagePath, type ActionReply, type PageId } from '~/wizard'
import { Toast } from './toast'
import { useT } from '~/i18n'

type Status = { message: string; tone: 'ok' | 'error'; conflict?: boolean } | null

// What a page says about its saves: the server's reply first (it is all there is without
// JavaScript), then what autosave reports; a stale save adds one line with a reload link.
export function SaveFeedback({
  page,
  reply,
  autosave,
}: {
  page: PageId
  reply: ActionReply | undefined
  autosave: Status
}) {
  const { t, msg } = useT()
  const status = reply?.message
    ? { message: msg(reply.message), tone: 'error' as const }
    : reply?.saved
      ? { message: t('Saved'), tone: 'ok' as const }
      : autosave && { ...autosave, message: msg(autosave.message) }
  return (
    <>
      {reply?.conflict || autosave?.conflict ? (
        <p role="alert" className="text-sm text-red-700">
          {t('This page changed in another tab.')}{' '}
          <a className="underline" href={pagePath(page)}>
            {t('Reload to see the latest')}
          </a>
        </p>
      ) : null}
      <Toast message={status?.message} tone={status?.tone} />
    </>
  )
}
