import type { Payload } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, it } from 'vitest'

import { StoryPlanning } from '../src/components/stories/StoryPlanning'
import type { Story, User } from '../src/payload-types'
import { richText } from '../src/seed/richText'
import { api, fieldErrors, graphql, payload as getTestPayload, type ApiResponse } from './helpers/api'
import { makeOrganiser, makeUser, unique } from './helpers/fixtures'

/**
 * Safeguarding: a story is never published with what identifies a person in any of its public
 * texts, in any locale, whatever operation publishes it, unless an editor acknowledges exactly
 * those findings with a note. Draft saves are not checked.
 */

type Account = { user: User; token: string }

let payload: Payload
let editor: Account
let partner: Account

const show = (response: ApiResponse) => JSON.stringify(response.body)
const asEditor = () => ({ ...editor.user, collection: 'users' as const })

beforeAll(async () => {
  payload = await getTestPayload()
  editor = await makeUser(payload, 'editor')
  partner = await makeUser(payload, 'partner', await makeOrganiser(payload))
})

const base = () => ({
  title: `Verhaal ${unique()}`,
  perspective: 'parent' as const,
  storyteller: { displayName: 'Noor', role: 'pleegmoeder' },
  summary: 'Over een moeder die hulp vroeg.',
  body: richText('Het begon op een gewone dinsdag.'),
})

/** A draft story (drafts are never checked). */
async function draft(data: Record<string, unknown> = {}): Promise<Story> {
  return payload.create({ collection: 'stories', data: { ...base(), ...data, _status: 'draft' } as never, draft: true })
}

const publishById = (id: number, body: Record<string, unknown> = {}, query = '') =>
  api('PATCH', `stories/${id}${query}`, { token: editor.token, body: { ...body, _status: 'published' } })

async function stored(id: number, locale: 'nl' | 'en' = 'nl'): Promise<Story> {
  return payload.findByID({ collection: 'stories', id, depth: 0, locale, fallbackLocale: false })
}

async function expectUnpublished(id: number) {
  expect((await stored(id))._status).toBe('draft')
  expect((await api('GET', `stories/${id}`)).status).toBe(404)
}

/** A refusal that lists each finding by field, locale, kind and masked fragment, and never the fragment itself. */
function expectRefused(response: ApiResponse, expected: { path: string; kind: string; fragment: string; locale?: string }[], secrets: string[] = []) {
  expect(response.status, show(response)).toBe(400)
  const errors: { path: string; message: string }[] = response.body.errors[0].data.errors
  for (const finding of expected) {
    const message = `${finding.kind} "${finding.fragment}" in ${finding.path}${finding.locale ? ` (${finding.locale})` : ''}`
    expect(errors, show(response)).toContainEqual({ path: finding.path, message })
    expect(response.body.errors[0].message).toContain(message)
  }
  expect(
    errors.filter((error) => error.path !== 'privacyCheck.note'),
    show(response),
  ).toHaveLength(expected.length)
  for (const secret of secrets) expect(show(response)).not.toContain(secret)
}

