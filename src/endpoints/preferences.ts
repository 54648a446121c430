import type { Endpoint, SanitizedConfig } from 'payload'

/**
 * Payload's `DELETE /api/payload-preferences/:key` answers a 500 when the caller has no
 * preference under that key (its database call fails on the missing row). Answer that case
 * with the 404 it means; everything else goes to Payload's own handler.
 */
export function answerMissingPreferenceWith404(config: SanitizedConfig): SanitizedConfig {
  const preferences = config.collections.find((collection) => collection.slug === 'payload-preferences')
  if (!preferences || !Array.isArray(preferences.endpoints)) return config
  preferences.endpoints = preferences.endpoints.map((endpoint): Endpoint => {
    if (endpoint.method !== 'delete' || endpoint.path !== '/:key') return endpoint
    return {
      ...endpoint,
      handler: async (req) => {
        const key = req.routeParams?.key
        if (req.user && typeof key === 'string') {
          const found = await req.payload.db.findOne({
            collection: 'payload-preferences',
            where: {
              and: [{ key: { equals: key } }, { 'user.value': { equals: req.user.id } }, { 'user.relationTo': { equals: req.user.collection } }],
            },
            req,
          })
          if (!found) return Response.json({ errors: [{ message: req.t('general:notFound') }] }, { status: 404 })
        }
        return endpoint.handler(req)
      },
    }
  })
  return config
}
