import { writeFileSync } from 'node:fs'
import all from 'libphonenumber-js/metadata.min.json'
import { nanpSlice } from '../core/phone'

// `npm run phone-metadata`: cuts core/data/phone-nanp.json again from the installed libphonenumber-js.
writeFileSync('core/data/phone-nanp.json', `${JSON.stringify(nanpSlice(all as never))}\n`)
console.log('core/data/phone-nanp.json written')