describe('publishing a story with personal data in it', () => {
  it.each([
    ['e-mailadres', 'Mail me: sanne.devries@voorbeeld.nl', 's…@…l', 'sanne.devries@voorbeeld.nl'],
    ['telefoonnummer', 'Bel 06-12345678 als er iets is.', '0…8', '06-12345678'],
    ['telefoonnummer', 'Bel +31 6 1234 5678 als er iets is.', '+…8', '1234 5678'],
    ['telefoonnummer', 'Kantoor: 020-1234567.', '0…7', '020-1234567'],
    ['telefoonnummer', 'Onze lijn: 0800-1234567.', '0…7', '0800-1234567'],
    ['postcode met huisnummer', 'We woonden op 1234 AB 12.', '1…2', '1234 AB 12'],
    ['burgerservicenummer (BSN)', 'Zijn BSN is 111.222.333.', '1…3', '111.222.333'],
    ['rekeningnummer (IBAN)', 'Stort op NL91 ABNA 0417 1643 00.', 'N…0', 'NL91 ABNA 0417 1643 00'],
    ['geboortedatum', 'Mijn zoon is geboren op 4 mei 2015.', '4…5', '4 mei 2015'],
    ['geboortedatum', 'geb. 04-05-2015', '0…5', '04-05-2015'],
  ])('is refused for a %s, listed masked (%s)', async (kind, text, fragment, secret) => {
    const story = await draft({ body: richText('Een gewone alinea.', text) })
    const response = await publishById(story.id)
    expectRefused(response, [{ path: 'body', kind, fragment, locale: 'nl' }], [secret])
    await expectUnpublished(story.id)
  })

  it('is refused for an address behind a link, and for a number typed with look-alike characters', async () => {
    const body = richText('Wil je praten? Dan kun je haar mailen.')
    const paragraph = body.root.children[0] as unknown as { children: unknown[] }
    paragraph.children.push({
      type: 'link',
      version: 3,
      fields: { linkType: 'custom', url: 'mailto:sanne.devries@voorbeeld.nl', newTab: false },
      children: [{ type: 'text', version: 1, text: 'Mail haar', format: 0, style: '', mode: 'normal', detail: 0 }],
    })
    const linked = await draft({ body })
    expectRefused(await publishById(linked.id), [{ path: 'body', kind: 'e-mailadres', fragment: 's…@…l', locale: 'nl' }], ['sanne.devries'])
    await expectUnpublished(linked.id)

    // A non-breaking hyphen, as a word processor types it; the summary is the SEO description too.
    const typed = await draft({ summary: 'Bel 06\u201112345678 als er iets is.' })
    expectRefused(await publishById(typed.id), [
      { path: 'summary', kind: 'telefoonnummer', fragment: '0…8', locale: 'nl' },
      { path: 'meta.description', kind: 'telefoonnummer', fragment: '0…8', locale: 'nl' },
    ])
    await expectUnpublished(typed.id)
  })

  it('is refused for a real name the editors listed, as a whole word in any case', async () => {
    const story = await draft({ quote: 'SANNE zei: het komt goed.', privacyCheck: { namesToAvoid: ['Sanne', 'Bo'] }, whatHelped: 'Bob en Boris hielpen.' })
    expectRefused(await publishById(story.id), [{ path: 'quote', kind: 'echte naam', fragment: 'S…E', locale: 'nl' }])
    await expectUnpublished(story.id)
  })

  it('checks every public text: title, summary, body, quote, what helped, reflection, storyteller, series and SEO fields', async () => {
    const mail = (n: number) => `persoon${n}@voorbeeld.nl`
    const story = await draft({
      title: `Verhaal van ${mail(1)}`,
      summary: mail(2),
      body: richText(mail(3)),
      quote: mail(4),
      whatHelped: mail(5),
      reflection: richText(mail(6)),
      storyteller: { displayName: mail(7), role: mail(8) },
      meta: { title: `Titel ${mail(9)}`, description: `Omschrijving ${mail(10)}` },
      series: `Serie ${mail(11)}`,
    })
    const response = await publishById(story.id)
    const paths = ['title', 'summary', 'body', 'quote', 'whatHelped', 'reflection', 'storyteller.role', 'meta.title', 'meta.description']
    expectRefused(response, [
      ...paths.map((path) => ({ path, kind: 'e-mailadres', fragment: 'p…@…l', locale: 'nl' })),
      { path: 'storyteller.displayName', kind: 'e-mailadres', fragment: 'p…@…l' },
      { path: 'series', kind: 'e-mailadres', fragment: 'p…@…l' },
    ])
    await expectUnpublished(story.id)
  })

  it('checks the other locale that the write does not carry', async () => {
    const story = await draft()
    const english = await api('PATCH', `stories/${story.id}?locale=en&draft=true`, {
      token: editor.token,
      body: { title: 'A story', summary: 'Call me on 06 1234 5678.', body: richText('In English.') },
    })
    expect(english.status, show(english)).toBe(200)
    // The SEO description is made from the summary, and is public too.
    const phone = { kind: 'telefoonnummer', fragment: '0…8', locale: 'en' }
    expectRefused(
      await publishById(story.id, {}, '?locale=nl'),
      [
        { path: 'summary', ...phone },
        { path: 'meta.description', ...phone },
      ],
      ['1234 5678'],
    )
    await expectUnpublished(story.id)
    // And the other way round: a Dutch draft with a finding, published from English.
    const other = await draft({ summary: 'Mail naar hulp@voorbeeld.nl' })
    const mail = { kind: 'e-mailadres', fragment: 'h…@…l', locale: 'nl' }
    expectRefused(await publishById(other.id, { title: 'English title' }, '?locale=en'), [
      { path: 'summary', ...mail },
      { path: 'meta.description', ...mail },
    ])
    await expectUnpublished(other.id)
  })

  it('allows draft saves and autosaves with findings (only publishing is checked)', async () => {
    const story = await draft()
    for (const query of ['?draft=true', '?draft=true&autosave=true']) {
      const response = await api('PATCH', `stories/${story.id}${query}`, { token: editor.token, body: { summary: `Bel 06-1234567${query.length % 10}` } })
      expect(response.status, show(response)).toBe(200)
    }
    await expectUnpublished(story.id)
  })

  it('finds only what identifies a person: not a failing BSN, a wrong IBAN, a plain date or the help lines', async () => {
    const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
    const helpLines = (settings.helpLines ?? []).map((line) => line.phone).join(' of ')
    expect(helpLines).toContain('0800-2000')
    const story = await draft({
      body: richText(
        `Bel de hulplijnen: ${helpLines}.`,
        'Dossier 123456789 werd op 12 maart 2019 gesloten; de gift ging naar NL91 ABNA 0417 1643 01.',
        'Mail: hulp@voorbeeld.nl',
      ),
    })
    // Only the e-mail address is a finding.
    expectRefused(await publishById(story.id), [{ path: 'body', kind: 'e-mailadres', fragment: 'h…@…l', locale: 'nl' }])
  })

  it('reads the help lines from site-settings', async () => {
    const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
    const story = await draft({ summary: 'Bel de ouderlijn: 088-1234567.' })
    const phone = { kind: 'telefoonnummer', fragment: '0…7', locale: 'nl' }
    expectRefused(await publishById(story.id), [
      { path: 'summary', ...phone },
      { path: 'meta.description', ...phone },
    ])
    await payload.updateGlobal({
      slug: 'site-settings',
      data: { helpLines: [...(settings.helpLines ?? []), { name: 'Ouderlijn', phone: '088 123 4567' }] },
    })
    try {
      const response = await publishById(story.id)
      expect(response.status, show(response)).toBe(200)
    } finally {
      await payload.updateGlobal({ slug: 'site-settings', data: { helpLines: settings.helpLines } })
    }
  })
})

