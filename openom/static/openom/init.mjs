import { initAll as initGovUK } from '../govuk-frontend/govuk-frontend.min.js'
import { initAll as initMoJ } from '../moj-frontend/moj-frontend.min.js'

initGovUK()
initMoJ()
