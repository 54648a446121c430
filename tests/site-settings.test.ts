import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { api, payload as getTestPayload } from './helpers/api'

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

describe('site settings on a fresh database', () => {
  it('are stored with the national help lines, in Dutch and English', async () => {
    // Read the stored row, not the field defaults, so this proves the migration wrote them.
    const stored = await payload.db.findGlobal({ slug: 'site-settings', locale: 'all', req: {} as never })
    const lines = (stored?.helpLines ?? []) as { name: string; phone: string; availability: Record<string, string> }[]
    expect(lines.map((line) => `${line.name} ${line.phone}`)).toEqual(['Veilig Thuis 0800-2000', 'Kindertelefoon 0800-0432'])
    expect(lines[0].availability.nl).toMatch(/24 uur per dag/)
    expect(lines[0].availability.en).toMatch(/24 hours a day/)
    expect(lines[1].availability.nl).toMatch(/11:00 tot 21:00/)
    expect(lines[1].availability.en).toMatch(/11:00 to 21:00/)
  })

  it('serve each language to websites', async () => {
    const english = await api('GET', 'globals/site-settings?locale=en')
    expect(english.body.helpLines[1].availability).toMatch(/every day from 11:00 to 21:00/)
    const dutch = await api('GET', 'globals/site-settings?locale=nl')
    expect(dutch.body.helpLines[1].availability).toMatch(/dagelijks van 11:00 tot 21:00/)
  })
})
