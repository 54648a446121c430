/** Links into the admin's list view with a filter already set, as the list view writes them itself. */
export function activitiesListURL(adminRoute: string, filter: Record<string, string | string[]>, sort?: string): string {
  const params = new URLSearchParams()
  let index = 0
  for (const [field, value] of Object.entries(filter)) {
    const prefix = `where[or][0][and][${index++}][${field}]`
    if (Array.isArray(value)) value.forEach((item, i) => params.append(`${prefix}[in][${i}]`, item))
    else params.append(`${prefix}[equals]`, value)
  }
  if (sort) params.set('sort', sort)
  return `${adminRoute}/collections/activities?${params}`
}

export const activityURL = (adminRoute: string, id: number | string) => `${adminRoute}/collections/activities/${id}`

export const storyURL = (adminRoute: string, id: number | string) => `${adminRoute}/collections/stories/${id}`

/** The stories list with the stories whose consent ends at `until` or before, soonest first. */
export function storiesConsentEndingURL(adminRoute: string, until: Date): string {
  const params = new URLSearchParams()
  params.set('where[or][0][and][0][consent.validUntil][less_than_equal]', until.toISOString())
  params.set('where[or][0][and][1][consent.withdrawn][not_equals]', 'true')
  params.set('sort', 'consent.validUntil')
  return `${adminRoute}/collections/stories?${params}`
}
