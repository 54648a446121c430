import { sql } from '@payloadcms/db-postgres/drizzle'
import type { Endpoint, PayloadRequest, Where } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { lockRow, transactionOf } from '../db/transaction'
import { settings } from '../env'
import { clientAddress } from '../http/clientAddress'
import { html, htmlPage } from '../http/html'
import { readAtMost } from '../http/requestBodies'
import { limitsCheckedByEndpoint } from '../plugins/anonymousReadLimits'
import type { Activity } from '../payload-types'
import { editionWindowIsOpen } from '../workflow/submissionWindow'
import { checkConfirmationLink, confirmationLink, hashAddress } from '../workflow/publicSubmission'

/** What the public form may fill in: the activity itself, never its status, review or owner. */
const formFields = [
  'title',
  'summary',
  'format',
  'audiences',
  'themes',
  'startsAt',
  'endsAt',
  'location',
  'registration',
  'contact',
] as const

const json = (body: unknown, status: number, headers?: HeadersInit) => Response.json(body, { status, headers })
const refusal = (message: string, status: number, headers?: HeadersInit) => json({ errors: [{ message }] }, status, headers)

/**
 * Answered as Payload answers a ValidationError. Not thrown as one: in the production bundle this
 * file's copy of the class is not the one Payload's error handler recognises, and the answer would
 * lose the field.
 */
const fieldRefusal = (path: string, message: string) =>
  json({ errors: [{ name: 'ValidationError', message: `Dit veld is ongeldig: ${path}`, data: { collection: 'activities', errors: [{ path, message }] } }] }, 400)

const isGiven = (value: unknown) => value !== undefined && value !== null && value !== ''

/** The edition as Payload's relationship field takes it: an id, as a number or a numeric string, or an object with that id. */
function editionId(value: unknown): number | undefined {
  const id = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { id?: unknown }).id : value
  if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return id
  if (typeof id === 'string' && /^\d{1,15}$/.test(id) && Number(id) > 0) return Number(id)
  return undefined
}

type Organisation = { name: string; website?: string }

function organisationOf(body: Record<string, unknown>): Organisation | undefined {
  const organisation = (body.organisation ?? {}) as { name?: unknown; website?: unknown }
  const name = typeof organisation.name === 'string' ? organisation.name.trim() : ''
  if (name.length < 2) return undefined
  return { name, website: typeof organisation.website === 'string' ? organisation.website : undefined }
}

/**
 * An anonymous submission never joins an existing organisation: anyone could name one. It
 * brings a new, unlisted organiser, and an editor links it to an existing one during review.
 */
async function createOrganiser(req: PayloadRequest, { name, website }: Organisation): Promise<number> {
  // A new organisation stays off the public lists until an editor approves its activity.
  const created = await req.payload.create({
    collection: 'organisers',
    data: { name, website, listed: false },
    overrideAccess: true,
    req,
  })
  return created.id
}

const hourRefusal = (message: string) => refusal(message, 429, { 'Retry-After': '3600' })

/**
 * The caps of the last hour: per client address, per contact e-mail address and in total. Run
 * in the submission's transaction behind one advisory lock, so a burst of parallel submissions
 * is counted one after the other.
 */
