import { z } from 'zod'

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
const verticalValues = VERTICALS.map(([value]) => value) as [Vertical, ...Vertical[]]

// Page 1. Basic fields gate Continue; the Advanced fields arrive with the Account page issue.
export const AccountSchema = z.object({
  displayName: z
    .string({ error: 'Enter your business name' })
    .trim()
    .min(1, 'Enter your business name')
    .max(100, 'Keep the name under 100 characters'),
  vertical: z.enum(verticalValues, { error: 'Choose what kind of work you do' }),
})
export type AccountFields = z.infer<typeof AccountSchema>
export const AccountBasic = AccountSchema.pick({ displayName: true, vertical: true })
