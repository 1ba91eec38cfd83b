import { initAll as initGovUK } from '../govuk-frontend/govuk-frontend.min.js'
import { initAll as initMoJ } from '../moj-frontend/moj-frontend.min.js'

initGovUK()
initMoJ()

// "Print this page" links (no inline script: the CSP allows none).
for (const link of document.querySelectorAll("[data-print]")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    window.print();
  });
}