async function overLimit(req: PayloadRequest, ipHash: string, contactEmail: string): Promise<Response | undefined> {
  await (await transactionOf(req))?.execute(sql`SELECT pg_advisory_xact_lock(hashtext('wtk-public-submission'))`)
  const lastHour: Where = {
    and: [
      { 'publicSubmission.expiresAt': { exists: true } },
      { createdAt: { greater_than: new Date(Date.now() - 3600_000).toISOString() } },
    ],
  }
  const total = await req.payload.count({ collection: 'activities', where: lastHour, overrideAccess: true, req })
  if (total.totalDocs >= settings().publicSubmissionLimitTotal) {
    return hourRefusal('Er zijn het afgelopen uur erg veel activiteiten aangemeld. Probeer het over een uur opnieuw.')
  }
  // At most the total cap of rows: the ones of this hour.
  const { docs } = await req.payload.find({
    collection: 'activities',
    where: lastHour,
    select: { contact: { email: true }, publicSubmission: { ipHash: true } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    context: { [limitsCheckedByEndpoint]: true },
    req,
  })
  if (docs.filter((doc) => doc.publicSubmission?.ipHash === ipHash).length >= settings().publicSubmissionLimitPerHour) {
    return hourRefusal('U heeft het afgelopen uur al veel activiteiten aangemeld. Probeer het over een uur opnieuw.')
  }
  const sameContact = docs.filter((doc) => doc.contact?.email?.trim().toLowerCase() === contactEmail)
  if (contactEmail && sameContact.length >= settings().publicSubmissionLimitPerContact) {
    return hourRefusal('Met dit e-mailadres zijn het afgelopen uur al meerdere activiteiten aangemeld. Probeer het over een uur opnieuw.')
  }
  return undefined
}

const submit: Endpoint = {
  path: '/public-submission',
  method: 'post',
  handler: async (req) => {
    let body: unknown
    try {
      body = await req.json?.()
    } catch {
      return refusal('De aanmelding kon niet worden gelezen: stuur de velden als JSON.', 400)
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return refusal('De aanmelding kon niet worden gelezen: stuur de velden als JSON-object.', 400)
    }
    const fields = body as Record<string, unknown>
    const received = {
      message: 'Bedankt! Bevestig uw aanmelding met de link in de e-mail die we u sturen.',
    }
    // Filled in only by robots, which the form hides the field from people for.
    if (typeof fields.homepage === 'string' && fields.homepage.trim() !== '') return json(received, 202)

    if (isGiven(fields.organiser)) {
      return fieldRefusal(
        'organiser',
        'Een aanmelding zonder account hoort niet bij een bestaande organisatie: geef de naam van uw organisatie op in organisation.name. De redactie koppelt haar bij de beoordeling.',
      )
    }
    const organisation = organisationOf(fields)
    if (!organisation) return fieldRefusal('organisation.name', 'Vul de naam van uw organisatie in.')
    const data: Record<string, unknown> = {}
    for (const field of formFields) if (fields[field] !== undefined) data[field] = fields[field]
    // Checked and stored as the same value; a missing edition is Payload's required-field error.
    if (isGiven(fields.edition)) {
      const edition = editionId(fields.edition)
      if (edition === undefined) return fieldRefusal('edition', 'Kies de editie met haar id (een getal), of een object met dat id.')
      if (!(await editionWindowIsOpen(req, edition))) {
        return refusal('Het aanmelden van activiteiten voor deze editie is gesloten.', 403)
      }
      data.edition = edition
    }

    const ipHash = hashAddress(req.payload.secret, clientAddress(req.headers))
    const contact = fields.contact as { email?: unknown } | undefined
    const contactEmail = typeof contact?.email === 'string' ? contact.email.trim().toLowerCase() : ''
    const expiresAt = new Date(Date.now() + settings().publicSubmissionConfirmHours * 3600_000)

    const ownTransaction = await initTransaction(req)
    try {
      const limited = await overLimit(req, ipHash, contactEmail)
      if (limited) {
        if (ownTransaction) await killTransaction(req)
        return limited
      }
      const organiser = await createOrganiser(req, organisation)
      const activity = await req.payload.create({
        collection: 'activities',
        data: {
          ...(data as Partial<Activity>),
          organiser,
          status: 'draft',
          publicSubmission: { ipHash, expiresAt: expiresAt.toISOString() },
        } as Activity,
        overrideAccess: true,
        context: { submissionChannel: 'public-form' },
        req,
      })
      await req.payload.jobs.queue({
        task: 'sendEmail',
        input: {
          to: activity.contact.email,
          subject: `Bevestig uw aanmelding: ${activity.title}`,
          text: [
            `Beste ${activity.contact.name},`,
            '',
            `U heeft de activiteit "${activity.title}" aangemeld voor de Week tegen Kindermishandeling.`,
            'Bevestig uw aanmelding met deze link; daarna beoordeelt de redactie de activiteit:',
            '',
            confirmationLink(req.payload.secret, activity.id, expiresAt),
            '',
            `De link is ${settings().publicSubmissionConfirmHours} uur geldig. Heeft u niets aangemeld? Dan kunt u deze e-mail negeren.`,
          ].join('\n'),
        },
        req,
      })
      if (ownTransaction) await commitTransaction(req)
      return json({ ...received, expiresAt: expiresAt.toISOString() }, 201)
    } catch (error) {
      if (ownTransaction) await killTransaction(req)
      throw error
    }
  },
}

const notice = (title: string, text: string, status: number) => htmlPage({ title, body: html`<p>${text}</p>`, status })

const cannotConfirm = (text: string, status: number) => notice('Bevestigen lukt niet', text, status)

/** Only a submission that still waits for its contact: not one an editor withdrew, decided or deleted meanwhile. */
const awaitsConfirmation = (activity: Activity) =>
  activity.status === 'draft' && Boolean(activity.publicSubmission?.expiresAt) && !activity.publicSubmission?.confirmedAt

type Waiting = { ok: true; activity: Activity } | { ok: false; answer: Response }

/** The submission a valid link names, if it can still be confirmed; otherwise the page that says why not. */
async function waitingSubmission(req: PayloadRequest, id: number): Promise<Waiting> {
  const activity = await req.payload.findByID({
    collection: 'activities',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!activity || !activity.publicSubmission?.expiresAt) {
    return { ok: false, answer: cannotConfirm('Deze aanmelding bestaat niet meer. Meld de activiteit opnieuw aan.', 410) }
  }
  if (activity.publicSubmission.confirmedAt) {
    return { ok: false, answer: notice('Al bevestigd', 'Uw aanmelding was al bevestigd. De redactie beoordeelt haar zo snel mogelijk.', 200) }
  }
  if (!awaitsConfirmation(activity)) {
    return { ok: false, answer: cannotConfirm('Deze aanmelding kan niet meer worden bevestigd. Meld de activiteit zo nodig opnieuw aan.', 410) }
  }
  if (!(await editionWindowIsOpen(req, activity.edition))) {
    return { ok: false, answer: notice('Aanmelden gesloten', 'Het aanmelden van activiteiten voor deze editie is inmiddels gesloten.', 403) }
  }
  return { ok: true, activity }
}

async function confirmSubmission(req: PayloadRequest, activity: Activity): Promise<Response> {
  await req.payload.update({
    collection: 'activities',
    id: activity.id,
    data: { status: 'submitted', publicSubmission: { confirmedAt: new Date().toISOString() } },
    overrideAccess: true,
    context: { submissionChannel: 'public-form' },
    req,
  })
  return notice(
    'Bedankt voor uw aanmelding',
    `"${activity.title}" is bevestigd. De redactie beoordeelt de activiteit en laat u weten of ze op de website komt.`,
    200,
  )
}

/** The fields of a POSTed form (application/x-www-form-urlencoded), read up to a few kilobytes. */
async function formFieldsOf(req: PayloadRequest): Promise<URLSearchParams> {
  return new URLSearchParams((await readAtMost({ body: req.body ?? null }, 4096)) ?? '')
}

/**
 * The link in the mail opens a page with a button and changes nothing: mail scanners open
 * links. The button POSTs the signed fields of the link; the signature is the proof, no
 * session or cookie is used.
 */
const confirmPage: Endpoint = {
  path: '/public-submission/confirm',
  method: 'get',
  handler: async (req) => {
    const params = new URL(req.url ?? '', 'http://localhost').searchParams
    const check = checkConfirmationLink(req.payload.secret, params)
    if (!check.ok) return cannotConfirm(check.message, check.status)
    const waiting = await waitingSubmission(req, Number(check.id))
    if (!waiting.ok) return waiting.answer
    const hidden = ['id', 'expires', 'signature'].map((name) => html`<input type="hidden" name="${name}" value="${params.get(name)}">`)
    return htmlPage({
      title: 'Aanmelding bevestigen',
      body: html`<p>U heeft de activiteit “${waiting.activity.title}” aangemeld voor de Week tegen Kindermishandeling. Bevestig de aanmelding met de knop; daarna beoordeelt de redactie de activiteit.</p><form method="post" action="confirm">${hidden}<button type="submit" style="font-size:1rem;padding:.5rem 1rem">Aanmelding bevestigen</button></form>`,
      status: 200,
    })
  },
}

const confirm: Endpoint = {
  path: '/public-submission/confirm',
  method: 'post',
  handler: async (req) => {
    const check = checkConfirmationLink(req.payload.secret, await formFieldsOf(req))
    if (!check.ok) return cannotConfirm(check.message, check.status)
    const ownTransaction = await initTransaction(req)
    try {
      // Two clicks at once: the second waits here and sees the first one's confirmation.
      await lockRow(req, 'activities', Number(check.id))
      const waiting = await waitingSubmission(req, Number(check.id))
      const answer = waiting.ok ? await confirmSubmission(req, waiting.activity) : waiting.answer
      if (ownTransaction) await commitTransaction(req)
      return answer
    } catch (error) {
      if (ownTransaction) await killTransaction(req)
      throw error
    }
  },
}

export const publicSubmissionEndpoints: Endpoint[] = [submit, confirmPage, confirm]