describe('a withdrawal of consent', () => {
  it('is never held up by the check, though publishing the story is refused', async () => {
    const story = await draft({ body: richText('Bel 06-12345678.') })
    expect((await publishById(story.id)).status).toBe(400)
    const withdrawn = await publishById(story.id, { consent: { withdrawn: true } })
    expect(withdrawn.status, show(withdrawn)).toBe(200)
    expect((await stored(story.id)).consent?.withdrawn).toBe(true)
    expect((await api('GET', `stories/${story.id}`)).status).toBe(404)
  })
})

describe('every operation that publishes is checked', () => {
  const withMail = () => ({ body: richText('Mail naar noor@voorbeeld.nl.') })
  const refusedMail = [{ path: 'body', kind: 'e-mailadres', fragment: 'n…@…l', locale: 'nl' }]

  it('create with _status published', async () => {
    const title = `Nieuw ${unique()}`
    const response = await api('POST', 'stories', { token: editor.token, body: { ...base(), ...withMail(), title, _status: 'published' } })
    expectRefused(response, refusedMail)
    expect((await payload.count({ collection: 'stories', where: { title: { equals: title } } })).totalDocs).toBe(0)
  })

  it('update by id with ?draft=true and _status published', async () => {
    const story = await draft(withMail())
    expectRefused(await publishById(story.id, {}, '?draft=true'), refusedMail)
    await expectUnpublished(story.id)
  })

  it('update by where (bulk): the story is not published', async () => {
    const story = await draft(withMail())
    const clean = await draft()
    const response = await api('PATCH', `stories?where[id][in]=${story.id},${clean.id}`, { token: editor.token, body: { _status: 'published' } })
    expect(response.status, show(response)).toBe(400)
    expect(show(response)).toContain('n…@…l')
    expect(show(response)).not.toContain('noor@voorbeeld.nl')
    await expectUnpublished(story.id)
  })

  it('GraphQL', async () => {
    const story = await draft(withMail())
    const response = await graphql(
      `mutation { updateStory(id: ${story.id}, data: { _status: published, storyteller: { displayName: "Noor" } }) { id } }`,
      undefined,
      editor.token,
    )
    expect(response.body.errors?.[0]?.extensions?.statusCode, show(response)).toBe(400)
    expect(response.body.errors[0].extensions.data.errors).toContainEqual({ path: 'body', message: 'e-mailadres "n…@…l" in body (nl)' })
    expect(show(response)).not.toContain('noor@voorbeeld.nl')
    await expectUnpublished(story.id)
  })

  it('the Local API with an editor, and without a user', async () => {
    const story = await draft(withMail())
    await expect(
      payload.update({ collection: 'stories', id: story.id, data: { _status: 'published' }, overrideAccess: false, user: asEditor() }),
    ).rejects.toMatchObject({ status: 400, data: { errors: [{ path: 'body', message: 'e-mailadres "n…@…l" in body (nl)' }] } })
    await expect(payload.update({ collection: 'stories', id: story.id, data: { _status: 'published' } })).rejects.toMatchObject({ status: 400 })
    await expectUnpublished(story.id)
  })

  it('restoring a version as published, also with the names listed since', async () => {
    const story = await draft({ body: richText('Toen belde Sanne.') })
    expect((await publishById(story.id)).status).toBe(200)
    const { docs } = await payload.findVersions({
      collection: 'stories',
      where: { parent: { equals: story.id }, 'version._status': { equals: 'published' } },
      limit: 1,
    })
    const fixed = await publishById(story.id, { body: richText('Toen belde iemand.'), privacyCheck: { namesToAvoid: ['Sanne'] } })
    expect(fixed.status, show(fixed)).toBe(200)
    const restore = await api('POST', `stories/versions/${docs[0].id}`, { token: editor.token })
    expectRefused(restore, [{ path: 'body', kind: 'echte naam', fragment: 'S…e', locale: 'nl' }])
    const gql = await graphql(`mutation { restoreVersionStory(id: ${docs[0].id}) { id } }`, undefined, editor.token)
    expect(gql.body.errors?.[0]?.extensions?.statusCode, show(gql)).toBe(400)
    expect(JSON.stringify((await stored(story.id)).body)).not.toContain('Sanne')
  })

  it('a scheduled publication: the job fails with the reason, and the stories list shows it', async () => {
    const story = await draft(withMail())
    const job = await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'stories', value: String(story.id) } },
      waitUntil: new Date(Date.now() - 1000),
    } as never)
    await payload.jobs.runByID({ id: job.id })
    await expectUnpublished(story.id)
    const after = await payload.findByID({ collection: 'payload-jobs', id: job.id, depth: 0 })
    expect(after.hasError).toBe(true)
    expect(JSON.stringify(after.error)).toContain('e-mailadres \\"n…@…l\\" in body (nl)')
    const html = renderToStaticMarkup((await StoryPlanning({ payload, user: editor.user }))!)
    expect(html).toContain('Niet gepubliceerd')
    expect(html).toContain(story.title)
    expect(html).not.toContain('noor@voorbeeld.nl')
  })
})

