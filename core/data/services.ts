import type { Vertical } from './verticals'

// Common services per trade, with a typical US price range in whole dollars (what owners quote for a
// standard job, from national cost guides as of 2025, rounded; the owner edits them). The first three
// of each trade are preselected. Spanish names are used in the Spanish text. Names are the stored
// keys of priceRanges: no dots or brackets (form field paths), at most 60 characters.
export type Service = { name: string; es: string; min: number; max: number }
const s = (name: string, es: string, min: number, max: number): Service => ({ name, es, min, max })

export const SERVICES: Record<Vertical, Service[]> = {
  plumbing: [
    s('Drain cleaning', 'limpieza de drenajes', 150, 450),
    s('Water heater repair', 'reparación de calentadores', 200, 900),
    s('Leak repair', 'reparación de fugas', 150, 600),
    s('Toilet repair', 'reparación de inodoros', 120, 350),
    s('Faucet and fixture install', 'instalación de llaves y accesorios', 150, 450),
    s('Sewer line repair', 'reparación de línea de drenaje', 1000, 4500),
    s('Garbage disposal install', 'instalación de trituradores', 200, 600),
    s('Emergency plumbing', 'plomería de emergencia', 250, 900),
  ],
  hvac: [
    s('AC repair', 'reparación de aire acondicionado', 150, 650),
    s('Furnace repair', 'reparación de calefacción', 150, 600),
    s('HVAC tune-up', 'mantenimiento de climatización', 90, 200),
    s('AC installation', 'instalación de aire acondicionado', 3500, 8000),
    s('Furnace installation', 'instalación de calefacción', 2500, 7000),
    s('Heat pump service', 'servicio de bomba de calor', 150, 600),
    s('Duct cleaning', 'limpieza de ductos', 300, 700),
    s('Thermostat install', 'instalación de termostatos', 120, 350),
  ],
  electrical: [
    s('Outlet and switch repair', 'reparación de enchufes e interruptores', 100, 300),
    s('Panel upgrade', 'cambio de panel eléctrico', 1500, 4000),
    s('Lighting install', 'instalación de iluminación', 150, 600),
    s('Ceiling fan install', 'instalación de ventiladores de techo', 150, 450),
    s('EV charger install', 'instalación de cargadores de auto eléctrico', 800, 2500),
    s('Wiring repair', 'reparación de cableado', 200, 1200),
    s('Generator install', 'instalación de generadores', 3000, 12000),
    s('Electrical inspection', 'inspección eléctrica', 150, 400),
  ],
  roofing: [
    s('Roof repair', 'reparación de techos', 350, 1500),
    s('Roof inspection', 'inspección de techos', 150, 400),
    s('Leak repair', 'reparación de goteras', 300, 1200),
    s('Roof replacement', 'cambio de techo', 8000, 20000),
    s('Gutter repair', 'reparación de canaletas', 150, 600),
    s('Gutter install', 'instalación de canaletas', 800, 2500),
    s('Shingle replacement', 'cambio de tejas', 250, 900),
    s('Storm damage repair', 'reparación por tormenta', 500, 5000),
  ],
  carpentry: [
    s('Door install', 'instalación de puertas', 250, 900),
    s('Trim and molding', 'molduras y acabados', 300, 1500),
    s('Deck repair', 'reparación de terrazas', 400, 2500),
    s('Cabinet install', 'instalación de gabinetes', 1000, 6000),
    s('Custom shelving', 'repisas a medida', 300, 2000),
    s('Stair repair', 'reparación de escaleras', 300, 2000),
    s('Framing', 'estructura de madera', 1000, 8000),
    s('Window trim', 'marcos de ventanas', 200, 800),
  ],
  general_contracting: [
    s('Kitchen remodel', 'remodelación de cocinas', 15000, 60000),
    s('Bathroom remodel', 'remodelación de baños', 8000, 30000),
    s('Home repairs', 'reparaciones del hogar', 200, 2000),
    s('Home additions', 'ampliaciones', 30000, 100000),
    s('Basement finishing', 'acabado de sótanos', 20000, 60000),
    s('Drywall repair', 'reparación de paneles de yeso', 200, 900),
    s('Flooring install', 'instalación de pisos', 1500, 8000),
    s('Handyman visit', 'visita de mantenimiento', 100, 500),
  ],
  landscaping: [
    s('Lawn mowing', 'corte de césped', 40, 120),
    s('Yard cleanup', 'limpieza de jardín', 200, 700),
    s('Tree trimming', 'poda de árboles', 250, 1200),
    s('Landscape design', 'diseño de jardines', 1000, 8000),
    s('Sprinkler repair', 'reparación de aspersores', 100, 450),
    s('Mulch and planting', 'mantillo y plantas', 300, 1500),
    s('Sod install', 'instalación de césped', 1000, 5000),
    s('Hedge trimming', 'poda de setos', 100, 400),
  ],
  cleaning: [
    s('House cleaning', 'limpieza de casas', 120, 300),
    s('Deep cleaning', 'limpieza profunda', 250, 600),
    s('Move-out cleaning', 'limpieza de mudanza', 250, 700),
    s('Carpet cleaning', 'limpieza de alfombras', 120, 400),
    s('Window cleaning', 'limpieza de ventanas', 150, 450),
    s('Office cleaning', 'limpieza de oficinas', 150, 600),
    s('Post-construction cleaning', 'limpieza después de obra', 300, 1500),
    s('Upholstery cleaning', 'limpieza de tapicería', 100, 350),
  ],
  pest_control: [
    s('General pest treatment', 'control general de plagas', 100, 300),
    s('Termite treatment', 'tratamiento de termitas', 500, 2500),
    s('Rodent removal', 'control de roedores', 200, 600),
    s('Bed bug treatment', 'tratamiento de chinches', 300, 1500),
    s('Ant control', 'control de hormigas', 100, 300),
    s('Wasp and bee removal', 'retiro de avispas y abejas', 100, 450),
    s('Mosquito treatment', 'tratamiento de mosquitos', 75, 200),
    s('Wildlife removal', 'retiro de fauna', 200, 800),
  ],
  painting: [
    s('Interior painting', 'pintura interior', 1000, 5000),
    s('Exterior painting', 'pintura exterior', 2500, 8000),
    s('Cabinet painting', 'pintura de gabinetes', 1500, 5000),
    s('Drywall repair', 'reparación de paneles de yeso', 200, 900),
    s('Deck staining', 'tinte de terrazas', 500, 2000),
    s('Fence painting', 'pintura de cercas', 400, 1500),
    s('Wallpaper removal', 'retiro de papel tapiz', 300, 1500),
    s('Touch-ups', 'retoques', 150, 600),
  ],
  locksmith: [
    s('Home lockout', 'apertura de casa', 75, 200),
    s('Car lockout', 'apertura de auto', 75, 200),
    s('Lock rekey', 'cambio de combinación', 50, 150),
    s('Lock install', 'instalación de cerraduras', 100, 300),
    s('Smart lock install', 'instalación de cerraduras inteligentes', 150, 400),
    s('Car key replacement', 'reposición de llaves de auto', 150, 500),
    s('Safe opening', 'apertura de cajas fuertes', 150, 500),
    s('Commercial locks', 'cerraduras comerciales', 150, 800),
  ],
  appliance_repair: [
    s('Washer repair', 'reparación de lavadoras', 150, 400),
    s('Dryer repair', 'reparación de secadoras', 150, 400),
    s('Refrigerator repair', 'reparación de refrigeradores', 200, 600),
    s('Dishwasher repair', 'reparación de lavavajillas', 150, 400),
    s('Oven and range repair', 'reparación de estufas y hornos', 150, 500),
    s('Microwave repair', 'reparación de microondas', 100, 250),
    s('Ice maker repair', 'reparación de máquinas de hielo', 150, 350),
    s('Appliance install', 'instalación de electrodomésticos', 100, 400),
  ],
  auto_repair: [
    s('Oil change', 'cambio de aceite', 40, 120),
    s('Brake repair', 'reparación de frenos', 150, 600),
    s('Check engine diagnosis', 'diagnóstico de motor', 100, 200),
    s('Tire service', 'servicio de llantas', 50, 200),
    s('Battery replacement', 'cambio de batería', 150, 350),
    s('AC recharge', 'recarga de aire acondicionado', 150, 300),
    s('Transmission service', 'servicio de transmisión', 150, 500),
    s('Suspension repair', 'reparación de suspensión', 300, 1500),
  ],
  other: [
    s('Service call', 'visita de servicio', 100, 300),
    s('Repairs', 'reparaciones', 150, 800),
    s('Installation', 'instalación', 200, 1500),
    s('Maintenance visit', 'visita de mantenimiento', 100, 400),
    s('Estimate', 'presupuesto', 0, 150),
    s('Emergency service', 'servicio de emergencia', 200, 900),
    s('Inspection', 'inspección', 100, 400),
    s('Consultation', 'consulta', 0, 200),
  ],
}

