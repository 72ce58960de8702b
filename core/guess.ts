import type { Vertical } from './data/verticals'

// Stripe merchant category codes (ISO 18245) of the trades we serve. 1799 and 7699 are
// catch-alls ("special trade contractors", "miscellaneous repair shops"): the business name
// decides first, and these are only the fallback.
const MCC: Record<string, Vertical> = {
  '1711': 'plumbing', // heating, plumbing, air-conditioning contractors
  '7623': 'hvac', // air conditioning and refrigeration repair shops
  '1731': 'electrical', // electrical contractors
  '1761': 'roofing', // roofing, siding and sheet metal contractors
  '1750': 'carpentry', // carpentry contractors
  '1520': 'general_contracting', // general contractors, residential and commercial
  '1740': 'general_contracting', // masonry, stonework, tile setting, plastering, insulation
  '0780': 'landscaping', // landscaping and horticultural services
  '7349': 'cleaning', // cleaning, maintenance and janitorial services
  '7217': 'cleaning', // carpet and upholstery cleaning
  '7342': 'pest_control', // exterminating and disinfecting services
  '1799': 'painting', // special trade contractors (painting, paperhanging, ...)
  '7699': 'locksmith', // miscellaneous repair shops (locksmiths, ...)
  '7629': 'appliance_repair', // electrical and small appliance repair shops
  '7531': 'auto_repair', // automotive body repair shops
  '7538': 'auto_repair', // automotive service shops
  '7535': 'auto_repair', // automotive paint shops
}
const CATCH_ALL = new Set(['1799', '7699'])

// Word stems in business names, most specific first ("Heating & Plumbing" is plumbing work).
const KEYWORDS: [RegExp, Vertical][] = [
  [/\b(pest|termite|exterminat|bug|rodent)/, 'pest_control'],
  [/\b(lock ?smith|locks?\b|keys?\b)/, 'locksmith'],
  [/\b(appliance|washer|dryer|fridge|refrigerator)/, 'appliance_repair'],
  [/\b(auto|cars?\b|truck|collision|mechanic|tires?\b|brakes?\b)/, 'auto_repair'],
  [/\b(plumb|drain|sewer|rooter|pipe|water heater)/, 'plumbing'],
  [/\b(hvac|heating|cooling|air condition|furnace|a\/c)/, 'hvac'],
  [/\b(electric|wiring|sparky?\b)/, 'electrical'],
  [/\b(roof|gutter|siding)/, 'roofing'],
  [/\b(carpent|cabinet|woodwork|deck)/, 'carpentry'],
  [/\b(landscap|lawn|garden|tree|yard|mow)/, 'landscaping'],
  [/\b(clean|maid|janitor|sparkle|carpet)/, 'cleaning'],
  [/\b(paint|drywall)/, 'painting'],
  [/\b(contract|construct|remodel|renovat|handyman|builder|home improvement)/, 'general_contracting'],
]

/** The likeliest vertical for a business: its name's trade words, then its MCC, else "other". */
export function guessVertical(mcc: string | null | undefined, name: string | null | undefined): Vertical {
  const fromMcc = mcc ? MCC[mcc] : undefined
  if (fromMcc && !CATCH_ALL.has(mcc!)) return fromMcc
  const lower = (name ?? '').toLowerCase()
  return KEYWORDS.find(([re]) => re.test(lower))?.[1] ?? fromMcc ?? 'other'
}
