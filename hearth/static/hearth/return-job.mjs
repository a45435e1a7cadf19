// The job page of a return's build (hearth/returns/templates/returns/job.html): while the build
// runs, ask its JSON status every few seconds and update the progress in place (the region is
// aria-live="polite"); once it has finished or failed, load the page again to show the outcome.
// Without JavaScript the page's Refresh link does the same.
const POLL_MS = 3000

function update (region, status) {
  const text = region.querySelector('#return-job-progress-text')
  const tag = region.querySelector('#return-job-tag')
  const bar = region.querySelector('#return-job-progress')
  if (text) text.textContent = status.text
  if (tag) tag.textContent = status.status_label
  if (bar) {
    bar.max = status.total || 1
    bar.value = status.done
    bar.textContent = status.text
  }
}

function watch (root) {
  const url = root.dataset.statusUrl
  if (!url || root.dataset.finished === 'true') return
  const region = root.querySelector('#return-job-status')
  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      if (!response.ok) return
      const status = await response.json()
      if (status.finished) {
        window.location.reload()
        return
      }
      update(region, status)
    } catch (error) {
      // A failed poll is tried again; the Refresh link still works.
    }
    window.setTimeout(poll, POLL_MS)
  }
  window.setTimeout(poll, POLL_MS)
}

const root = document.getElementById('return-job')
if (root) watch(root)
