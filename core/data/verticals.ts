import { m } from '../i18n/languages'
// The kinds of work we set businesses up for, with the words the owner sees (the `ob_vertical` enum).
export const VERTICALS = [
  ['plumbing', m('Plumbing')],
  ['hvac', m('Heating & air conditioning')],
  ['electrical', m('Electrical')],
  ['roofing', m('Roofing')],
  ['carpentry', m('Carpentry')],
  ['general_contracting', m('General contracting')],
  ['landscaping', m('Landscaping')],
  ['cleaning', m('Cleaning')],
  ['pest_control', m('Pest control')],
  ['painting', m('Painting')],
  ['locksmith', m('Locksmith')],
  ['appliance_repair', m('Appliance repair')],
  ['auto_repair', m('Auto repair')],
  ['other', m('Something else')],
] as const
export type Vertical = (typeof VERTICALS)[number][0]
