import { unstable_createMemoryUploadHandler as memoryUploads, unstable_parseMultipartFormData as parseMultipart, MaxPartSizeExceededError } from '@remix-run/node'

// Request bodies, read with a limit. A body over the limit is refused without being kept: its
// declared length refuses it unread; a body without one (chunked) is read up to the limit, and the
// rest is drained (up to DRAIN_BYTES) so the owner still gets the reply instead of a dropped connection.
const DRAIN_BYTES = 8 * 1024 * 1024

export class BodyTooLarge extends Error {}
export class PartTooLarge extends Error {}

export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw new BodyTooLarge()
  const reader = request.body?.getReader()
  if (!reader) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      for (let drained = 0; drained < DRAIN_BYTES; ) {
        const next = await reader.read()
        if (next.done) throw new BodyTooLarge()
        drained += next.value.byteLength
      }
      await reader.cancel()
      throw new BodyTooLarge()
    }
    chunks.push(value)
  }
  const body = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) body.set(chunk, (at += chunk.byteLength) - chunk.byteLength)
  return body
}

/**
 * The form in a request body of at most `maxBytes`: urlencoded (autosaves, forms without a file), or
 * multipart (forms with a file input). File parts are kept only when the page takes uploads
 * (`maxPartBytes`, held in memory). Null when the body is not a form.
 */
export async function readFormData(request: Request, { maxBytes, maxPartBytes }: { maxBytes: number; maxPartBytes?: number }): Promise<FormData | null> {
  const body = await readBody(request, maxBytes)
  const type = (request.headers.get('content-type') ?? '').toLowerCase()
  if (type.startsWith('application/x-www-form-urlencoded')) return urlencoded(body)
  if (!type.startsWith('multipart/form-data')) return null
  const copy = new Request(request.url, { method: 'POST', headers: request.headers, body })
  const uploads = memoryUploads({ maxPartSize: maxPartBytes ?? maxBytes, filter: ({ filename }) => Boolean(maxPartBytes) || filename === undefined })
  return parseMultipart(copy, uploads).catch((error) => {
    if (error instanceof MaxPartSizeExceededError) throw new PartTooLarge()
    return null
  })
}

// What Request.formData() does for this type, without building a second Request for it.
function urlencoded(body: Uint8Array): FormData {
  const form = new FormData()
  for (const [name, value] of new URLSearchParams(new TextDecoder().decode(body))) form.append(name, value)
  return form
}
