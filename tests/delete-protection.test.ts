import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { api, payload as getTestPayload } from './helpers/api'
import { makeActivity, makeEdition, makeOrganiser, makeUser } from './helpers/fixtures'

let payload: Payload
let token: string

beforeAll(async () => {
  payload = await getTestPayload()
  ;({ token } = await makeUser(payload, 'admin'))
})

describe('deleting what activities still use', () => {
  it('refuses to delete an organiser with activities, says why, and deletes nothing', async () => {
    const organiser = await makeOrganiser(payload)
    const edition = await makeEdition(payload)
    const activity = await makeActivity(payload, edition, organiser)

    const refused = await api('DELETE', `organisers/${organiser.id}`, { token })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/kan niet worden verwijderd: 1 activiteit\(en\) verwijzen er nog naar/)
    expect(await payload.findByID({ collection: 'organisers', id: organiser.id })).toBeTruthy()

    const refusedEdition = await api('DELETE', `editions/${edition.id}`, { token })
    expect(refusedEdition.status).toBe(409)
    expect(refusedEdition.body.errors[0].message).toMatch(/Deze editie kan niet worden verwijderd/)
    expect(await payload.findByID({ collection: 'editions', id: edition.id })).toBeTruthy()

    await payload.delete({ collection: 'activities', id: activity.id })
    expect((await api('DELETE', `organisers/${organiser.id}`, { token })).status).toBe(200)
    expect((await api('DELETE', `editions/${edition.id}`, { token })).status).toBe(200)
  })

  it('refuses to delete an organiser that partner accounts belong to', async () => {
    const organiser = await makeOrganiser(payload)
    await makeUser(payload, 'partner', organiser)
    const refused = await api('DELETE', `organisers/${organiser.id}`, { token })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/partneraccount/)
  })

  it('refuses a bulk delete that includes a referenced organiser', async () => {
    const used = await makeOrganiser(payload)
    const edition = await makeEdition(payload)
    await makeActivity(payload, edition, used)
    const response = await api('DELETE', `organisers?where[id][equals]=${used.id}`, { token })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(await payload.findByID({ collection: 'organisers', id: used.id })).toBeTruthy()
  })
})
