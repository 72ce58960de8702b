// The project's arrows, checked by `npm run lint:deps` (part of `npm test`): a cycle or an import
// against these directions fails the run. See README, "Architecture".
//   routes -> page modules (app/pages) -> the kit, db/ and provider clients
//   tasks  -> db/ and app/lib, app/providers (never a route, a page module or the kit)
//   db/    -> db/ and core/ only (it takes its connection as an argument)
//   core/  -> core/ only (the pages and the snapshot, read by everything)
//   nothing imports a route or a task
const app = (dirs) => `^app/(${dirs.join('|')})/`

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'db-stands-alone',
      comment:
        'db/ holds SQL and takes its connection as an argument: it imports nothing of app/, tasks/ or the tooling.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(app|tasks|server|dev|test|e2e)/' },
    },
    {
      name: 'core-stands-alone',
      comment:
        'core/ holds what the browser, the server, db/, the worker and the tests all read (the pages, the snapshot): it imports nothing else of ours.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(app|db|tasks|server|dev|copier|test|e2e)/' },
    },
    {
      name: 'app-not-tasks',
      comment: 'The web app enqueues jobs through db/jobs.server.ts; it never imports a task.',
      severity: 'error',
      from: { path: '^app/' },
      to: { path: '^tasks/' },
    },
    {
      name: 'nothing-imports-routes',
      comment: 'Routes are entry points: their logic lives in page modules that others may import.',
      severity: 'error',
      from: { pathNot: '^app/routes/' },
      to: { path: '^app/routes/' },
    },
    {
      name: 'nothing-imports-tasks',
      comment: 'Tasks are entry points; the worker and the tests reach them through tasks/index.ts.',
      severity: 'error',
      from: { pathNot: '^(tasks|test)/' },
      to: { path: '^tasks/' },
    },
    {
      name: 'tasks-below-the-pages',
      comment:
        'A task uses db/, configuration, helpers and provider clients: never a page, the kit, a component or the session.',
      severity: 'error',
      from: { path: '^tasks/' },
      to: { path: `${app(['routes', 'pages', 'kit', 'components', 'auth'])}|^app/(root|entry)` },
    },
    {
      name: 'helpers-below-the-pages',
      comment: 'Configuration, helpers and provider clients are used by pages and tasks alike, so they import neither.',
      severity: 'error',
      from: { path: app(['lib', 'providers', 'schemas', 'data', 'mail']) },
      to: { path: `${app(['routes', 'pages', 'kit', 'components', 'auth'])}|^tasks/` },
    },
    {
      name: 'pages-not-components',
      comment: 'Page modules decide on the server; components render in the browser.',
      severity: 'error',
      from: { path: app(['pages']) },
      to: { path: app(['components']) },
    },
    {
      name: 'components-not-server',
      comment: 'Components run in the browser: no .server module, no db/.',
      severity: 'error',
      from: { path: app(['components']) },
      to: { path: ['\\.server\\.tsx?$', '^db/'] },
    },
    {
      name: 'server-on-its-own',
      comment: 'The web server loads the build; it imports nothing of the app itself.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(app|db|tasks|dev)/' },
    },
    {
      name: 'copier-stands-alone',
      comment: 'The reference copier is another service: it reads ob_snapshot over SQL and imports nothing of ours.',
      severity: 'error',
      from: { path: '^copier/' },
      to: { path: '^(app|db|tasks|server|dev|test|e2e)/' },
    },
    {
      name: 'nothing-imports-the-copier',
      comment: 'Only its tests use the copier as code; the stack runs it as a process.',
      severity: 'error',
      from: { pathNot: '^(copier|test)/' },
      to: { path: '^copier/' },
    },
    {
      name: 'server-shares-only-its-logger-and-metrics',
      comment:
        'The web server is an entry point; its logger and metrics (server/log.ts, server/metrics.ts) are the one configuration the app and the worker use too.',
      severity: 'error',
      from: { pathNot: '^server/' },
      to: { path: '^server/', pathNot: '^server/(log|metrics)\\.ts$' },
    },
    {
      name: 'tooling-not-in-the-product',
      comment: 'The dev/test launcher and the fakes are tooling: the product never imports them.',
      severity: 'error',
      from: { path: '^(app|db|tasks|server)/' },
      to: { path: '^(dev|test|e2e)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(build|public/build|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json', '.d.ts'],
    },
  },
}
