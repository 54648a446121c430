import type { Endpoint, PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction, ValidationError } from 'payload'

import type { Activity } from '../payload-types'
import { editionWindowIsOpen } from '../workflow/submissionWindow'
import {
  checkConfirmationLink,
  clientAddress,
  confirmationHours,
  confirmationLink,
  hashAddress,
  rateLimitPerHour,
} from '../workflow/publicSubmission'

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
  'edition',
] as const

const json = (body: unknown, status: number, headers?: HeadersInit) => Response.json(body, { status, headers })
const refusal = (message: string, status: number, headers?: HeadersInit) => json({ errors: [{ message }] }, status, headers)

const asId = (value: unknown) => (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)) ? Number(value) : undefined)

async function resolveOrganiser(req: PayloadRequest, body: Record<string, unknown>): Promise<number> {
  const existing = asId(body.organiser)
  if (existing !== undefined) {
    const found = await req.payload.find({
      collection: 'organisers',
      where: { and: [{ id: { equals: existing } }, { listed: { not_equals: false } }] },
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
    })
    if (found.docs[0]) return found.docs[0].id
  }
  const organisation = (body.organisation ?? {}) as { name?: unknown; website?: unknown }
  const name = typeof organisation.name === 'string' ? organisation.name.trim() : ''
  if (name.length < 2) {
    throw new ValidationError({
      collection: 'activities',
      errors: [{ path: 'organisation.name', message: 'Vul de naam van uw organisatie in.' }],
    })
  }
  // A new organisation stays off the public lists until an editor approves its activity.
  const created = await req.payload.create({
    collection: 'organisers',
    data: { name, website: typeof organisation.website === 'string' ? organisation.website : undefined, listed: false },
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

    const ipHash = hashAddress(req.payload.secret, clientAddress(req.headers))
    const recent = await req.payload.count({
      collection: 'activities',
      where: {
        and: [
          { 'publicSubmission.ipHash': { equals: ipHash } },
          { createdAt: { greater_than: new Date(Date.now() - 3600_000).toISOString() } },
        ],
      },
      overrideAccess: true,
    })
    if (recent.totalDocs >= rateLimitPerHour()) {
      return refusal('U heeft het afgelopen uur al veel activiteiten aangemeld. Probeer het over een uur opnieuw.', 429, {
        'Retry-After': '3600',
      })
    }
    if (fields.edition !== undefined && !(await editionWindowIsOpen(req, asId(fields.edition)))) {
      return refusal('Het aanmelden van activiteiten voor deze editie is gesloten.', 403)
    }

    const data: Record<string, unknown> = {}
    for (const field of formFields) if (fields[field] !== undefined) data[field] = fields[field]
    const expiresAt = new Date(Date.now() + confirmationHours() * 3600_000)

    const ownTransaction = await initTransaction(req)
    try {
      const organiser = await resolveOrganiser(req, fields)
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
            `De link is ${confirmationHours()} uur geldig. Heeft u niets aangemeld? Dan kunt u deze e-mail negeren.`,
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

const page = (title: string, text: string, status: number) =>
  new Response(
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>` +
      `<body style="font-family:sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem"><h1>${title}</h1><p>${text}</p></body></html>`,
    { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } },
  )

const confirm: Endpoint = {
  path: '/public-submission/confirm',
  method: 'get',
  handler: async (req) => {
    const check = checkConfirmationLink(req.payload.secret, new URL(req.url ?? '', 'http://localhost').searchParams)
    if (!check.ok) return page('Bevestigen lukt niet', check.message, check.status)
    const activity = await req.payload.findByID({
      collection: 'activities',
      id: Number(check.id),
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!activity || !activity.publicSubmission?.expiresAt) {
      return page('Bevestigen lukt niet', 'Deze aanmelding bestaat niet meer. Meld de activiteit opnieuw aan.', 410)
    }
    if (activity.publicSubmission.confirmedAt) {
      return page('Al bevestigd', 'Uw aanmelding was al bevestigd. De redactie beoordeelt haar zo snel mogelijk.', 200)
    }
    if (!(await editionWindowIsOpen(req, activity.edition))) {
      return page('Aanmelden gesloten', 'Het aanmelden van activiteiten voor deze editie is inmiddels gesloten.', 403)
    }
    await req.payload.update({
      collection: 'activities',
      id: activity.id,
      data: { status: 'submitted', publicSubmission: { confirmedAt: new Date().toISOString() } },
      overrideAccess: true,
      context: { submissionChannel: 'public-form' },
    })
    return page(
      'Bedankt voor uw aanmelding',
      `"${activity.title}" is bevestigd. De redactie beoordeelt de activiteit en laat u weten of ze op de website komt.`,
      200,
    )
  },
}

export const publicSubmissionEndpoints: Endpoint[] = [submit, confirm]
