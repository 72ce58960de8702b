import postgres from 'postgres'

/**
 * The web app must reach the database as a login in ob_app: row-level security holds it to the
 * tenant each transaction names. A login that owns the tables (or has their owner's rights), a
 * superuser or one that bypasses row-level security would see and change every tenant, so the
 * server refuses to start with it, with one line.
 */
export async function refuseUnsafeLogin(databaseUrl: string | undefined): Promise<string | null> {
  if (!databaseUrl) return null // the app's own configuration check says what is missing
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 })
  try {
    const [row] = await sql`
      select current_user as login, r.rolsuper as superuser, r.rolbypassrls as bypass,
        pg_has_role(current_user, c.relowner, 'USAGE') as owner, pg_has_role(current_user, 'ob_app', 'MEMBER') as app
      from pg_roles r, pg_class c where r.rolname = current_user and c.oid = to_regclass('public.ob_flow')`
    if (!row) return 'the database has no onboarding tables yet: run npm run db:migrate first'
    const why = row.superuser
      ? 'is a superuser'
      : row.bypass
        ? 'bypasses row-level security'
        : row.owner
          ? 'owns the onboarding tables'
          : !row.app
            ? 'is not a member of ob_app'
            : null
    return why
      ? `the database login ${row.login} ${why}; the web app must connect as a login in ob_app (README, For DBAs)`
      : null
  } catch (error) {
    return `the database could not be reached (${(error as Error).message})`
  } finally {
    await sql.end({ timeout: 1 })
  }
}
