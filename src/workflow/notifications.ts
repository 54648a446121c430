import type { PayloadRequest } from 'payload'

import { settings } from '../env'
import type { Activity } from '../payload-types'
import { statusLabel, type ActivityStatus } from './activityWorkflow'
import { confirmationLink } from './publicSubmission'

/** Where an editor reviews the activity, on SERVER_URL or the local development address. */
export const adminLink = (id: number | string) => `${settings().serverUrl}/admin/collections/activities/${id}`

async function queueEmail(req: PayloadRequest, to: string, subject: string, text: string) {
  await req.payload.jobs.queue({ task: 'sendEmail', input: { to, subject, text }, req })
}

/** A new or re-submitted activity is announced to the review inbox of the site settings. */
export async function announceSubmission(req: PayloadRequest, activity: Activity, changeToApproved: boolean) {
  const siteSettings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req })
  const inbox = siteSettings.reviewInbox || settings().reviewInbox
  if (!inbox) {
    req.payload.logger.warn(`No review inbox set in the site settings: submission of activity ${activity.id} is not announced.`)
    return
  }
  const what = changeToApproved ? 'Wijziging op een goedgekeurde activiteit' : 'Nieuwe aanmelding'
  await queueEmail(
    req,
    inbox,
    `${what}: ${activity.title}`,
    [
      `${what} ter beoordeling: "${activity.title}".`,
      ...(changeToApproved ? ['De goedgekeurde versie blijft openbaar tot u de wijziging goedkeurt.'] : []),
      '',
      `Beoordelen: ${adminLink(activity.id)}`,
    ].join('\n'),
  )
}

const decisionText: Partial<Record<ActivityStatus, string>> = {
  approved: 'is goedgekeurd en staat (vanaf de publicatiedatum van de editie) op de website.',
  'changes-requested': 'is bekeken. De redactie vraagt u om wijzigingen voordat de activiteit op de website kan.',
  rejected: 'is helaas niet opgenomen op de website.',
}

/** A decision is e-mailed to the activity's contact, with the editor's feedback. */
export async function announceDecision(req: PayloadRequest, activity: Activity, to: ActivityStatus, feedback?: string | null) {
  const email = activity.contact?.email
  if (!email) return
  await queueEmail(
    req,
    email,
    `Uw activiteit "${activity.title}": ${statusLabel(to).toLowerCase()}`,
    [
      `Beste ${activity.contact?.name ?? 'indiener'},`,
      '',
      `Uw activiteit "${activity.title}" voor de Week tegen Kindermishandeling ${decisionText[to] ?? `heeft nu de status ${statusLabel(to)}.`}`,
      ...(feedback?.trim() ? ['', 'Terugkoppeling van de redactie:', feedback.trim()] : []),
      '',
      'Met vriendelijke groet,',
      'De redactie van de Week tegen Kindermishandeling',
    ].join('\n'),
  )
}

/** The public form's submitter confirms by the signed link in this mail. */
export async function askForConfirmation(req: PayloadRequest, activity: Activity, expiresAt: Date) {
  await queueEmail(
    req,
    activity.contact.email,
    `Bevestig uw aanmelding: ${activity.title}`,
    [
      `Beste ${activity.contact.name},`,
      '',
      `U heeft de activiteit "${activity.title}" aangemeld voor de Week tegen Kindermishandeling.`,
      'Bevestig uw aanmelding met deze link; daarna beoordeelt de redactie de activiteit:',
      '',
      confirmationLink(req.payload.secret, activity.id, expiresAt),
      '',
      `De link is ${settings().publicSubmissionConfirmHours} uur geldig. Heeft u niets aangemeld? Dan kunt u deze e-mail negeren.`,
    ].join('\n'),
  )
}