/** The trade's services; an unknown trade gets the general list. */
export const servicesFor = (vertical: string | null | undefined): Service[] =>
  SERVICES[(vertical ?? 'other') as Vertical] ?? SERVICES.other

// The missed-call auto-reply, prefilled per trade: a first line and the rest. Tokens are resolved
// with the owner's details (app/lib/preview.ts); STOP/HELP from Page 2 follows.
type Template = { title: string; description: string }
const reply = (work: string): { en: Template; es: Template } => ({
  en: {
    title: '{displayName}: sorry we missed your call!',
    description: `We ${work}. Need {service} or something else? Reply here and we'll text you back. Hours: {hours}.`,
  },
  es: {
    title: '{displayName}: ¡perdón por no contestar!',
    description: '¿Necesita {service} u otra cosa? Respóndanos aquí y le escribimos pronto. Horario: {hours}.',
  },
})
export const TEMPLATES: Record<Vertical, { en: Template; es: Template }> = {
  plumbing: reply('fix plumbing fast'),
  hvac: reply('keep your heating and cooling running'),
  electrical: reply('handle electrical work safely'),
  roofing: reply('repair and replace roofs'),
  carpentry: reply('build and repair woodwork'),
  general_contracting: reply('take on home projects big and small'),
  landscaping: reply('care for lawns and yards'),
  cleaning: reply('clean homes and offices'),
  pest_control: reply('get rid of pests'),
  painting: reply('paint inside and out'),
  locksmith: reply('get you back in, day or night'),
  appliance_repair: reply('repair home appliances'),
  auto_repair: reply('keep your car on the road'),
  other: reply('are here to help'),
}
export const templatesFor = (vertical: string | null | undefined) =>
  TEMPLATES[(vertical ?? 'other') as Vertical] ?? TEMPLATES.other
