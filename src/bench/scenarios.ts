import type { Where } from 'payload'

import { provinces } from '../fields/options'

/**
 * What the benchmark asks for: the activities of one edition in one province from today on,
 * sorted by start, 20 per page, with organiser and edition populated (depth 1), as a campaign
 * website's activity list does.
 */
export function benchList(edition: number, today = new Date()) {
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())).toISOString()
  const province = 'utrecht'
  const where: Where = {
    and: [{ edition: { equals: edition } }, { 'location.province': { equals: province } }, { startsAt: { greater_than_equal: from } }],
  }
  const filters = `where[edition][equals]=${edition}&where[location.province][equals]=${province}&where[startsAt][greater_than_equal]=${encodeURIComponent(from)}`
  return {
    edition,
    province,
    from,
    where,
    rest: `/api/activities?${filters}&sort=startsAt&limit=20&depth=1`,
    calendar: `/api/activities/calendar.ics?where[edition][equals]=${edition}&where[location.province][equals]=${province}`,
    graphql: JSON.stringify({
      query: `{
        Activities(where: { edition: { equals: ${edition} }, location__province: { equals: ${province} }, startsAt: { greater_than_equal: "${from}" } }, sort: "startsAt", limit: 20) {
          docs { id title slug summary format audiences startsAt endsAt status location { mode city province onlineUrl } registration { url isFree } organiser { name shortName slug } edition { year theme } }
          totalDocs hasNextPage
        }
      }`,
    }),
    floor: `/activities?edition=${edition}&province=${province}&from=${encodeURIComponent(from)}&limit=20`,
  }
}

/**
 * A visitor's own search: one of the twelve provinces, activities from a moment in the campaign
 * week (to the minute), one of the first three pages. Every request asks something else, so no
 * cache can answer it; the floor gets the same questions.
 */
export function visitorQuery(edition: { id: number; year: number }, random = Math.random) {
  const province = provinces[Math.floor(random() * provinces.length)].value
  const weekStart = Date.UTC(edition.year, 10, 16)
  const from = new Date(weekStart + Math.floor(random() * 7 * 24 * 60) * 60_000).toISOString()
  const page = 1 + Math.floor(random() * 3)
  const filters = `where[edition][equals]=${edition.id}&where[location.province][equals]=${province}&where[startsAt][greater_than_equal]=${encodeURIComponent(from)}`
  return {
    rest: `/api/activities?${filters}&sort=startsAt&limit=20&page=${page}&depth=1`,
    floor: `/activities?edition=${edition.id}&province=${province}&from=${encodeURIComponent(from)}&limit=20&page=${page}`,
  }
}