describe('an editor’s acknowledgement', () => {
  it('lets the story be published, kept with the version, and covers exactly the findings it was given for', async () => {
    const story = await draft({ summary: 'Reacties naar redactie@voorbeeld.nl.' })
    const withoutNote = await publishById(story.id, { privacyCheck: { acknowledged: true } })
    expect(withoutNote.status, show(withoutNote)).toBe(400)
    expect(fieldErrors(withoutNote)['privacyCheck.note']).toBeTruthy()
    await expectUnpublished(story.id)

    const acknowledged = await publishById(story.id, { privacyCheck: { acknowledged: true, note: 'Het algemene adres van de redactie, geen persoon.' } })
    expect(acknowledged.status, show(acknowledged)).toBe(200)
    const doc = await stored(story.id)
    expect(doc._status).toBe('published')
    expect(doc.privacyCheck).toMatchObject({
      acknowledged: true,
      note: 'Het algemene adres van de redactie, geen persoon.',
      acknowledgedBy: editor.user.id,
      acknowledgedFindings: [
        { kind: 'email', field: 'summary', locale: 'nl', fragment: 'r…@…l' },
        { kind: 'email', field: 'meta.description', locale: 'nl', fragment: 'r…@…l' },
      ],
    })
    expect(doc.privacyCheck?.acknowledgedAt).toBeTruthy()
    expect(JSON.stringify(doc.privacyCheck)).not.toContain('redactie@voorbeeld.nl')
    const { docs: versions } = await payload.findVersions({
      collection: 'stories',
      where: { parent: { equals: story.id } },
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
    })
    expect(versions[0].version.privacyCheck?.acknowledgedBy).toBe(editor.user.id)

    // A later publish with the same findings needs no new acknowledgement.
    const again = await publishById(story.id, { title: `${story.title} (bijgewerkt)` })
    expect(again.status, show(again)).toBe(200)

    // A new finding is refused, though `acknowledged: true` is stored; the covered one is not listed.
    const added = await publishById(story.id, { quote: 'Of bel 06-98765432.' })
    expectRefused(added, [{ path: 'quote', kind: 'telefoonnummer', fragment: '0…2', locale: 'nl' }], ['98765432'])
    expect((await stored(story.id)).quote).toBeFalsy()

    // The same over a scheduled publication of a draft with the new finding.
    expect((await api('PATCH', `stories/${story.id}?draft=true`, { token: editor.token, body: { quote: 'Of bel 06-98765432.' } })).status).toBe(200)
    const job = await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'stories', value: String(story.id) }, user: { relationTo: 'users', value: editor.user.id } },
      waitUntil: new Date(Date.now() - 1000),
    } as never)
    await payload.jobs.runByID({ id: job.id })
    expect((await payload.findByID({ collection: 'payload-jobs', id: job.id, depth: 0 })).hasError).toBe(true)
    expect((await stored(story.id)).quote).toBeFalsy()

    // Acknowledged anew in the write itself, it goes.
    const anew = await publishById(story.id, { privacyCheck: { acknowledged: true, note: 'Het nummer van de school, met toestemming.' } })
    expect(anew.status, show(anew)).toBe(200)
    expect((await stored(story.id)).privacyCheck?.acknowledgedFindings?.map((finding) => `${finding.kind} ${finding.field}`).sort()).toEqual([
      'email meta.description',
      'email summary',
      'phone quote',
    ])
  })

  it('is never public, and read-only for editors', async () => {
    const story = await draft({ summary: 'Mail naar info@voorbeeld.nl', privacyCheck: { namesToAvoid: ['Marieke'] } })
    const response = await publishById(story.id, {
      privacyCheck: { acknowledged: true, note: 'Algemeen adres.', acknowledgedBy: partner.user.id, acknowledgedFindings: [] },
    })
    expect(response.status, show(response)).toBe(200)
    expect((await stored(story.id)).privacyCheck?.acknowledgedBy).toBe(editor.user.id)
    for (const token of [undefined, partner.token]) {
      const rest = await api('GET', `stories/${story.id}`, { token })
      expect(rest.status).toBe(200)
      expect(rest.body.privacyCheck).toBeUndefined()
      expect(show(rest)).not.toContain('Marieke')
      const where = await api('GET', `stories?where[privacyCheck.namesToAvoid][equals]=Marieke`, { token })
      expect(where.body.docs ?? []).toHaveLength(0)
      const gql = await graphql(`{ Story(id: ${story.id}) { privacyCheck { namesToAvoid note } } }`, undefined, token)
      expect(JSON.stringify(gql.body)).not.toContain('Marieke')
      expect(JSON.stringify(gql.body)).not.toContain('Algemeen adres')
    }
  })
})

