import type { Endpoint, PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { lockRow } from '../db/transaction'
import { settings } from '../env'
import { clientAddress } from '../http/clientAddress'
import { alreadyConfirmedPage, cannotConfirmPage, confirmationFormPage, confirmedPage, submissionsClosedPage } from '../http/confirmationPages'
import { refusalResponse } from '../http/refusal'
import { readAtMost } from '../http/requestBodies'
import { openapi } from '../openapi/describe'
import type { Activity } from '../payload-types'
import { editionWindowIsOpen } from '../workflow/submissionWindow'
import { askForConfirmation } from '../workflow/notifications'
import { checkConfirmationLink, hashAddress, submissionLimitReached } from '../workflow/publicSubmission'

/** What the public form may fill in: the activity itself, never its status, review or owner. */
export const formFields = ['title', 'summary', 'format', 'audiences', 'themes', 'startsAt', 'endsAt', 'location', 'registration', 'contact'] as const

const json = (body: unknown, status: number, headers?: HeadersInit) => Response.json(body, { status, headers })

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

const submit: Endpoint = {
  path: '/public-submission',
  method: 'post',
  handler: async (req) => {
    let body: unknown
    try {
      body = await req.json?.()
    } catch {
      return refusalResponse(400, 'De aanmelding kon niet worden gelezen: stuur de velden als JSON.')
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return refusalResponse(400, 'De aanmelding kon niet worden gelezen: stuur de velden als JSON-object.')
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
        return refusalResponse(403, 'Het aanmelden van activiteiten voor deze editie is gesloten.')
      }
      data.edition = edition
    }

    const ipHash = hashAddress(req.payload.secret, clientAddress(req.headers))
    const contact = fields.contact as { email?: unknown } | undefined
    const contactEmail = typeof contact?.email === 'string' ? contact.email.trim().toLowerCase() : ''
    const expiresAt = new Date(Date.now() + settings().publicSubmissionConfirmHours * 3600_000)

    const ownTransaction = await initTransaction(req)
    try {
      const limited = await submissionLimitReached(req, ipHash, contactEmail)
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
      await askForConfirmation(req, activity, expiresAt)
      if (ownTransaction) await commitTransaction(req)
      return json({ ...received, expiresAt: expiresAt.toISOString() }, 201)
    } catch (error) {
      if (ownTransaction) await killTransaction(req)
      throw error
    }
  },
  custom: openapi(async ({ inputOf, refused }) => {
    const activity = await inputOf('activities', formFields)
    return {
      operationId: 'submitActivity',
      summary: 'Submit an activity without an account',
      description:
        'The public form of the campaign website. The contact gets an e-mail with a link to confirm; the activity reaches the editors only once confirmed, and is public only once approved. The contact details are never public.',
      tags: ['public-submission'],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              ...activity,
              properties: {
                ...(activity.properties as object),
                edition: { type: 'integer', description: 'The id of the edition whose submission window is open.' },
                organisation: {
                  type: 'object',
                  required: ['name'],
                  properties: { name: { type: 'string', minLength: 2 }, website: { type: 'string' } },
                  additionalProperties: false,
                  description: 'The organisation, named: an editor links it to a known one during review.',
                },
              },
              required: [...((activity.required as string[]) ?? []), 'edition', 'organisation'],
            },
          },
        },
      },
      responses: {
        201: {
          description: 'Received; waiting for the confirmation by e-mail.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['message', 'expiresAt'],
                properties: { message: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time', description: 'Confirm before this time.' } },
              },
            },
          },
        },
        400: refused('A field is missing or wrong, named in `data.errors`.'),
        403: refused('Submissions for this edition are closed.'),
        413: refused('The request is too large.'),
        429: {
          ...refused('Too many submissions from this address or contact, or in total; try again later.'),
          headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } },
        },
      },
    }
  }),
}

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
    return { ok: false, answer: cannotConfirmPage('Deze aanmelding bestaat niet meer. Meld de activiteit opnieuw aan.', 410) }
  }
  if (activity.publicSubmission.confirmedAt) {
    return { ok: false, answer: alreadyConfirmedPage() }
  }
  if (!awaitsConfirmation(activity)) {
    return { ok: false, answer: cannotConfirmPage('Deze aanmelding kan niet meer worden bevestigd. Meld de activiteit zo nodig opnieuw aan.', 410) }
  }
  if (!(await editionWindowIsOpen(req, activity.edition))) {
    return { ok: false, answer: submissionsClosedPage() }
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
  return confirmedPage(activity.title)
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
    if (!check.ok) return cannotConfirmPage(check.message, check.status)
    const waiting = await waitingSubmission(req, Number(check.id))
    if (!waiting.ok) return waiting.answer
    return confirmationFormPage(waiting.activity.title, params)
  },
  custom: openapi(({ pageAnswer }) => ({
    operationId: 'showSubmissionConfirmation',
    summary: 'The page the confirmation link opens',
    description: 'A page with a button that confirms with a POST; opening the link changes nothing (mail scanners open links).',
    tags: ['public-submission'],
    parameters: ['id', 'expires', 'signature'].map((name) => ({ name, in: 'query' as const, required: true, schema: { type: 'string' } })),
    responses: {
      200: pageAnswer('The button to confirm, or a page saying it was confirmed already.'),
      400: pageAnswer('The link is incomplete or wrong.'),
      403: pageAnswer('Submissions for the edition have closed meanwhile.'),
      410: pageAnswer('The link has expired, or the submission can no longer be confirmed.'),
    },
  })),
}

const confirm: Endpoint = {
  path: '/public-submission/confirm',
  method: 'post',
  handler: async (req) => {
    const check = checkConfirmationLink(req.payload.secret, await formFieldsOf(req))
    if (!check.ok) return cannotConfirmPage(check.message, check.status)
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
  custom: openapi(({ pageAnswer }) => ({
    operationId: 'confirmSubmission',
    summary: 'Confirm a submission (the button of the page)',
    tags: ['public-submission'],
    requestBody: {
      required: true,
      content: {
        'application/x-www-form-urlencoded': {
          schema: {
            type: 'object',
            required: ['id', 'expires', 'signature'],
            properties: { id: { type: 'string' }, expires: { type: 'string' }, signature: { type: 'string' } },
          },
        },
      },
    },
    responses: {
      200: pageAnswer('Confirmed (or confirmed already): the editors review the activity.'),
      400: pageAnswer('The link is incomplete or wrong.'),
      403: pageAnswer('Submissions for the edition have closed meanwhile.'),
      410: pageAnswer('The link has expired, or the submission can no longer be confirmed.'),
    },
  })),
}

export const publicSubmissionEndpoints: Endpoint[] = [submit, confirmPage, confirm]
