import fs from 'node:fs'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { waitFor } from '../src/bench/server'
import { launchChromium, rest, signIn, trackRequests } from './helpers/browser'
import { ensureProductionBuild, startProductionServer, type ProductionServer } from './helpers/production'

// The admin as partners and editors use it, in a real browser against the production build on a
// fresh database: a partner submits, an editor asks for changes, the partner fixes and resubmits,
// the editor approves, and the public API then lists the activity without contact details.
// The steps depend on each other and run in order.

// The run's screenshots stay out of git; `npm run screenshots` writes the documentation's.
const screenshots = path.resolve(process.env.WTK_SCREENSHOTS_DIR ?? 'tests/artifacts/screenshots')
const password = 'Browser-test-wachtwoord-1'
const day = 24 * 60 * 60 * 1000

let server: ProductionServer
let base = ''
let chromium: Awaited<ReturnType<typeof launchChromium>>
let browser: Browser
const contexts: BrowserContext[] = []
let lastPage: Page | undefined
const settle = new WeakMap<Page, () => Promise<void>>()

const accounts = {
  admin: 'beheer@example.nl',
  editor: 'redactie@example.nl',
  partner: 'partner@regenboog.example.nl',
  otherPartner: 'partner@zwolle.example.nl',
}
const fixture = {
  organisation: 'Basisschool De Regenboog',
  otherOrganisation: 'Gemeente Zwolle',
  guidelines: 'Meld alleen activiteiten aan die in de campagneweek plaatsvinden en open zijn voor publiek of professionals.',
  title: 'Ouderavond: praten over opvoeden',
  feedback: 'Vermeld de zaal en tot hoe laat de avond duurt.',
  contactEmail: 'ilse.bakker@regenboog.example.nl',
  otherTitle: 'Training meldcode voor sportverenigingen',
  otherContactEmail: 'j.smit@zwolle.example.nl',
  closedTitle: 'Lezing over signalen, vorige editie',
}
let activityId: number
let otherActivityId: number
let closedActivityId: number

async function asUser(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })
  contexts.push(context)
  const page = await context.newPage()
  lastPage = page
  settle.set(page, trackRequests(page))
  await signIn(page, base, email, password)
  return page
}

/** Waits until the admin finished loading (no placeholders, no pending requests) and saves the page. */
async function shoot(page: Page, name: string, { scrollTo }: { scrollTo?: string } = {}) {
  await page.waitForLoadState('networkidle')
  await expect.poll(() => page.locator('.shimmer-effect').count()).toBe(0)
  // The sidebar scrolls on its own: show the part asked for instead of the whole page.
  if (scrollTo) await page.locator(scrollTo).scrollIntoViewIfNeeded()
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: !scrollTo })
}

/** Chooses an option in one of Payload's select or relationship fields. */
async function choose(page: Page, fieldId: string, option: string) {
  const field = page.locator(`#${fieldId}`)
  await field.locator('.rs__control').click()
  await page.locator('.rs__option', { hasText: option }).first().click()
}

async function openActivity(page: Page, id: number) {
  await page.goto(`${base}/admin/collections/activities/${id}`)
  await page.getByRole('region', { name: 'Beoordeling' }).waitFor()
}

/**
 * Leaves the edit view the way a person does, through the admin's own navigation, which
 * releases Payload's lock on the document (another person would be asked to take it over).
 */
async function leave(page: Page) {
  await page.locator('.step-nav').getByRole('link', { name: 'Activiteiten' }).click()
  await page.waitForURL((url) => url.pathname.endsWith('/collections/activities'))
}

const panel = (page: Page) => page.getByRole('region', { name: 'Beoordeling' })

