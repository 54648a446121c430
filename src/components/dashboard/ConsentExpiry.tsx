import type { PayloadRequest, TypedUser } from 'payload'

import { consentExpiredStory } from '../../access/stories'
import { isEditorUser } from '../../admin/visibility'
import { formatDateTime } from '../format'
import { storiesConsentEndingURL, storyURL } from './links'

/** How long before the end of a storyteller's consent editors are told, to ask for a renewal in time. */
export const consentNoticeDays = 28

const shown = 30
const day = 86_400_000

type Props = { req: PayloadRequest; user?: TypedUser | null }
type Listed = { id: number; title?: string | null; _status?: string | null; consent?: { validUntil?: string | null } | null }

const daysLeft = (validUntil: string, now: Date) => {
  const days = Math.ceil((new Date(validUntil).getTime() - now.getTime()) / day)
  return days <= 1 ? 'binnen een dag' : `nog ${days} dagen`
}

/**
 * Stories whose storyteller's consent ends within four weeks, and published stories that are
 * offline because it ended: for editors only, read with their own access (nobody else may read
 * `consent`).
 */
export async function ConsentExpiry({ req, user }: Props) {
  if (!isEditorUser(user)) return null
  const { payload } = req
  const adminRoute = payload.config.routes.admin
  const now = new Date()
  const horizon = new Date(now.getTime() + consentNoticeDays * day)
  const read = { depth: 0, limit: shown, select: { title: true, _status: true, consent: { validUntil: true } }, overrideAccess: false, user } as const
  const [expiring, expired] = await Promise.all([
    payload.find({
      collection: 'stories',
      where: {
        and: [
          { 'consent.withdrawn': { not_equals: true } },
          { 'consent.validUntil': { greater_than: now.toISOString() } },
          { 'consent.validUntil': { less_than_equal: horizon.toISOString() } },
        ],
      },
      sort: 'consent.validUntil',
      ...read,
    }),
    payload.find({ collection: 'stories', where: consentExpiredStory(now), sort: '-consent.validUntil', ...read }),
  ])
  const rows = (docs: Listed[], when: (validUntil: string) => string) =>
    docs.map((doc) => (
      <tr key={doc.id}>
        <td>
          <a href={storyURL(adminRoute, doc.id)}>{doc.title || `Verhaal ${doc.id}`}</a>
        </td>
        <td>{doc._status === 'published' ? 'Gepubliceerd' : 'Concept'}</td>
        <td>{formatDateTime(doc.consent?.validUntil)}</td>
        <td>{doc.consent?.validUntil ? when(doc.consent.validUntil) : ''}</td>
      </tr>
    ))
  const head = (
    <thead>
      <tr>
        <th scope="col">Verhaal</th>
        <th scope="col">Status</th>
        <th scope="col">Toestemming geldig tot</th>
        <th scope="col">Termijn</th>
      </tr>
    </thead>
  )

  return (
    <section className="consent-expiry dashboard-card" aria-labelledby="consent-expiry-title">
      <header className="review-queue__header">
        <h2 id="consent-expiry-title">Toestemming van vertellers die verloopt</h2>
        <a href={storiesConsentEndingURL(adminRoute, horizon)}>Alle in de lijst</a>
      </header>
      <p>
        Zodra de toestemming verlopen is, is een verhaal meteen offline. Vraag op tijd om nieuwe toestemming en leg de nieuwe datum vast, of haal het verhaal van
        de website.
      </p>
      <h3>Verloopt binnen {consentNoticeDays} dagen</h3>
      {expiring.totalDocs === 0 ? (
        <p>Geen verhalen.</p>
      ) : (
        <table className="consent-expiry__expiring" aria-label={`Toestemming verloopt binnen ${consentNoticeDays} dagen`}>
          {head}
          <tbody>{rows(expiring.docs as Listed[], (validUntil) => daysLeft(validUntil, now))}</tbody>
        </table>
      )}
      <h3>Verlopen, dus offline</h3>
      {expired.totalDocs === 0 ? (
        <p>Geen verhalen.</p>
      ) : (
        <table className="consent-expiry__expired" aria-label="Toestemming verlopen, verhaal offline">
          {head}
          <tbody>{rows(expired.docs as Listed[], () => 'verlopen')}</tbody>
        </table>
      )}
      {(expiring.totalDocs > shown || expired.totalDocs > shown) && (
        <p>
          De eerste {shown} van elke lijst. <a href={storiesConsentEndingURL(adminRoute, horizon)}>Bekijk ze allemaal</a>
        </p>
      )}
    </section>
  )
}
