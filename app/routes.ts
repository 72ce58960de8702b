import { flatRoutes } from '@remix-run/fs-routes'
import type { RouteConfig } from '@remix-run/route-config'

// One route file per page, named by its URL (app/routes/onboarding.number.tsx is /onboarding/number).
export default flatRoutes({ ignoredRouteFiles: ['**/.*', '**/*.test.*'] }) satisfies RouteConfig
