import { useLocation } from '@remix-run/react'
import { PendingLine } from './pending-line'

const PROBLEMS = {
  invalid: 'That code is not right. Check the text and try again.',
  expired: 'That code has expired. Press "Send a new code".',
  provider: 'The registry did not answer. Try again in a minute.',
}

/** "We texted a code to ...": the code, the time left of its 24 hours, Confirm and Resend. */
export function OtpPanel({
  phone,
  sentAt,
  error,
  checking,
}: {
  phone: string
  sentAt: string | null
  error: keyof typeof PROBLEMS | null
  checking: boolean
}) {
  const href = useLocation().pathname
  const left = sentAt ? Math.max(0, new Date(sentAt).getTime() + 24 * 3600_000 - Date.now()) : null
  const last4 = phone.replace(/\D/g, '').slice(-4)
  return (
    <section
      id="otp"
      aria-label="Confirm your mobile"
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm"
    >
      <p className="font-medium">We texted a code to (xxx) xxx-{last4}.</p>
      <p className="text-slate-700">
        Sole proprietors confirm their own mobile to register.{' '}
        {left === null
          ? null
          : left > 0
            ? `The code works for ${Math.floor(left / 3600_000)} h ${Math.floor((left % 3600_000) / 60_000)} min more.`
            : 'The code has expired.'}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="block">
          <span className="block">Code</span>
          <input
            name="otp"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={12}
            className="mt-1 w-32 rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <button
          type="submit"
          name="intent"
          value="verifyOtp"
          className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white"
        >
          Confirm code
        </button>
        <button type="submit" name="intent" value="resendOtp" className="rounded-md border border-slate-300 px-3 py-2">
          Send a new code
        </button>
      </div>
      <PendingLine
        pending={checking}
        text="Checking your code…"
        slowText="The registry has not answered yet."
        href={href}
      />
      {error && !checking ? (
        <p role="alert" data-testid="otp-error" className="text-red-700">
          {PROBLEMS[error]}
        </p>
      ) : null}
    </section>
  )
}
