import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { env } from './env.server'

// Where uploaded logos live: a folder (UPLOAD_DIR, .data/uploads in dev) served at /uploads/<name>.
// Names are the content's hash, so a file is never overwritten by another and can be cached forever.
// A deployment that needs object storage swaps these two functions.
const nameOf = (png: Buffer) => `${createHash('sha256').update(png).digest('hex').slice(0, 32)}.png`

/** Where the picture will be served, known before it is stored (a save records it first). */
export const pngUrl = (png: Buffer) => `/uploads/${nameOf(png)}`

export async function storePng(png: Buffer): Promise<string> {
  const dir = path.resolve(env().UPLOAD_DIR)
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, nameOf(png)), png)
  return pngUrl(png)
}

export async function readStored(name: string): Promise<Buffer | null> {
  if (!/^[a-f0-9]{32}\.png$/.test(name)) return null
  return readFile(path.join(path.resolve(env().UPLOAD_DIR), name)).catch(() => null)
}

/** The stored files and when each was written (for the cleanup of files no row points to). */
export async function storedFiles(): Promise<{ name: string; url: string; writtenAt: number }[]> {
  const dir = path.resolve(env().UPLOAD_DIR)
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /^[a-f0-9]{32}\.png$/.test(n))
  return Promise.all(
    names.map(async (name) => ({
      name,
      url: `/uploads/${name}`,
      writtenAt: (await stat(path.join(dir, name)).catch(() => null))?.mtimeMs ?? Date.now(),
    })),
  )
}

export const removeStored = (name: string) => unlink(path.join(path.resolve(env().UPLOAD_DIR), name)).catch(() => {})
