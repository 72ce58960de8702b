import {
  unstable_createMemoryUploadHandler as memoryUploads,
  unstable_parseMultipartFormData as parseMultipart,
  MaxPartSizeExceededError,
} from '@remix-run/node'

// Request bodies, read with a limit. A body over the limit is refused without being kept, but it
// is read to its end (up to DRAIN_BYTES) before the reply: a reply sent over an unread body leaves
// the rest of it on a kept-alive connection, and the next request on that connection (browsers and
// proxies reuse them) is never answered. A body larger still is refused with the connection closed.
export const DRAIN_BYTES = 32 * 1024 * 1024

export class BodyTooLarge extends Error {
  /** The body was left unread: the reply must close the connection. */
  constructor(readonly close = false) {
    super('body too large')
  }
}
export class PartTooLarge extends Error {}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, from: number): Promise<never> {
  for (let drained = from; drained <= DRAIN_BYTES; ) {
    const next = await reader.read()
    if (next.done) throw new BodyTooLarge()
    drained += next.value.byteLength
  }
  await reader.cancel()
  throw new BodyTooLarge(true)
}

export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  const reader = request.body?.getReader()
  if (declared > DRAIN_BYTES) throw new BodyTooLarge(true)
  if (!reader) return new Uint8Array()
  if (declared > maxBytes) return drain(reader, 0)
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) return drain(reader, size)
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
export async function readFormData(
  request: Request,
  { maxBytes, maxPartBytes }: { maxBytes: number; maxPartBytes?: number },
): Promise<FormData | null> {
  const body = await readBody(request, maxBytes)
  const type = (request.headers.get('content-type') ?? '').toLowerCase()
  if (type.startsWith('application/x-www-form-urlencoded')) return urlencoded(body)
  if (!type.startsWith('multipart/form-data')) return null
  const copy = new Request(request.url, { method: 'POST', headers: request.headers, body })
  const uploads = memoryUploads({
    maxPartSize: maxPartBytes ?? maxBytes,
    filter: ({ filename }) => Boolean(maxPartBytes) || filename === undefined,
  })
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
