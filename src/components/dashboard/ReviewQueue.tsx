import type { PayloadRequest, TypedUser } from 'payload'

import { statusLabel } from '../../workflow/activityWorkflow'
import { waitingStatuses } from '../../workflow/actions'
import { idOf } from '../../access/roles'
import { isEditorUser } from '../../admin/visibility'
import { daysSince, formatDate, formatDateTime } from '../format'
import { activitiesListURL, activityURL } from './links'

const shown = 30

type Props = { req: PayloadRequest; user?: TypedUser | null }

/**
 * The editors' review queue on the dashboard: activities that wait for a decision, oldest
 * submission first, with counts per status and per edition. Read with the editor's own access.
 */
export async function ReviewQueue({ req, user }: Props) {
  if (!isEditorUser(user)) return null
  const { payload } = req
  const adminRoute = payload.config.routes.admin
  // draft: the newest version counts, so a change to an approved activity waits here too.
  const waiting = await payload.find({
    collection: 'activities',
    draft: true,
    where: { status: { in: waitingStatuses } },
    sort: 'submittedAt',
    pagination: false,
    depth: 0,
    select: { title: true, status: true, submittedAt: true, edition: true, organiser: true },
    overrideAccess: false,
    user,
  })
  const editionIds = [...new Set(waiting.docs.map((doc) => idOf(doc.edition)).filter((id) => id !== undefined))]
  const organiserIds = [
    ...new Set(
      waiting.docs
        .slice(0, shown)
        .map((doc) => idOf(doc.organiser))
        .filter((id) => id !== undefined),
    ),
  ]
  const [editions, organisers] = await Promise.all([
    payload.find({
      collection: 'editions',
      where: { id: { in: editionIds } },
      select: { year: true },
      pagination: false,
      depth: 0,
      overrideAccess: false,
      user,
    }),
    payload.find({
      collection: 'organisers',
      where: { id: { in: organiserIds } },
      select: { name: true },
      pagination: false,
      depth: 0,
      overrideAccess: false,
      user,
    }),
  ])
  const editionYear = new Map(editions.docs.map((edition) => [edition.id, edition.year]))
  const organiserName = new Map(organisers.docs.map((organiser) => [organiser.id, organiser.name]))

  const perStatus = waitingStatuses.map((status) => ({
    status,
    count: waiting.docs.filter((doc) => doc.status === status).length,
  }))
  const perEdition = editionIds
    .map((id) => {
      const docs = waiting.docs.filter((doc) => idOf(doc.edition) === id)
      return {
        id,
        year: editionYear.get(id as number) ?? id,
        counts: waitingStatuses.map((status) => docs.filter((doc) => doc.status === status).length),
        oldest: docs[0]?.submittedAt,
      }
    })
    .sort((a, b) => Number(b.year) - Number(a.year))
  const now = new Date()

  return (
    <section className="review-queue dashboard-card" aria-labelledby="review-queue-title">
      <header className="review-queue__header">
        <h2 id="review-queue-title">Te beoordelen activiteiten</h2>
        <a href={activitiesListURL(adminRoute, { status: waitingStatuses }, 'submittedAt')}>Alle {waiting.docs.length} in de lijst</a>
      </header>
      <ul className="review-queue__counts" aria-label="Aantal per status">
        {perStatus.map(({ status, count }) => (
          <li key={status}>
            <a href={activitiesListURL(adminRoute, { status }, 'submittedAt')}>
              <span className={`status-pill status-pill--${status}`}>{statusLabel(status)}</span> <strong>{count}</strong>
            </a>
          </li>
        ))}
      </ul>
      {waiting.docs.length === 0 ? (
        <p className="review-queue__empty">Er wachten geen activiteiten op een besluit.</p>
      ) : (
        <>
          <table className="review-queue__editions" aria-label="Aantal per editie">
            <thead>
              <tr>
                <th scope="col">Editie</th>
                {waitingStatuses.map((status) => (
                  <th key={status} scope="col">
                    {statusLabel(status)}
                  </th>
                ))}
                <th scope="col">Oudste ingediend</th>
              </tr>
            </thead>
            <tbody>
              {perEdition.map((edition) => (
                <tr key={String(edition.id)}>
                  <th scope="row">
                    <a href={activitiesListURL(adminRoute, { edition: String(edition.id), status: waitingStatuses }, 'submittedAt')}>{edition.year}</a>
                  </th>
                  {edition.counts.map((count, index) => (
                    <td key={waitingStatuses[index]}>{count}</td>
                  ))}
                  <td>{formatDate(edition.oldest)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="review-queue__list" aria-label="Wachtrij, oudste eerst">
            <thead>
              <tr>
                <th scope="col">Activiteit</th>
                <th scope="col">Organisatie</th>
                <th scope="col">Editie</th>
                <th scope="col">Status</th>
                <th scope="col">Ingediend</th>
                <th scope="col">Wacht</th>
              </tr>
            </thead>
            <tbody>
              {waiting.docs.slice(0, shown).map((doc) => {
                const days = daysSince(doc.submittedAt, now)
                return (
                  <tr key={doc.id}>
                    <td>
                      <a href={activityURL(adminRoute, doc.id)}>{doc.title}</a>
                    </td>
                    <td>{organiserName.get(idOf(doc.organiser) as number) ?? ''}</td>
                    <td>{editionYear.get(idOf(doc.edition) as number) ?? ''}</td>
                    <td>
                      <span className={`status-pill status-pill--${doc.status}`}>{statusLabel(doc.status)}</span>
                    </td>
                    <td>{formatDateTime(doc.submittedAt)}</td>
                    <td className={days !== undefined && days >= 5 ? 'review-queue__late' : undefined}>
                      {days === undefined ? '' : days === 0 ? 'vandaag' : days === 1 ? '1 dag' : `${days} dagen`}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          {waiting.docs.length > shown && (
            <p>
              De oudste {shown} van {waiting.docs.length}.{' '}
              <a href={activitiesListURL(adminRoute, { status: waitingStatuses }, 'submittedAt')}>Bekijk ze allemaal</a>
            </p>
          )}
        </>
      )}
    </section>
  )
}
