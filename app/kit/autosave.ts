import { m } from '../../core/i18n/languages'
import { useFetcher } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState, type FormEvent, type SyntheticEvent } from 'react'
import type { ActionReply } from '~/wizard'

type Status = { message: string; tone: 'ok' | 'error'; conflict?: boolean } | null

/**
 * This browser tab's name, kept in its sessionStorage (so a reload keeps it): every post names it,
 * and a page reloaded while its own autosave was still on its way is not "changed in another tab"
 * (ob_own_saves). Empty until hydrated, and without JavaScript, where nothing is ever in flight.
 */
export function useTab(): string {
  const [tab, setTab] = useState('')
  useEffect(() => {
    try {
      const id = sessionStorage.getItem('ob:tab') ?? crypto.randomUUID()
      sessionStorage.setItem('ob:tab', id)
      setTab(id)
    } catch {
      // Storage refused (a private window's policy): a name for this page's life only.
      setTab(crypto.randomUUID())
    }
  }, [])
  return tab
}

/**
 * Saves fields on blur (or change, for selects) through the page's own action, one request at a
 * time: edits made while a save is in flight wait and go out with the version that save returned,
 * so rapid blurs never conflict with each other. After a 409 it stops saving until reload.
 */
export function useAutosave({
  formId,
  version,
  validate,
}: {
  formId: string
  version: number
  validate: (body: FormData) => boolean
}) {
  const fetcher = useFetcher<ActionReply>()
  const latest = useRef(version)
  const [formVersion, setFormVersion] = useState(version)
  const dirty = useRef(new Set<string>())
  const busy = useRef(false)
  const stopped = useRef(false)
  const afterIdle = useRef<(() => void)[]>([])
  const [status, setStatus] = useState<Status>(null)
  const tab = useTab()
  // The fields of the save in flight: leaving the page cancels it, so the flush sends them again.
  const sending = useRef<FormData | null>(null)

  // A newer version from a loader revalidation is the one to send next.
  useEffect(() => {
    if (version > latest.current) {
      latest.current = version
      setFormVersion(version)
    }
  }, [version])

  const form = () => document.getElementById(formId) as HTMLFormElement | null

  // biome-ignore lint/correctness/useExhaustiveDependencies: form() finds the form by its fixed id; the rest are refs read live
  const pump = useCallback(() => {
    const el = form()
    if (busy.current || stopped.current || !el) return
    if (dirty.current.size === 0) {
      for (const run of afterIdle.current.splice(0)) run()
      return
    }
    const body = changedFields(el, dirty.current)
    if (!validate(body)) return pump()
    body.set('intent', 'autosave')
    body.set('version', String(latest.current))
    if (tab) body.set('tab', tab)
    busy.current = true
    sending.current = body
    setStatus({ message: 'Saving…', tone: 'ok' })
    // Only a chosen file needs multipart; a few changed fields read faster on the server urlencoded.
    const file = [...body.values()].some((v) => v instanceof File)
    fetcher.submit(body, {
      method: 'post',
      encType: file ? 'multipart/form-data' : 'application/x-www-form-urlencoded',
    })
  }, [fetcher.submit, validate, tab])

  useEffect(() => {
    if (fetcher.state !== 'idle' || !busy.current) return
    busy.current = false
    sending.current = null
    const reply = fetcher.data
    if (reply?.saved && reply.version !== undefined) {
      latest.current = Math.max(latest.current, reply.version)
      setFormVersion(latest.current)
      setStatus({ message: 'Saved', tone: 'ok' })
    } else if (reply?.conflict) {
      stopped.current = true
      setStatus({ message: reply.message ?? m('This page changed in another tab'), tone: 'error', conflict: true })
    } else {
      const firstError = reply?.result?.error ? Object.values(reply.result.error).flat()[0] : undefined
      setStatus({ message: firstError ?? reply?.message ?? m('Not saved; try again'), tone: 'error' })
    }
    pump()
  }, [fetcher.state, fetcher.data, pump])

  // Leaving the page (a tab closed, another app, a link) with a field changed and not yet saved:
  // the change goes out in a request that outlives the page (keepalive), so no last edit is lost.
  // biome-ignore lint/correctness/useExhaustiveDependencies: form() finds the form by its fixed id; the rest are refs read live
  useEffect(() => {
    const flush = () => {
      const el = form()
      if (!el || stopped.current || (dirty.current.size === 0 && !sending.current)) return
      const body = changedFields(el, dirty.current)
      for (const [name, value] of sending.current?.entries() ?? []) if (!body.has(name)) body.append(name, value)
      sending.current = null
      if (!validate(body)) return
      body.set('intent', 'autosave')
      body.set('version', String(latest.current))
      if (tab) body.set('tab', tab)
      const fields = new URLSearchParams()
      for (const [name, value] of body.entries()) if (typeof value === 'string') fields.append(name, value)
      // Remix's data request for the page's own action (single fetch): its reply, not the page.
      const url = `${location.pathname.replace(/\/$/, '')}.data`
      void fetch(url, { method: 'POST', body: fields, keepalive: true, credentials: 'same-origin' }).catch(() => {})
    }
    const hidden = () => document.visibilityState === 'hidden' && flush()
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', hidden)
    return () => {
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', hidden)
    }
  }, [validate, tab])

  const markDirty = (event: SyntheticEvent) => {
    const name = (event.target as HTMLInputElement).name
    if (name && name !== 'intent' && name !== 'version') dirty.current.add(name)
  }

  return {
    version: formVersion,
    tab,
    status,
    /** Saves the named field now (e.g. a hidden value the page filled in). */
    queue(name: string) {
      dirty.current.add(name)
      pump()
    },
    /** Spread on the <form>: text inputs save on blur, selects and toggles on change. */
    handlers: {
      onInput: markDirty,
      onChange: (event: SyntheticEvent) => {
        markDirty(event)
        const target = event.target as HTMLInputElement
        if (target.tagName === 'SELECT' || ['checkbox', 'radio', 'file', 'color'].includes(target.type)) pump()
      },
      onBlur: () => pump(),
    },
    /** Call first in onSubmit: holds the submit until the save in flight has its version. */
    holdSubmit(event: FormEvent<HTMLFormElement>): boolean {
      const submitter = (event.nativeEvent as SubmitEvent).submitter
      // Conform validates through submit events of its own (a temporary intent button): let them pass.
      if (!busy.current || (submitter && submitter.getAttribute('name') !== 'intent')) return false
      event.preventDefault()
      const el = event.currentTarget
      afterIdle.current.push(() => {
        const input = el.elements.namedItem('version') as HTMLInputElement | null
        if (input) input.value = String(latest.current)
        el.requestSubmit(submitter)
      })
      return true
    },
  }
}

/**
 * The changed fields of the form, to save: a nested field (address.zip, hours.start) is checked as a
 * whole, so all its parts go along. Empties `dirty`.
 */
function changedFields(el: HTMLFormElement, dirty: Set<string>) {
  const groups = new Set([...dirty].map((name) => name.split(/[.[]/)[0]))
  dirty.clear()
  const body = new FormData()
  for (const [name, value] of new FormData(el).entries())
    if (groups.has(name.split(/[.[]/)[0])) body.append(name, value)
  return body
}
