// The single door from routes to db/: Remix empties `.server` modules under app/ in the browser
// build, so route files import database code from here and postgres.js never reaches the client.
export { db, type Db } from '../db/client.server'
export { accountSection, readAccount, saveAccount, type AccountRow } from '../db/account.server'
export { applySubscription, identityFlags, wizardState, ensureTenant, recordIdentityFlags, tenantForUser, type WizardState } from '../db/flow.server'
export { fieldFor, StaleVersionError } from '../db/save.server'
export { numberSection, readNumber, requestNumberChange, saveNumber, type NumberRow } from '../db/number.server'
