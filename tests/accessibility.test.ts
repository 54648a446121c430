import fs from 'node:fs'
import path from 'node:path'

import AxeBuilder from '@axe-core/playwright'
import pg from 'pg'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { waitFor } from '../src/bench/server'
import { launchChromium, rest, signIn } from './helpers/browser'
import { ensureProductionBuild, startProductionServer, type ProductionServer } from './helpers/production'

// The admin's own components (dashboard, workflow panel, history, bulk decisions, story planning)
// checked with axe-core in Chromium against WCAG 2.1 A and AA, on the production build with a
// fresh database. Payload's own fields are judged on the whole page only for serious and critical
// findings inside our components; what Payload's UI itself has is written to tests/artifacts.

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
/** Where the product's own components render; a finding inside one of these is ours to fix. */
const ownComponents = [
  '.review-queue',
  '.partner-home',
  '.workflow-panel',
  '.activity-history',
  '.bulk-decisions',
  '.bulk-decisions__hint',
  '.bulk-decisions__report',
  '.story-planning',
]
const password = 'Toegankelijk-wachtwoord-1'
const day = 24 * 60 * 60 * 1000
const accounts = { admin: 'beheer@example.nl', editor: 'redactie@example.nl', partner: 'partner@regenboog.example.nl' }
const titles = { resubmitted: 'Ouderavond: praten over opvoeden', changes: 'Workshop signalen herkennen', draft: 'Open dag jeugdzorg' }

