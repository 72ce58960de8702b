import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { requireWizard } from '~/kit/page.server'
import { currentPage, pagePath } from '~/wizard'

// /onboarding goes to the page of the tenant's current phase.
export async function loader({ request }: LoaderFunctionArgs) {
  const { state } = await requireWizard(request)
  return redirect(pagePath(currentPage(state.phase)))
}
