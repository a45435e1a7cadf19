// Never lose work: every form with a text area (or data-hearth-draft="on") keeps what is typed
// as a draft on the server every few seconds, and as the page is closed; coming back to the
// form (after a time-out, a closed tab or a restart) puts it back. Saving the form deletes the
// draft (hearth/drafts/middleware.py). ADR 18.

const SAVE_EVERY_MS = 3000
const SAVE_URL = '/drafts/save/'
const DRAFT_URL = '/drafts/'
const DISCARD_URL = '/drafts/discard/'

export function keepDrafts (root) {
  for (const form of root.querySelectorAll('main form[method="post" i]')) {
    const wanted = form.dataset.hearthDraft
    if (wanted === 'off' || (wanted !== 'on' && !form.querySelector('textarea'))) continue
    new DraftKeeper(form).start()
  }
}

class DraftKeeper {
  constructor (form) {
    this.form = form
    this.path = new URL(form.getAttribute('action') || window.location.href,
      window.location.href).pathname
    this.changed = false
    this.submitting = false
    this.status = document.createElement('p')
    this.status.className = 'govuk-body-s hearth-draft-status'
    this.status.setAttribute('role', 'status')
  }

  start () {
    this.form.prepend(this.status)
    this.form.addEventListener('input', () => { this.changed = true })
    this.form.addEventListener('change', () => { this.changed = true })
    this.form.addEventListener('submit', () => { this.submitting = true })
    window.setInterval(() => this.save(), SAVE_EVERY_MS)
    window.addEventListener('pagehide', () => this.save({ leaving: true }))
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.save({ leaving: true })
    })
    this.restore().catch(() => {})
  }

  fields () {
    const data = new FormData(this.form)
    for (const input of this.form.querySelectorAll('input[type="password" i]')) {
      data.delete(input.name)
    }
    data.set('draft_path', this.path)
    return data
  }

  save ({ leaving = false } = {}) {
    if (!this.changed || this.submitting) return
    this.changed = false
    const data = this.fields()
    if (leaving && navigator.sendBeacon) {
      navigator.sendBeacon(SAVE_URL, data)
      return
    }
    window.fetch(SAVE_URL, { method: 'POST', body: data, credentials: 'same-origin',
      headers: { Accept: 'application/json' }, redirect: 'error' })
      .then((response) => response.ok ? response.json() : Promise.reject(response))
      .then((saved) => { this.say(`Draft kept at ${saved.saved_at}. It is not saved until you press the button.`) })
      .catch(() => {
        this.changed = true
        this.say('Your draft could not be kept just now. Keep this page open; we will try again.')
      })
  }

  async restore () {
    const response = await window.fetch(`${DRAFT_URL}?path=${encodeURIComponent(this.path)}`,
      { credentials: 'same-origin', headers: { Accept: 'application/json' }, redirect: 'error' })
    if (response.status !== 200) return
    const draft = await response.json()
    let restored = 0
    for (const [name, values] of Object.entries(draft.fields)) {
      restored += this.put(name, values)
    }
    if (restored) this.offerDiscard(draft.saved_at)
  }

  // Puts a draft's values into a field the page left empty; never over what the page holds.
  put (name, values) {
    const found = this.form.elements.namedItem(name)
    if (!found) return 0
    const inputs = found instanceof window.RadioNodeList ? Array.from(found) : [found]
    const choices = inputs.filter((input) => input.type === 'checkbox' || input.type === 'radio')
    if (choices.length) {
      if (choices.some((input) => input.checked)) return 0
      choices.forEach((input) => { input.checked = values.includes(input.value) })
      return 1
    }
    const field = inputs[0]
    if (field.type === 'hidden' || field.type === 'file' || field.value !== '' || !values[0]) {
      return 0
    }
    if (field.tagName === 'SELECT' && field.selectedIndex > 0) return 0
    field.value = values[0]
    return 1
  }

  offerDiscard (savedAt) {
    const banner = document.createElement('div')
    banner.className = 'govuk-notification-banner'
    banner.setAttribute('role', 'region')
    banner.setAttribute('aria-labelledby', 'hearth-draft-title')
    const header = document.createElement('div')
    header.className = 'govuk-notification-banner__header'
    const title = document.createElement('h2')
    title.className = 'govuk-notification-banner__title'
    title.id = 'hearth-draft-title'
    title.textContent = 'Draft put back'
    header.append(title)
    const content = document.createElement('div')
    content.className = 'govuk-notification-banner__content'
    const heading = document.createElement('p')
    heading.className = 'govuk-notification-banner__heading'
    heading.textContent = `We put back what you typed at ${savedAt}. It is not saved yet.`
    const discard = document.createElement('button')
    discard.type = 'button'
    discard.className = 'govuk-button govuk-button--secondary'
    discard.textContent = 'Throw the draft away'
    discard.addEventListener('click', () => this.discard())
    content.append(heading, discard)
    banner.append(header, content)
    this.form.before(banner)
  }

  discard () {
    this.submitting = true
    const data = new FormData()
    data.set('draft_path', this.path)
    data.set('csrfmiddlewaretoken', this.form.elements.namedItem('csrfmiddlewaretoken')?.value || '')
    window.fetch(DISCARD_URL, { method: 'POST', body: data, credentials: 'same-origin' })
      .finally(() => window.location.reload())
  }

  say (text) {
    this.status.textContent = text
  }
}
