// The kinds of work we set businesses up for, with the words the owner sees (the `ob_vertical` enum).
export const VERTICALS = [
  ['plumbing', 'Plumbing'],
  ['hvac', 'Heating & air conditioning'],
  ['electrical', 'Electrical'],
  ['roofing', 'Roofing'],
  ['carpentry', 'Carpentry'],
  ['general_contracting', 'General contracting'],
  ['landscaping', 'Landscaping'],
  ['cleaning', 'Cleaning'],
  ['pest_control', 'Pest control'],
  ['painting', 'Painting'],
  ['locksmith', 'Locksmith'],
  ['appliance_repair', 'Appliance repair'],
  ['auto_repair', 'Auto repair'],
  ['other', 'Something else'],
] as const
export type Vertical = (typeof VERTICALS)[number][0]
