import fs from 'node:fs'

import { chromium, type Browser, type Page } from 'playwright-core'

/**
 * Debian's Chromium driven by playwright-core. The flags keep it from calling out to the
 * internet, which this machine refuses. Playwright gives each launch a new, empty profile in a
 * temporary folder (its own --user-data-dir) and removes it on close.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`)
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    browser,
    close: () => browser.close(),
  }
}

/** A JSON call to the CMS's REST API, with an account's token when given. */
export async function rest<T = any>(
  base: string,
  method: string,
  apiPath: string,
  options: { body?: unknown; token?: string } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'Accept-Language': 'nl' }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (options.token) headers.Authorization = `JWT ${options.token}`
  const response = await fetch(`${base}/api/${apiPath}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T }
}

/** Signs in through the admin's own login form and waits for the dashboard. */
export async function signIn(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.goto(`${base}/admin/login`)
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Wachtwoord').fill(password)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))
}

/**
 * Waits until the page has no request to the server in flight (at most `limitMs`), such as the
 * admin's form-state requests that show or hide fields after a change: a change made while one
 * is on its way can be missed until the next change (Payload debounces and supersedes them).
 * Requests open for more than a few seconds (streams, prefetches) are not waited for.
 */
export function trackRequests(page: Page, limitMs = 10_000): () => Promise<void> {
  const pending = new Map<unknown, number>()
  page.on('request', (request) => pending.set(request, Date.now()))
  page.on('requestfinished', (request) => pending.delete(request))
  page.on('requestfailed', (request) => pending.delete(request))
  return async () => {
    const deadline = Date.now() + limitMs
    let quietSince = Date.now()
    while (Date.now() - quietSince < 600 && Date.now() < deadline) {
      const open = [...pending.values()].filter((since) => Date.now() - since < 5_000)
      if (open.length > 0) quietSince = Date.now()
      await page.waitForTimeout(100)
    }
  }
}
