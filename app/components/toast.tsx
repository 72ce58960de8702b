// One short status line. Rendered by the server too, so it works without JavaScript. On a phone it
// is a bar along the top, where the layout leaves room (a corner toast covered the field being typed in).
export function Toast({ message, tone = 'ok' }: { message?: string | null; tone?: 'ok' | 'error' }) {
  return (
    <div
      data-toast
      role={tone === 'error' ? 'alert' : 'status'}
      aria-live="polite"
      className={
        message
          ? `fixed inset-x-0 top-0 px-4 py-2 text-sm shadow sm:inset-x-auto sm:top-auto sm:bottom-4 sm:right-4 sm:rounded-md ${tone === 'error' ? 'bg-red-700 text-white' : 'bg-slate-900 text-white'}`
          : 'sr-only'
      }
    >
      {message ?? ''}
    </div>
  )
}
