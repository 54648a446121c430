import fs from 'node:fs'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { waitFor } from '../src/bench/server'
import { richText } from '../src/seed/richText'
import { launchChromium, rest, signIn, trackRequests } from './helpers/browser'
import { unique } from './helpers/fixtures'
import { ensureProductionBuild, startProductionServer, type ProductionServer } from './helpers/production'

/**
 * The privacy check in the story form, in a browser against the production build: the editor
 * sees the findings of what the form holds before publishing, and a stored acknowledgement is
 * unticked as soon as a finding turns up that it does not cover.
 */

const password = 'Browser-test-wachtwoord-1'

let server: ProductionServer
let base = ''
let chromium: Awaited<ReturnType<typeof launchChromium>>
let browser: Browser
let context: BrowserContext | undefined
let page: Page | undefined
let email = ''
let storyId: number

beforeAll(async () => {
  ensureProductionBuild()
  server = await startProductionServer()
  base = server.base
  expect((await waitFor(`${base}/api/globals/site-settings`, server, 90_000, { anyStatus: true })).status, server.output()).toBe(200)
  // The server has a database of its own: everything is made through its API.
  const first = await rest(base, 'POST', 'users/first-register', { body: { email: `beheer-${unique()}@example.nl`, password, name: 'Beheer', role: 'admin' } })
  expect(first.status, JSON.stringify(first.body)).toBe(200)
  email = `redactie-${unique()}@example.nl`
  const account = await rest(base, 'POST', 'users', { body: { email, password, name: 'Redacteur', role: 'editor' }, token: first.body.token })
  expect(account.status, JSON.stringify(account.body)).toBe(201)
  const token = (await rest(base, 'POST', 'users/login', { body: { email, password } })).body.token as string
  const story = await rest(base, 'POST', 'stories?draft=true', {
    token,
    body: {
      title: `Verhaal ${unique()}`,
      perspective: 'parent',
      storyteller: { displayName: 'Noor' },
      summary: 'Reacties naar redactie@voorbeeld.nl.',
      body: richText('Het begon op een dinsdag.'),
    },
  })
  expect(story.status, JSON.stringify(story.body)).toBe(201)
  storyId = story.body.doc.id
  // Published with an acknowledgement of the e-mail address, as an editor would.
  const published = await rest(base, 'PATCH', `stories/${storyId}`, {
    token,
    body: { _status: 'published', privacyCheck: { acknowledged: true, note: 'Het algemene adres van de redactie.' } },
  })
  expect(published.status, JSON.stringify(published.body)).toBe(200)
  chromium = await launchChromium()
  browser = chromium.browser
}, 600_000)

afterEach(async (test) => {
  if (test.task.result?.state === 'fail' && page) {
    fs.mkdirSync(path.resolve('tests/artifacts'), { recursive: true })
    await page.screenshot({ path: path.resolve('tests/artifacts', 'privacy-check-ui.png'), fullPage: true }).catch(() => undefined)
    fs.writeFileSync(path.resolve('tests/artifacts/server.log'), server.output())
  }
})

afterAll(async () => {
  await context?.close().catch(() => undefined)
  await chromium?.close()
  await server?.stop()
})

describe('the story form', () => {
  it('lists the live findings, masked, unticks an acknowledgement that does not cover a new one, and publishes once ticked again', async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 1600 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })
    page = await context.newPage()
    trackRequests(page)
    await signIn(page, base, email, password)
    await page.goto(`${base}/admin/collections/stories/${storyId}`)
    const guard = page.locator('.privacy-guard')
    const findings = page.locator('.privacy-findings')
    const acknowledged = page.locator('input[name="privacyCheck.acknowledged"]')

    // A new finding: the guard beside the publish button counts it and unticks the stored
    // acknowledgement (the findings panel only lists).
    await page.locator('textarea[name="quote"]').fill('Of bel 06-98765432.')
    await expect.poll(() => guard.textContent()).toBe('Privacycheck: 1 bevinding, zie de privacycheck')

    await page.getByText('Privacycheck (nooit openbaar)').scrollIntoViewIfNeeded()
    await expect.poll(() => findings.textContent()).toContain('e-mailadres “r…@…l” in summary (nl) · toegestaan')
    await expect.poll(() => findings.textContent()).toContain('telefoonnummer “0…2” in quote (nl)')
    expect(await findings.textContent()).not.toContain('redactie@voorbeeld.nl')
    expect(await findings.textContent()).not.toContain('98765432')
    await expect.poll(() => acknowledged.isChecked()).toBe(false)

    // Publishing now is refused with the new finding; ticking the box again for it publishes.
    await page.getByRole('button', { name: 'Publiceer wijzigingen' }).click()
    await expect.poll(() => page!.locator('.payload-toast-container').textContent()).toContain('telefoonnummer "0…2" in quote (nl)')
    expect((await rest(base, 'GET', `stories/${storyId}`)).body.quote ?? null).toBeNull()
    await acknowledged.check()
    await page.locator('textarea[name="privacyCheck.note"]').fill('Het nummer van de school, met toestemming.')
    await page.getByRole('button', { name: 'Publiceer wijzigingen' }).click()
    await expect.poll(async () => (await rest(base, 'GET', `stories/${storyId}`)).body.quote).toBe('Of bel 06-98765432.')
  })
})
