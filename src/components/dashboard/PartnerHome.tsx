import type { PayloadRequest, TypedUser } from 'payload'

import { idOf } from '../../access/roles'
import { isPartnerUser } from '../../admin/visibility'
import { statusLabel, type ActivityStatus } from '../../workflow/activityWorkflow'
import { windowIsOpen } from '../../workflow/submissionWindow'
import { formatDateTime } from '../format'
import { activityURL } from './links'

type Props = { req: PayloadRequest; user?: TypedUser | null }

const nextStep: Partial<Record<ActivityStatus, string>> = {
  draft: 'Nog indienen',
  'changes-requested': 'Aanpassen en opnieuw indienen',
  submitted: 'Wacht op de redactie',
  'in-review': 'Wordt beoordeeld',
  approved: 'Staat op de website',
  cancelled: 'Staat op de website als geannuleerd',
}

/**
 * Where a partner lands after signing in: the submission window and guidelines of the current
 * edition, and the activities of its own organisation with what each needs next.
 */
export async function PartnerHome({ req, user }: Props) {
  if (!isPartnerUser(user)) return null
  const { payload } = req
  const adminRoute = payload.config.routes.admin
  const organiser = idOf((user as { organiser?: unknown }).organiser)
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: false, user })
  const editionId = idOf(settings.currentEdition)
  const [edition, activities, organisation] = await Promise.all([
    editionId === undefined ? null : payload.findByID({ collection: 'editions', id: editionId, depth: 0, overrideAccess: false, user, disableErrors: true }),
    payload.find({
      collection: 'activities',
      draft: true,
      where: { organiser: { equals: organiser } },
      sort: '-updatedAt',
      pagination: false,
      depth: 0,
      select: { title: true, status: true, startsAt: true, edition: true },
      overrideAccess: false,
      user,
    }),
    organiser === undefined
      ? null
      : payload.findByID({ collection: 'organisers', id: organiser, depth: 0, select: { name: true }, overrideAccess: false, user, disableErrors: true }),
  ])
  const submissions = edition?.submissions
  const open = edition ? windowIsOpen(submissions) : false
  const needsAction = activities.docs.filter((doc) => doc.status === 'changes-requested' || doc.status === 'draft')

  return (
    <section className="partner-home dashboard-card" aria-labelledby="partner-home-title">
      <h2 id="partner-home-title">Activiteiten van {organisation?.name ?? 'uw organisatie'}</h2>
      {edition ? (
        <div className={`partner-home__window partner-home__window--${open ? 'open' : 'closed'}`}>
          <p>
            <strong>
              Week tegen Kindermishandeling {edition.year}
              {edition.theme ? `: ${edition.theme}` : ''}
            </strong>
          </p>
          <p>
            {open ? 'Aanmelden is open' : 'Aanmelden is gesloten'}
            {submissions?.opensAt ? `, van ${formatDateTime(submissions.opensAt)}` : ''}
            {submissions?.closesAt ? ` tot ${formatDateTime(submissions.closesAt)}` : ''}.
          </p>
          {submissions?.guidelines && (
            <div className="partner-home__guidelines">
              <strong>Richtlijnen</strong>
              <p>{submissions.guidelines}</p>
            </div>
          )}
          {open && (
            <a className="btn btn--style-primary btn--size-medium partner-home__new" href={`${adminRoute}/collections/activities/create`}>
              Nieuwe activiteit aanmelden
            </a>
          )}
        </div>
      ) : (
        <p>Er is nog geen editie ingesteld waarvoor u activiteiten kunt aanmelden.</p>
      )}
      {needsAction.length > 0 && (
        <p className="partner-home__attention">
          {needsAction.length === 1 ? 'Eén activiteit vraagt' : `${needsAction.length} activiteiten vragen`} om actie van u.
        </p>
      )}
      {activities.docs.length === 0 ? (
        <p>Uw organisatie heeft nog geen activiteiten aangemeld.</p>
      ) : (
        <table className="partner-home__list" aria-label="Activiteiten van uw organisatie">
          <thead>
            <tr>
              <th scope="col">Activiteit</th>
              <th scope="col">Datum</th>
              <th scope="col">Status</th>
              <th scope="col">Wat nu</th>
            </tr>
          </thead>
          <tbody>
            {activities.docs.map((doc) => (
              <tr key={doc.id}>
                <td>
                  <a href={activityURL(adminRoute, doc.id)}>{doc.title}</a>
                </td>
                <td>{formatDateTime(doc.startsAt)}</td>
                <td>
                  <span className={`status-pill status-pill--${doc.status}`}>{statusLabel(doc.status)}</span>
                </td>
                <td>{nextStep[doc.status as ActivityStatus] ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