/** Everything the editions, accounts and other organisation need, made through the REST API. */
async function prepare() {
  const first = await rest(base, 'POST', 'users/first-register', {
    body: { email: accounts.admin, password, name: 'Beheerder', role: 'admin' },
  })
  expect(first.status).toBe(200)
  const token = first.body.token as string
  const create = async (collection: string, body: unknown, as = token) => {
    const response = await rest(base, 'POST', collection, { body, token: as })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    return response.body.doc
  }
  const organisation = await create('organisers', { name: fixture.organisation, kind: 'school' })
  const otherOrganisation = await create('organisers', { name: fixture.otherOrganisation, kind: 'municipality' })
  const now = Date.now()
  const edition = await create('editions', {
    year: 2030,
    number: 18,
    theme: 'Praat met elkaar',
    startDate: '2030-11-18T00:00:00.000Z',
    endDate: '2030-11-24T00:00:00.000Z',
    submissions: {
      opensAt: new Date(now - 7 * day).toISOString(),
      closesAt: new Date(now + 60 * day).toISOString(),
      listedFrom: new Date(now - day).toISOString(),
      guidelines: fixture.guidelines,
    },
  })
  const closedEdition = await create('editions', {
    year: 2029,
    theme: 'Kijk om je heen',
    startDate: '2029-11-19T00:00:00.000Z',
    endDate: '2029-11-25T00:00:00.000Z',
    submissions: { opensAt: new Date(now - 60 * day).toISOString(), closesAt: new Date(now - 7 * day).toISOString() },
  })
  expect((await rest(base, 'POST', 'globals/site-settings', { body: { currentEdition: edition.id }, token })).status).toBe(200)
  await create('users', { email: accounts.editor, password, name: 'Redacteur NJi', role: 'editor' })
  await create('users', { email: accounts.partner, password, name: 'Ilse Bakker', role: 'partner', organiser: organisation.id })
  await create('users', { email: accounts.otherPartner, password, name: 'Jan Smit', role: 'partner', organiser: otherOrganisation.id })

  const otherLogin = await rest(base, 'POST', 'users/login', { body: { email: accounts.otherPartner, password } })
  const other = await create(
    'activities',
    {
      title: fixture.otherTitle,
      edition: edition.id,
      format: 'training',
      startsAt: '2030-11-20T18:00:00.000Z',
      location: { mode: 'on-site', city: 'Zwolle', province: 'overijssel' },
      contact: { name: 'Jan Smit', email: fixture.otherContactEmail },
    },
    otherLogin.body.token,
  )
  otherActivityId = other.id
  // A draft of the partner's organisation in an edition whose submission window has closed.
  const closed = await create('activities', {
    title: fixture.closedTitle,
    edition: closedEdition.id,
    organiser: organisation.id,
    format: 'meeting',
    startsAt: '2029-11-20T18:00:00.000Z',
    location: { mode: 'online', onlineUrl: 'https://meet.example.nl/lezing' },
    contact: { name: 'Ilse Bakker', email: fixture.contactEmail },
  })
  closedActivityId = closed.id
}

beforeAll(async () => {
  fs.mkdirSync(screenshots, { recursive: true })
  ensureProductionBuild()
  server = await startProductionServer()
  base = server.base
  expect((await waitFor(`${base}/api/globals/site-settings`, server, 90_000, { anyStatus: true })).status, server.output()).toBe(200)
  await prepare()
  chromium = await launchChromium()
  browser = chromium.browser
}, 600_000)

afterEach(async (context) => {
  // What the browser showed when a step failed, for the person reading the failure.
  if (context.task.result?.state === 'fail' && lastPage) {
    fs.mkdirSync(path.resolve('tests/artifacts'), { recursive: true })
    await lastPage.screenshot({ path: path.resolve('tests/artifacts', `${context.task.name.slice(0, 40)}.png`), fullPage: true }).catch(() => undefined)
    fs.writeFileSync(path.resolve('tests/artifacts/server.log'), server.output())
  }
})

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined)
  await chromium?.close()
  await server?.stop()
})

