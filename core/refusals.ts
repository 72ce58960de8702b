import { m, msg } from './i18n/languages'

// What SQL refuses an owner's request with: errcode OB4xx (the HTTP status), a stable reason code
// as the message, and its values as a JSON object in the detail (Submit's A2P_CHECKS names its
// blocker codes there instead). The words are here, in English keys the page says in the owner's
// language: no sentence travels from SQL to the page.
export const REFUSALS: Record<string, string> = {
  OTP_TRIES_TODAY: m('You have tried too many codes today; try again tomorrow or contact support.'),
  OTP_TRIES_CODE: m('That code has been tried too often; press "Send a new code" and use the new one.'),
  OTP_NONE: m('There is no code waiting for you.'),
  OTP_RESEND_WAIT: m('We just sent a code; wait a minute before asking again.'),
  OTP_RESENDS_TODAY: m('You asked for {{count}} new codes today; try again tomorrow or contact support.'),
  A2P_APPROVED: m('Your texting registration is approved already.'),
  A2P_WITH_CARRIERS: m('Your registration is already with the carriers; we will update this page.'),
  A2P_WEBSITE_CHECKING: m('We are still checking your website; press Submit again in a few seconds.'),
  A2P_CHECKS: m('Fix the lines above first: carriers reject registrations with them, and each submission is charged.'),
  COMPLETE: m('Onboarding is complete: these records are kept as they were copied.'),
  FINISHED: m('You have pressed Finish: your business is moving to your dashboard, where you can change it.'),
  NUMBER_NONE: m('You do not have a number to change yet.'),
  NUMBER_ON_ITS_WAY: m('Your new number is already on its way; wait for it before changing again.'),
  NUMBER_CHANGES_TODAY: m(
    'You have changed your number {{count}} times in the last 24 hours; you can change it again tomorrow.',
  ),
  // ob_rate_limit's actions (RATE_<action>), with the limit a DBA set (`max`).
  RATE_website_check: m(
    'You have changed your website {{max}} times in the last hour; wait a while, then change it again.',
  ),
  RATE_slack_test_message: m('You have sent {{max}} test messages in the last hour; try again later.'),
  RATE_availability: m('You have checked availability {{max}} times in the last hour; try again later.'),
  RATE_logo_upload: m('You have uploaded {{max}} logos today; try again tomorrow.'),
}

/**
 * A refusal's words as a message (languages.ts msg). Every code SQL raises has its words
 * (refusals.test.ts reads the schema); one without still gets a plain line, never the code.
 */
export function refusalMessage(code: string, detail?: string | null): string {
  const key = REFUSALS[code] ?? m('That cannot be done right now; reload the page and try again.')
  if (!detail?.startsWith('{')) return key
  const values = JSON.parse(detail) as Record<string, string | number>
  return msg(key, values)
}
