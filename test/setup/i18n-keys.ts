import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

// Every English key the code words through i18next: the first argument of t('...') and of the
// marker m('...') (core/i18n/languages.ts), as written in the source. What test/unit/i18n.test.ts
// holds es.ts against; it reads files, so only tests and scripts import it.
const CALL = /\b[tm]\(\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")\s*[,)]/g

export function sourceKeys(root: string, dirs = ['app', 'core', 'platform', 'db', 'tasks']): Map<string, string> {
  const keys = new Map<string, string>()
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (/\.tsx?$/.test(name) && !path.includes(join('core', 'i18n'))) {
        for (const match of readFileSync(path, 'utf8').matchAll(CALL)) {
          const key = (match[1] ?? match[2]).replace(/\\(.)/g, '$1')
          if (!keys.has(key)) keys.set(key, path.slice(root.length + 1))
        }
      }
    }
  }
  for (const dir of dirs) walk(join(root, dir))
  return keys
}
