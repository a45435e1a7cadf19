import { initAll } from '/static/govuk/govuk-frontend.min.js'
import { keepDrafts } from './drafts.mjs'

initAll()
keepDrafts(document)