let server: ProductionServer
let base = ''
let chromium: Awaited<ReturnType<typeof launchChromium>>
let browser: Browser
const pages: Record<'editor' | 'partner', Page | undefined> = { editor: undefined, partner: undefined }
let lastPage: Page | undefined
const ids: Record<keyof typeof titles, number> = { resubmitted: 0, changes: 0, draft: 0 }
/** Findings on whole pages outside our components: Payload's own, reported, not failed on. */
const payloadFindings: { page: string; id: string; impact?: string | null; targets: string[] }[] = []

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number]
const describeViolations = (violations: Violation[]) =>
  violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`)
    .join('\n')

/** One page per account for the whole suite, signed in once. */
async function pageOf(account: 'editor' | 'partner'): Promise<Page> {
  if (!pages[account]) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })
    const page = await context.newPage()
    await signIn(page, base, accounts[account], password)
    pages[account] = page
  }
  lastPage = pages[account]
  return pages[account]!
}

/** The label of the group the keyboard focus is in, or the text of the focused element. */
const focusIsOn = (page: Page) =>
  page.evaluate(() => {
    const focused = document.activeElement as HTMLElement | null
    if (!focused || focused === document.body) return 'nothing (the page itself)'
    return focused.closest('[role="group"]')?.getAttribute('aria-label') ?? focused.textContent?.trim() ?? null
  })

async function settled(page: Page) {
  await page.waitForLoadState('networkidle')
  await expect.poll(() => page.locator('.shimmer-effect').count()).toBe(0)
}

/** No WCAG 2.1 A/AA violation at all inside the component. */
async function expectAccessible(page: Page, selector: string) {
  expect(await page.locator(selector).count(), `${selector} is on the page`).toBeGreaterThan(0)
  const { violations } = await new AxeBuilder({ page }).withTags(tags).include(selector).analyze()
  expect.soft(violations, `${selector}:\n${describeViolations(violations)}`).toEqual([])
}

/** The whole page: no serious or critical violation inside our components; the rest is noted. */
async function expectNoSeriousInOwnComponents(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze()
  const ours: Violation[] = []
  for (const violation of violations) {
    const inside = await Promise.all(
      violation.nodes.map((node) =>
        page.evaluate(([target, within]) => Boolean(document.querySelector(target)?.closest(within)), [
          String(node.target[node.target.length - 1]),
          ownComponents.join(','),
        ] as const),
      ),
    )
    const nodes = violation.nodes.filter((_, i) => inside[i])
    if (nodes.length > 0 && (violation.impact === 'serious' || violation.impact === 'critical')) ours.push({ ...violation, nodes })
    const others = violation.nodes.filter((_, i) => !inside[i])
    if (others.length > 0) payloadFindings.push({ page: name, id: violation.id, impact: violation.impact, targets: others.map((n) => n.target.join(' ')) })
  }
  expect.soft(ours, `${name}:\n${describeViolations(ours)}`).toEqual([])
}

/** Accounts, an edition open for submissions, activities in several states and a planned story. */
async function prepare() {
  const first = await rest(base, 'POST', 'users/first-register', { body: { email: accounts.admin, password, name: 'Beheerder', role: 'admin' } })
  expect(first.status).toBe(200)
  const admin = first.body.token as string
  const create = async (collection: string, body: unknown, token = admin) => {
    const response = await rest(base, 'POST', collection, { body, token })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    return response.body.doc
  }
  const patch = async (id: number, body: unknown, token: string) => {
    const response = await rest(base, 'PATCH', `activities/${id}`, { body, token })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
  }
  const organisation = await create('organisers', { name: 'Basisschool De Regenboog', kind: 'school' })
  const now = Date.now()
  // The server's database is new and its own: the year cannot be taken.
  const edition = await create('editions', {
    year: 2030,
    theme: 'Praat met elkaar',
    startDate: '2030-11-18T00:00:00.000Z',
    endDate: '2030-11-24T00:00:00.000Z',
    submissions: {
      opensAt: new Date(now - 7 * day).toISOString(),
      closesAt: new Date(now + 60 * day).toISOString(),
      guidelines: 'Meld alleen activiteiten aan die in de campagneweek plaatsvinden.',
    },
  })
  expect((await rest(base, 'POST', 'globals/site-settings', { body: { currentEdition: edition.id }, token: admin })).status).toBe(200)
  await create('users', { email: accounts.editor, password, name: 'Redacteur', role: 'editor' })
  await create('users', { email: accounts.partner, password, name: 'Ilse Bakker', role: 'partner', organiser: organisation.id })
  const editor = (await rest(base, 'POST', 'users/login', { body: { email: accounts.editor, password } })).body.token as string
  const partner = (await rest(base, 'POST', 'users/login', { body: { email: accounts.partner, password } })).body.token as string

  for (const key of Object.keys(titles) as (keyof typeof titles)[]) {
    const doc = await create(
      'activities',
      {
        title: titles[key],
        edition: edition.id,
        format: 'meeting',
        startsAt: '2030-11-20T18:00:00.000Z',
        location: { mode: 'on-site', city: 'Zwolle', province: 'overijssel' },
        contact: { name: 'Ilse Bakker', email: 'ilse.bakker@regenboog.example.nl' },
      },
      partner,
    )
    ids[key] = doc.id
  }
  // Waits again after changes were asked: a history with feedback, and every decision open to an editor.
  for (const key of ['resubmitted', 'changes'] as const) {
    await patch(ids[key], { status: 'submitted' }, partner)
    await patch(ids[key], { status: 'changes-requested', review: { feedback: 'Vermeld de zaal en tot hoe laat het duurt.' } }, editor)
  }
  await patch(ids.resubmitted, { status: 'submitted' }, partner)

  // A planned publication, queued as Payload's "schedule publish" queues it (no API queues jobs).
  const story = await create('stories', {
    title: 'Verhaal 1 van 30',
    perspective: 'parent',
    storyteller: { displayName: 'Noor' },
    series: '30 verhalen',
    seriesNumber: 1,
    _status: 'draft',
  })
  const client = new pg.Client({ connectionString: server.database.url })
  await client.connect()
  try {
    await client.query(`INSERT INTO payload_jobs (task_slug, input, wait_until) VALUES ('schedulePublish', $1, $2)`, [
      JSON.stringify({ type: 'publish', doc: { relationTo: 'stories', value: story.id } }),
      new Date(now + 7 * day).toISOString(),
    ])
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  ensureProductionBuild()
  server = await startProductionServer()
  base = server.base
  expect((await waitFor(`${base}/api/globals/site-settings`, server, 90_000, { anyStatus: true })).status, server.output()).toBe(200)
  await prepare()
  chromium = await launchChromium()
  browser = chromium.browser
}, 600_000)

afterEach(async (context) => {
  if (context.task.result?.state === 'fail' && lastPage) {
    fs.mkdirSync(path.resolve('tests/artifacts'), { recursive: true })
    await lastPage.screenshot({ path: path.resolve('tests/artifacts', `a11y ${context.task.name.slice(0, 40)}.png`), fullPage: true }).catch(() => undefined)
  }
})

afterAll(async () => {
  if (payloadFindings.length > 0) {
    fs.mkdirSync(path.resolve('tests/artifacts'), { recursive: true })
    fs.writeFileSync(path.resolve('tests/artifacts/accessibility-payload-ui.json'), JSON.stringify(payloadFindings, null, 2))
  }
  await chromium?.close()
  await server?.stop()
})

describe('the admin’s own components meet WCAG 2.1 AA', () => {
  it('the editors’ review queue on the dashboard', async () => {
    const page = await pageOf('editor')
    await page.goto(`${base}/admin`)
    await expect.poll(() => page.locator('.review-queue').textContent()).toContain(titles.resubmitted)
    await settled(page)
    await expectAccessible(page, '.review-queue')
    await expectNoSeriousInOwnComponents(page, 'dashboard (redactie)')
  })

  it('the partner’s home on the dashboard', async () => {
    const page = await pageOf('partner')
    await expect.poll(() => page.locator('.partner-home').textContent()).toContain('Aanpassen en opnieuw indienen')
    await settled(page)
    await expectAccessible(page, '.partner-home')
    await expectNoSeriousInOwnComponents(page, 'dashboard (partner)')
  })

  it('the workflow panel, each of its decision dialogs, and the history', async () => {
    const page = await pageOf('editor')
    await page.goto(`${base}/admin/collections/activities/${ids.resubmitted}`)
    const panel = page.getByRole('region', { name: 'Beoordeling' })
    await panel.waitFor()
    await expect.poll(() => page.locator('.activity-history li').count()).toBe(4)
    await settled(page)
    await expectAccessible(page, '.workflow-panel')
    await expectAccessible(page, '.activity-history')
    await expectNoSeriousInOwnComponents(page, 'activiteit bewerken (redactie)')
    for (const decision of ['Goedkeuren', 'Wijzigingen vragen', 'Afwijzen', 'Intrekken']) {
      await panel.getByRole('button', { name: decision, exact: true }).click()
      const dialog = panel.getByRole('group', { name: decision })
      await dialog.waitFor()
      // The keyboard focus moves into the question, and back to the decision's button after "Terug".
      await expect.poll(() => focusIsOn(page)).toBe(decision)
      await expectAccessible(page, '.workflow-panel')
      await dialog.getByRole('button', { name: 'Terug' }).click()
      await dialog.waitFor({ state: 'detached' })
      await expect.poll(() => focusIsOn(page)).toBe(decision)
    }
  })

  it('the feedback as the partner reads it', async () => {
    const page = await pageOf('partner')
    await page.goto(`${base}/admin/collections/activities/${ids.changes}`)
    await page.locator('.workflow-panel__feedback--attention').waitFor()
    await expect.poll(() => page.locator('.activity-history li').count()).toBe(3)
    await settled(page)
    await expectAccessible(page, '.workflow-panel')
    await expectAccessible(page, '.activity-history')
    await expectNoSeriousInOwnComponents(page, 'activiteit bewerken (partner)')
  })

  it('the bulk decisions in the activities list, with their dialog and report', async () => {
    const page = await pageOf('editor')
    await page.goto(`${base}/admin/collections/activities`)
    await page.locator('.bulk-decisions__hint').waitFor()
    await settled(page)
    await expectAccessible(page, '.bulk-decisions__hint')
    for (const title of [titles.resubmitted, titles.changes]) {
      await page.locator('tr', { hasText: title }).locator('input[type="checkbox"]').check()
    }
    const bulk = page.locator('.bulk-decisions')
    await expect.poll(() => bulk.textContent()).toContain('2 geselecteerde activiteiten')
    await expectAccessible(page, '.bulk-decisions')
    await expectNoSeriousInOwnComponents(page, 'activiteitenlijst (redactie)')
    await bulk.getByRole('button', { name: 'Wijzigingen vragen', exact: true }).click()
    await bulk.getByRole('group', { name: 'Wijzigingen vragen' }).waitFor()
    await expect.poll(() => focusIsOn(page)).toBe('Wijzigingen vragen')
    await expectAccessible(page, '.bulk-decisions')
    await bulk.getByRole('button', { name: 'Terug' }).click()
    // One allowed, one refused: the report lists the refusal, in a live region that was already
    // on the page (a screen reader may not read a region that appears with its text).
    await page.evaluate(() => document.querySelectorAll('[role="status"]').forEach((region) => region.setAttribute('data-before-decision', '')))
    await bulk.getByRole('button', { name: 'In behandeling nemen', exact: true }).click()
    await expect.poll(() => page.locator('.bulk-decisions__report').textContent()).toContain('1 van 2 gelukt')
    expect(await page.locator('[role="status"][data-before-decision] .bulk-decisions__report').count()).toBe(1)
    await settled(page)
    await expectAccessible(page, '.bulk-decisions__report')
  })

  it('the story planning above the stories list', async () => {
    const page = await pageOf('editor')
    await page.goto(`${base}/admin/collections/stories`)
    await expect.poll(() => page.locator('.story-planning').textContent()).toContain('Verhaal 1 van 30')
    await settled(page)
    await expectAccessible(page, '.story-planning')
    await expectNoSeriousInOwnComponents(page, 'verhalenlijst (redactie)')
  })

  it('in the dark theme too', async () => {
    for (const [account, checks] of [
      ['partner', [['/admin', ['.partner-home']]]],
      [
        'editor',
        [
          ['/admin', ['.review-queue']],
          [`/admin/collections/activities/${ids.changes}`, ['.workflow-panel', '.activity-history']],
          ['/admin/collections/stories', ['.story-planning']],
        ],
      ],
    ] as const) {
      const page = await pageOf(account)
      await page.emulateMedia({ colorScheme: 'dark' })
      for (const [url, selectors] of checks) {
        await page.goto(`${base}${url}`)
        await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark')
        await page
          .locator(selectors[selectors.length - 1])
          .first()
          .waitFor()
        await settled(page)
        for (const selector of selectors) await expectAccessible(page, selector)
      }
    }
  })
})
