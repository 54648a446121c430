import { html, htmlPage } from './html'

/**
 * The pages the public form's confirmation link opens (src/endpoints/publicSubmission.ts): small
 * Dutch pages built with the one HTML helper, so everything a submitter wrote is escaped.
 */

const notice = (title: string, text: string, status: number) => htmlPage({ title, body: html`<p>${text}</p>`, status })

export const cannotConfirmPage = (text: string, status: number) => notice('Bevestigen lukt niet', text, status)

export const alreadyConfirmedPage = () => notice('Al bevestigd', 'Uw aanmelding was al bevestigd. De redactie beoordeelt haar zo snel mogelijk.', 200)

export const submissionsClosedPage = () => notice('Aanmelden gesloten', 'Het aanmelden van activiteiten voor deze editie is inmiddels gesloten.', 403)

export const confirmedPage = (title: string) =>
  notice('Bedankt voor uw aanmelding', `"${title}" is bevestigd. De redactie beoordeelt de activiteit en laat u weten of ze op de website komt.`, 200)

/** The page behind the link: a button that POSTs the link's signed fields back. */
export function confirmationFormPage(title: string, link: URLSearchParams) {
  const hidden = ['id', 'expires', 'signature'].map((name) => html`<input type="hidden" name="${name}" value="${link.get(name)}">`)
  return htmlPage({
    title: 'Aanmelding bevestigen',
    body: html`<p>U heeft de activiteit “${title}” aangemeld voor de Week tegen Kindermishandeling. Bevestig de aanmelding met de knop; daarna beoordeelt de redactie de activiteit.</p><form method="post" action="confirm">${hidden}<button type="submit" style="font-size:1rem;padding:.5rem 1rem">Aanmelding bevestigen</button></form>`,
    status: 200,
  })
}