describe('the admin in a browser', () => {
  it('1. a partner signs in on its own activities, creates one and submits it', async () => {
    const page = await asUser(accounts.partner)
    await expect.poll(() => page.getByRole('heading', { name: `Activiteiten van ${fixture.organisation}` }).isVisible()).toBe(true)
    const home = page.locator('.partner-home')
    await expect.poll(() => home.textContent()).toContain('Aanmelden is open')
    expect(await home.textContent()).toContain(fixture.guidelines)
    expect(await home.textContent()).toContain(fixture.closedTitle)
    // Another organisation's activity is never listed for this partner.
    expect(await page.content()).not.toContain(fixture.otherTitle)
    await shoot(page, 'partner-dashboard')

    // The activities list shows the partner's own organisation only.
    await page.goto(`${base}/admin/collections/activities`)
    await expect.poll(() => page.locator('table').textContent()).toContain(fixture.closedTitle)
    expect(await page.locator('table').textContent()).not.toContain(fixture.otherTitle)
    expect(await page.locator('.bulk-decisions').count()).toBe(0)
    await page.goto(`${base}/admin`)

    await page.getByRole('link', { name: 'Nieuwe activiteit aanmelden' }).click()
    await page.locator('#field-title').waitFor()
    // A partner fills in the activity, not the organisation, status or review.
    for (const hidden of ['Organisatie', 'Beoordeling', 'Interne notities (alleen redactie)', 'Slug (webadres)']) {
      expect(await page.getByText(hidden, { exact: true }).count(), hidden).toBe(0)
    }
    for (const tab of ['Wat', 'Wanneer', 'Waar', 'Voor wie', 'Aanmelden', 'Contact']) {
      expect(await page.getByRole('button', { name: tab, exact: true }).count(), tab).toBe(1)
    }
    expect(await page.getByText('Publiceren').count()).toBe(0)

    // Where first, while nothing else is on its way to the server: the address fields appear
    // once the server has seen the choice.
    await settle.get(page)!()
    await page.getByRole('button', { name: 'Waar', exact: true }).click()
    await page.locator('label', { hasText: 'Op locatie' }).click()
    await page.getByLabel('Plaats').fill('Zwolle')
    await choose(page, 'field-location__province', 'Overijssel')
    await page.getByRole('button', { name: 'Wat', exact: true }).click()
    await page.locator('#field-title').fill(fixture.title)
    await page.getByLabel('Korte samenvatting').fill('Een avond voor ouders over opvoeden en over hulp vragen.')
    await choose(page, 'field-format', 'Bijeenkomst')
    await choose(page, 'field-edition', 'Praat met elkaar')
    await page.getByRole('button', { name: 'Wanneer', exact: true }).click()
    const startsAt = page.locator('#field-startsAt input')
    await startsAt.fill('18 november 2030 19:30')
    await startsAt.press('Escape')
    await page.getByRole('button', { name: 'Contact', exact: true }).click()
    await page.locator('#field-contact__name').fill('Ilse Bakker')
    await page.locator('#field-contact__email').fill(fixture.contactEmail)
    await shoot(page, 'partner-form')
    await page.getByRole('button', { name: 'Opslaan als concept' }).click()

    await page.waitForURL(/\/admin\/collections\/activities\/\d+/)
    activityId = Number(page.url().match(/activities\/(\d+)/)![1])
    await expect.poll(() => panel(page).textContent()).toContain('Concept')
    await panel(page).getByRole('button', { name: 'Indienen ter beoordeling' }).click()
    await expect.poll(() => panel(page).textContent()).toContain('Ingediend')
    expect(await panel(page).textContent()).toContain('de redactie beoordeelt uw activiteit')
    // Only the partner's own moves: no decisions.
    expect(await panel(page).getByRole('button', { name: 'Goedkeuren' }).count()).toBe(0)
    expect(await panel(page).getByRole('button', { name: 'Intrekken' }).count()).toBe(1)
    await leave(page)
  })

  it('shows the server’s Dutch refusal when a partner submits after the window closed', async () => {
    const page = await asUser(accounts.partner)
    await openActivity(page, closedActivityId)
    await panel(page).getByRole('button', { name: 'Indienen ter beoordeling' }).click()
    await expect.poll(() => page.locator('.payload-toast-container').textContent()).toContain('Het aanmelden van activiteiten voor deze editie is gesloten')
    const stored = await rest(base, 'GET', `activities/${closedActivityId}?depth=0`, {
      token: (await rest(base, 'POST', 'users/login', { body: { email: accounts.admin, password } })).body.token,
    })
    expect(stored.body.status).toBe('draft')
  })

  it('2. an editor finds it in the review queue and asks for changes with feedback', async () => {
    const page = await asUser(accounts.editor)
    const queue = page.locator('.review-queue')
    await expect.poll(() => queue.textContent()).toContain(fixture.title)
    expect(await queue.textContent()).toContain('Te beoordelen activiteiten')
    expect(await queue.textContent()).toContain(fixture.organisation)
    // The other partner's activity is a draft: not in the queue.
    expect(await queue.textContent()).not.toContain(fixture.otherTitle)
    await shoot(page, 'review-queue')

    await queue.getByRole('link', { name: fixture.title }).click()
    await panel(page).waitFor()
    for (const action of ['In behandeling nemen', 'Goedkeuren', 'Wijzigingen vragen', 'Afwijzen', 'Intrekken']) {
      expect(await panel(page).getByRole('button', { name: action, exact: true }).count(), action).toBe(1)
    }
    expect(await panel(page).getByRole('button', { name: 'Indienen ter beoordeling' }).count()).toBe(0)
    await shoot(page, 'decision-actions')

    await panel(page).getByRole('button', { name: 'Wijzigingen vragen' }).click()
    const confirm = panel(page).getByRole('group', { name: 'Wijzigingen vragen' })
    // Feedback is required before the request can be sent.
    expect(await confirm.getByRole('button', { name: 'Wijzigingen vragen' }).isDisabled()).toBe(true)
    await confirm.getByLabel('Terugkoppeling aan de indiener (verplicht)').fill(fixture.feedback)
    await confirm.getByRole('button', { name: 'Wijzigingen vragen' }).click()
    await expect.poll(() => panel(page).locator('.status-pill').textContent()).toBe('Wijzigingen gevraagd')
    await expect.poll(() => page.locator('.activity-history').textContent()).toContain('Ingediend → Wijzigingen gevraagd')
    await leave(page)
  })

  it('3. the partner sees the feedback, edits and resubmits', async () => {
    const page = await asUser(accounts.partner)
    await expect.poll(() => page.locator('.partner-home').textContent()).toContain('Aanpassen en opnieuw indienen')
    await page.locator('.partner-home').getByRole('link', { name: fixture.title }).click()
    await panel(page).waitFor()
    const feedback = panel(page).locator('.workflow-panel__feedback--attention')
    expect(await feedback.textContent()).toContain(fixture.feedback)
    expect(await feedback.textContent()).toContain('Terugkoppeling van de redactie')
    await shoot(page, 'partner-feedback')

    await page.getByRole('button', { name: 'Waar', exact: true }).click()
    await page.getByLabel('Naam van de locatie').fill('Aula van De Regenboog')
    await page.getByRole('button', { name: 'Wanneer', exact: true }).click()
    const endsAt = page.locator('#field-endsAt input')
    await endsAt.fill('18 november 2030 21:30')
    await endsAt.press('Escape')
    await panel(page).getByRole('button', { name: 'Opnieuw indienen' }).click()
    await expect.poll(() => panel(page).locator('.status-pill').textContent()).toBe('Ingediend')
    await leave(page)
  })

  it('4. the editor approves', async () => {
    const page = await asUser(accounts.editor)
    // The partner may still hold Payload's lock on the activity it just changed (for a few
    // minutes after leaving); the admin then asks the editor, at some point, to take it over.
    await page.addLocatorHandler(page.locator('#document-locked'), async (dialog) => {
      expect(await dialog.textContent()).toContain(accounts.partner)
      await dialog.getByRole('button', { name: 'Overnemen' }).click()
    })
    await openActivity(page, activityId)
    // Taking the lock over renders the form anew, on its first tab: choose "Waar" until it shows.
    const venue = page.getByLabel('Naam van de locatie')
    await expect
      .poll(async () => {
        if ((await venue.count()) === 0) await page.getByRole('button', { name: 'Waar', exact: true }).click()
        return (await venue.count()) > 0 ? venue.inputValue() : undefined
      })
      .toBe('Aula van De Regenboog')
    await panel(page).getByRole('button', { name: 'Goedkeuren' }).click()
    await panel(page).getByRole('group', { name: 'Goedkeuren' }).getByRole('button', { name: 'Goedkeuren' }).click()
    await expect.poll(() => panel(page).locator('.status-pill').textContent()).toBe('Goedgekeurd')
    await expect.poll(() => page.locator('.activity-history').textContent()).toContain('Ingediend → Goedgekeurd')
    await shoot(page, 'history', { scrollTo: '.activity-history' })
    await leave(page)
    await page.goto(`${base}/admin`)
    await expect.poll(() => page.locator('.review-queue').textContent()).toContain('Er wachten geen activiteiten op een besluit')
  })

  it('5. the public API now returns it, without contact details', async () => {
    const one = await rest(base, 'GET', `activities/${activityId}`)
    expect(one.status).toBe(200)
    expect(one.body.title).toBe(fixture.title)
    expect(one.body.location.venue).toBe('Aula van De Regenboog')
    expect(one.body.contact).toBeUndefined()
    expect(one.body.review).toBeUndefined()
    expect(one.body.submittedBy).toBeUndefined()
    const list = await rest(base, 'GET', 'activities?limit=100&depth=1')
    expect(list.body.docs.map((doc: { title: string }) => doc.title)).toEqual([fixture.title])
    expect(JSON.stringify(list.body)).not.toContain(fixture.contactEmail)
    expect(JSON.stringify(list.body)).not.toContain(fixture.feedback)
  })

  it('lets an editor decide on several activities at once, saying which were refused and why', async () => {
    const otherLogin = await rest(base, 'POST', 'users/login', { body: { email: accounts.otherPartner, password } })
    const submitted = await rest(base, 'PATCH', `activities/${otherActivityId}`, { body: { status: 'submitted' }, token: otherLogin.body.token })
    expect(submitted.status).toBe(200)

    const page = await asUser(accounts.editor)
    await page.goto(`${base}/admin/collections/activities`)
    for (const title of [fixture.otherTitle, fixture.closedTitle]) {
      await page.locator('tr', { hasText: title }).locator('input[type="checkbox"]').check()
    }
    const bulk = page.locator('.bulk-decisions')
    await expect.poll(() => bulk.textContent()).toContain('Besluit voor 2 geselecteerde activiteiten')
    await bulk.getByRole('button', { name: 'Goedkeuren', exact: true }).click()
    await bulk.getByRole('button', { name: 'Goedkeuren (2)' }).click()
    const report = page.locator('.bulk-decisions__report')
    await expect.poll(() => report.textContent()).toContain('Goedkeuren: 1 van 2 gelukt.')
    expect(await report.textContent()).toContain(`Geweigerd: ${fixture.closedTitle} — Een activiteit met status 'Concept' kan niet naar 'Goedgekeurd'.`)
    await shoot(page, 'bulk-decisions')

    const admin = (await rest(base, 'POST', 'users/login', { body: { email: accounts.admin, password } })).body.token
    expect((await rest(base, 'GET', `activities/${otherActivityId}?depth=0`, { token: admin })).body.status).toBe('approved')
    expect((await rest(base, 'GET', `activities/${closedActivityId}?depth=0`, { token: admin })).body.status).toBe('draft')
  })

  it('6. a partner cannot open another organisation’s activity by its address', async () => {
    const page = await asUser(accounts.otherPartner)
    // Not public: as if it did not exist.
    await page.goto(`${base}/admin/collections/activities/${closedActivityId}`)
    await expect.poll(() => page.locator('body').textContent()).toContain(`Het document met ID ${closedActivityId} kon niet worden gevonden`)
    expect(await page.content()).not.toContain(fixture.closedTitle)
    expect(await page.content()).not.toContain(fixture.contactEmail)
    // Public: what the website shows, read only, without contact details, feedback or decisions.
    await openActivity(page, activityId)
    const html = await page.content()
    expect(html).not.toContain(fixture.contactEmail)
    expect(html).not.toContain(fixture.feedback)
    expect(await panel(page).getByRole('button').count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Opslaan' }).count()).toBe(0)
    // Its own activity opens as usual.
    await openActivity(page, otherActivityId)
    expect(await page.locator('#field-title').inputValue()).toBe(fixture.otherTitle)
  })
})
