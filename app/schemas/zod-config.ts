import { config } from 'zod'

// In the browser, zod's schemas run without compiling a parser with `new Function`: it tries that
// once as a schema is made, and our Content-Security-Policy (no 'unsafe-eval') refuses it, which
// the browser reports as an issue on every page with a form (Lighthouse's best practices count it).
// Imported first by every module that makes schemas the browser runs. The server keeps the faster
// compiled parsers.
if (typeof document !== 'undefined') config({ jitless: true })
