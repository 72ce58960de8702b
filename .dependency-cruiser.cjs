// The project's arrows, checked by `npm run lint:deps` (part of `npm test`): a cycle or an import
// against these directions fails the run. See README, "Architecture".
//   routes -> page modules (app/pages) -> the kit -> platform/, db/, core/
//   tasks  -> platform/, db/, core/ (never anything of app/)
//   platform/ (configuration, the pool, sealing, storage, images, provider clients, mail) -> db/, core/
//   db/    -> core/ only (it takes its connection as an argument)
//   core/  -> nothing of ours (the pages, the snapshot, rules, data tables)
//   nothing imports a route or a task
const app = (dirs) => `^app/(${dirs.join('|')})/`

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'db-stands-alone',
      comment: 'db/ holds SQL and takes its connection as an argument: it imports core/ and nothing else of ours.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(app|platform|tasks|server|dev|test|e2e)/' },
    },
    {
      name: 'platform-below-the-app',
      comment:
        'platform/ is what the web app and the worker share (configuration, the pool, sealing, storage, images, provider clients, mail): it never imports the app or a task.',
      severity: 'error',
      from: { path: '^platform/' },
      to: { path: '^(app|tasks|dev|copier|test|e2e)/' },
    },
    {
      name: 'core-stands-alone',
      comment:
        'core/ holds what every side reads (the pages, the snapshot, rules, data tables): it imports nothing else of ours.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(app|db|platform|tasks|server|dev|copier|test|e2e)/' },
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
      name: 'tasks-outside-the-app',
      comment: 'A task uses platform/, db/ and core/: nothing of app/, which is what Remix serves.',
      severity: 'error',
      from: { path: '^tasks/' },
      to: { path: '^app/' },
    },
    {
      name: 'helpers-below-the-pages',
      comment: "The web app's helpers and schemas are used by its pages, so they import none of them.",
      severity: 'error',
      from: { path: app(['lib', 'schemas']) },
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
      comment: 'Components run in the browser: no .server module, no db/ or platform/.',
      severity: 'error',
      from: { path: app(['components']) },
      to: { path: ['\\.server\\.tsx?$', '^(db|platform)/'] },
    },
    {
      name: 'server-on-its-own',
      comment: 'The web server loads the build; it imports nothing of the app itself.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(app|db|platform|tasks|dev)/' },
    },
    {
      name: 'copier-stands-alone',
      comment: 'The reference copier is another service: it reads ob_snapshot over SQL and imports nothing of ours.',
      severity: 'error',
      from: { path: '^copier/' },
      to: { path: '^(app|core|db|platform|tasks|server|dev|test|e2e)/' },
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
      from: { path: '^(app|core|db|platform|tasks|server)/' },
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
