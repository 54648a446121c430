import type { Endpoint, PayloadRequest } from 'payload'

import { isEditor } from '../access/roles'
import { privateCacheControl } from '../delivery/cache'
import { type FieldError, refusal } from '../http/refusal'
import { openapi, type OpenAPIParameter } from '../openapi/describe'
import { anonymousReadDefaults } from '../plugins/anonymousReadLimits'
import { isPreviewCollection, previewCollections, previewLink, publicPreview } from '../preview/draft'
import { verifyPreviewToken } from '../preview/token'

const unknownCollection = () => refusal(404, `Van deze verzameling bestaat geen voorbeeld; een voorbeeld is er van ${previewCollections.join(', ')}.`)

/** The route's collection and id, as written in the path. */
const routeTarget = (req: PayloadRequest) => ({ collection: String(req.routeParams?.collection ?? ''), id: String(req.routeParams?.id ?? '') })

const locales = (req: PayloadRequest) => (req.payload.config.localization ? req.payload.config.localization.localeCodes : [])

/** `locale` and `depth` as a public read by id takes them, or a 400 naming what is wrong. */
function readOptions(req: PayloadRequest): { locale: string; depth: number } {
  const errors: FieldError[] = []
  const locale = req.searchParams.get('locale') ?? (req.payload.config.localization ? req.payload.config.localization.defaultLocale : 'nl')
  if (!locales(req).includes(locale)) errors.push({ path: 'locale', message: `locale moet een van ${locales(req).join(', ')} zijn.` })
  const depthText = req.searchParams.get('depth')
  const maxDepth = anonymousReadDefaults.maxDepth
  const depth = depthText === null ? Math.min(req.payload.config.defaultDepth, maxDepth) : Number(depthText)
  if (depthText !== null && !(/^\d$/.test(depthText) && depth <= maxDepth)) {
    errors.push({ path: 'depth', message: `depth moet een geheel getal van 0 tot en met ${maxDepth} zijn.` })
  }
  if (errors.length > 0) throw refusal(400, errors.map((error) => error.message).join(' '), errors)
  return { locale, depth }
}

const pathParameters: OpenAPIParameter[] = [
  { name: 'collection', in: 'path', required: true, description: 'Which kind of document.', schema: { type: 'string', enum: [...previewCollections] } },
  { name: 'id', in: 'path', required: true, description: "The document's id.", schema: { type: 'integer', minimum: 1 } },
]

/**
 * `POST /api/preview/:collection/:id`: an editor asks for a preview of one story, edition or
 * activity, and gets `{ token, url, expiresAt }`: a token for this document only, valid for an
 * hour, and the campaign site's preview page with it (PREVIEW_URL; null when that is not set).
 */
const createPreview: Endpoint = {
  path: '/preview/:collection/:id',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw refusal(401, 'Log in als redacteur om een voorbeeld te maken.')
    if (!isEditor(req)) throw refusal(403, 'Alleen de redactie maakt voorbeelden van wat nog niet gepubliceerd is.')
    const { collection, id } = routeTarget(req)
    if (!isPreviewCollection(collection)) throw unknownCollection()
    if (!/^[1-9]\d{0,14}$/.test(id)) throw refusal(404, 'Dit document bestaat niet (meer).')
    const { locale } = readOptions(req)
    // The same read the site will get: it also tells that the document exists and may be shown.
    const doc = await publicPreview(req.payload, { collection, id }, { locale, depth: 0 })
    return Response.json(await previewLink(req.payload, { collection, id, slug: doc.slug, locale }), {
      headers: { 'Cache-Control': privateCacheControl },
    })
  },
  custom: openapi(({ parameter, refused }) => ({
    operationId: 'createPreview',
    summary: 'A preview link for one draft (editors)',
    description:
      "For an editor signed in to the CMS (`Authorization: JWT …`): a token for this one document, read-only, valid for an hour, and the campaign site's preview page with it. Never hand an editor's own login to a site.",
    tags: ['preview'],
    parameters: [...pathParameters, parameter('locale')],
    responses: {
      200: {
        description: 'The token and the link.',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['token', 'url', 'expiresAt'],
              additionalProperties: false,
              properties: {
                token: { type: 'string' },
                url: { type: ['string', 'null'], description: 'PREVIEW_URL filled in; null when the CMS has none.' },
                expiresAt: { type: 'string', format: 'date-time' },
              },
            },
          },
        },
      },
      401: refused('Not signed in.'),
      403: refused('Signed in, but not as an editor.'),
      404: refused('No such collection or document.'),
      410: refused('A story whose storyteller withdrew consent: it is never shown again.'),
    },
  })),
}

/**
 * `GET /api/preview/:collection/:id?token=…`: the campaign site trades a preview token for the
 * newest draft of the one document the token names, in the shape of a public read by id. Whoever
 * calls it, also with a login, gets only what an anonymous reader may see of it. Never cached.
 */
const readPreview: Endpoint = {
  path: '/preview/:collection/:id',
  method: 'get',
  handler: async (req) => {
    const token = req.searchParams.get('token')
    if (!token) throw refusal(401, 'Een voorbeeld is alleen te zien met het token uit de voorbeeldlink (token).')
    const target = await verifyPreviewToken(req.payload.config.secret, token)
    if (!target) throw refusal(401, 'Dit voorbeeldtoken is ongeldig of verlopen. Vraag in het CMS een nieuwe voorbeeldlink aan.')
    const asked = routeTarget(req)
    if (target.collection !== asked.collection || target.id !== asked.id) throw refusal(403, 'Dit voorbeeldtoken hoort bij een ander document.')
    const { collection, id } = target
    if (!isPreviewCollection(collection)) throw unknownCollection()
    const doc = await publicPreview(req.payload, { collection, id }, readOptions(req))
    return Response.json(doc, { headers: { 'Cache-Control': privateCacheControl } })
  },
  custom: openapi(({ documentOf, parameter, refused }) => ({
    operationId: 'readPreview',
    summary: 'The newest draft of one document, with a preview token',
    description:
      'The newest draft of the document the token names, in the shape of a public read by id (nothing anonymous readers may not see). `private, no-store`: never cached.',
    tags: ['preview'],
    parameters: [
      ...pathParameters,
      { name: 'token', in: 'query', required: true, description: 'The token of `POST /api/preview/{collection}/{id}`.', schema: { type: 'string' } },
      parameter('locale'),
      parameter('depth'),
    ],
    responses: {
      200: {
        description: 'The draft.',
        content: { 'application/json': { schema: { oneOf: previewCollections.map((slug) => documentOf(slug)) } } },
      },
      400: refused('A bad `locale` or `depth`.'),
      401: refused('No token, or an invalid or expired one.'),
      403: refused('A token for another document.'),
      404: refused('No such collection or document.'),
      410: refused('A story whose storyteller withdrew consent: it is never shown again.'),
    },
  })),
}

export const previewEndpoints: Endpoint[] = [createPreview, readPreview]