describe('the findings before publishing (POST /api/stories/privacy-check)', () => {
  it('lists the live findings of the form, masked, the stored other locale included, with what is covered', async () => {
    const story = await draft({ summary: 'Mail naar info@voorbeeld.nl' })
    expect((await publishById(story.id, { privacyCheck: { acknowledged: true, note: 'Algemeen adres.' } })).status).toBe(200)
    expect(
      (await api('PATCH', `stories/${story.id}?locale=en&draft=true`, { token: editor.token, body: { title: 'Story', quote: 'Born on 4 May 2015.' } })).status,
    ).toBe(200)
    const response = await api('POST', 'stories/privacy-check', {
      token: editor.token,
      body: {
        id: story.id,
        locale: 'nl',
        data: { ...base(), summary: 'Mail naar info@voorbeeld.nl', body: richText('BSN 111222333'), privacyCheck: { namesToAvoid: ['Noor'] } },
      },
    })
    expect(response.status, show(response)).toBe(200)
    const summary = response.body.findings.map((f: Record<string, unknown>) => `${f.kindLabel} ${f.fragment} ${f.path} ${f.locale} ${f.covered}`)
    expect(summary.sort()).toEqual(
      [
        'e-mailadres i…@…l summary nl true',
        'e-mailadres i…@…l meta.description nl true',
        'burgerservicenummer (BSN) 1…3 body nl false',
        'geboortedatum 4…5 quote en false',
        'echte naam N…r storyteller.displayName null false',
      ].sort(),
    )
    expect(show(response)).not.toContain('111222333')
    expect(show(response)).not.toContain('info@voorbeeld.nl')
  })

  it('answers editors only', async () => {
    expect((await api('POST', 'stories/privacy-check', { body: { data: {} } })).status).toBe(401)
    expect((await api('POST', 'stories/privacy-check', { token: partner.token, body: { data: {} } })).status).toBe(403)
  })
})
