import { z } from 'zod'

// Read once at start-up. A bad or missing value stops the process with one line, not a stack trace.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
})

export type Env = z.infer<typeof schema> & { DATABASE_URL: string; SESSION_SECRET: string }

const DEV_SESSION_SECRET = 'dev-only-session-secret-not-for-production'

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ConfigError(`${issue.path.join('.')} ${issue.message}`)
  }
  const env = parsed.data
  if (!env.DATABASE_URL) {
    throw new ConfigError('DATABASE_URL is required: set it to a PostgreSQL connection string (npm run dev sets it for you)')
  }
  if (!env.SESSION_SECRET && env.NODE_ENV === 'production') {
    throw new ConfigError('SESSION_SECRET is required in production: set it to a random string of 32+ characters')
  }
  return { ...env, DATABASE_URL: env.DATABASE_URL, SESSION_SECRET: env.SESSION_SECRET ?? DEV_SESSION_SECRET }
}

export class ConfigError extends Error {}

let cached: Env | undefined
export function env(): Env {
  if (!cached) {
    try {
      cached = parseEnv(process.env)
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      console.error(`Configuration error: ${error.message}`)
      process.exit(1)
    }
  }
  return cached
}
