// One short status line. Rendered by the server too, so it works without JavaScript.
export function Toast({ message, tone = 'ok' }: { message?: string | null; tone?: 'ok' | 'error' }) {
  return (
    <div
      data-toast
      role={tone === 'error' ? 'alert' : 'status'}
      aria-live="polite"
      className={
        message
          ? `fixed bottom-4 right-4 rounded-md px-4 py-2 text-sm shadow ${tone === 'error' ? 'bg-red-700 text-white' : 'bg-slate-900 text-white'}`
          : 'sr-only'
      }
    >
      {message ?? ''}
    </div>
  )
}
