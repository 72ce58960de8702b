import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { languageAction } from '~/pages/language.server'

// POST /language (lng, back): the header's English/Español button.
export const action = (args: ActionFunctionArgs) => languageAction(args)
export const loader = () => redirect('/onboarding')
