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
