import { Parser } from 'htmlparser2'

/**
 * What a browser without JavaScript sends when the owner presses `button` (name=value) of the form
 * `formId`: its hidden and text inputs, checked boxes and radios, textareas, selected options.
 */
export function formFields(html: string, formId: string, button: { name: string; value: string }) {
  const fields: [string, string][] = []
  let inForm = false
  let depth = 0
  let textarea: { name: string; text: string } | null = null
  let select: { name: string; value: string | null; first: string | null } | null = null
  const parser = new Parser(
    {
      onopentag(tag, a) {
        if (tag === 'form' && a.id === formId) inForm = true
        if (!inForm) return
        if (tag === 'form') depth++
        if (tag === 'input' && a.name && a.disabled === undefined) {
          const type = a.type ?? 'text'
          if (['submit', 'button', 'file', 'image', 'reset'].includes(type)) return
          if ((type === 'checkbox' || type === 'radio') && a.checked === undefined) return
          fields.push([a.name, a.value ?? (type === 'checkbox' || type === 'radio' ? 'on' : '')])
        }
        if (tag === 'textarea' && a.name) textarea = { name: a.name, text: '' }
        if (tag === 'select' && a.name) select = { name: a.name, value: null, first: null }
        if (tag === 'option' && select) {
          select.first ??= a.value ?? ''
          if (a.selected !== undefined) select.value = a.value ?? ''
        }
      },
      ontext(text) {
        if (textarea) textarea.text += text
      },
      onclosetag(tag) {
        if (!inForm) return
        if (tag === 'textarea' && textarea)
          fields.push([textarea.name, textarea.text.replace(/^\n/, '')]), (textarea = null)
        if (tag === 'select' && select) fields.push([select.name, select.value ?? select.first ?? '']), (select = null)
        if (tag === 'form' && --depth === 0) inForm = false
      },
    },
    { decodeEntities: true },
  )
  parser.end(html)
  if (fields.length === 0) throw new Error(`no form #${formId} in the page`)
  const body = new URLSearchParams(fields)
  body.append(button.name, button.value)
  return body
}
