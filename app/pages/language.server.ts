import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { setOwnerLang } from '../../db/flow.server'
import { isLang } from '../../core/i18n/languages'
import { commitSession, getSession, requireIdentity } from '~/auth/session.server'
import { BodyTooLarge, readFormData } from '~/lib/body.server'
import { log } from '../../platform/log.server'
import { withTenant } from '../../platform/db.server'

/**
 * The language link of every page: a plain form (so it works without JavaScript, and the new
 * language comes with a whole new document). The choice goes into the session, and onto the
 * tenant when signed in, so the mails that follow are in it too. Back to the same page.
 */
export async function languageAction({ request }: ActionFunctionArgs) {
  // A body over the limit is no choice: back to the page, nothing changed.
  const form =
    (await readFormData(request, { maxBytes: 2048 }).catch((error) => {
      if (error instanceof BodyTooLarge) return null
      throw error
    })) ?? new FormData()
  const lang = form.get('lng')
  const back = String(form.get('back') ?? '')
  // Only a path of this site: never another origin (//host) or a scheme.
  const to = /^\/(?![/\\])[\w\-./?=&%#]{0,500}$/.test(back) ? back : '/onboarding'
  if (!isLang(lang)) return redirect(to, 303)
  const session = await getSession(request)
  session.set('lng', lang)
  const identity = await requireIdentity(request).catch(() => null)
  if (identity) {
    // The page is the owner's choice already; a failed write only leaves the mails in the old language.
    await withTenant(identity.tenantId, (tx) => setOwnerLang(tx, identity.tenantId, lang)).catch((error) =>
      log().warn({ err: error }, 'could not keep the language for mail'),
    )
  }
  return redirect(to, { status: 303, headers: { 'Set-Cookie': await commitSession(session) } })
}
