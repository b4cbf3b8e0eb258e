// The browser the tests drive: the system's Chromium (Debian's package), never a downloaded one, headless, with a
// fresh profile, a phone-size viewport, and the switches that keep it off the network this machine cannot reach.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'

export const executablePath = '/usr/bin/chromium'

export const args = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'
]

/** A phone: 375 × 812 CSS pixels, as an iPhone X/11 Pro shows a page. */
export const phone = { width: 375, height: 812 }

/** A fresh browser context with its own profile; `close()` ends the browser and removes the profile. */
export async function openPhone () {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chainbot-dashboard-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args,
    headless: true,
    viewport: phone,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    acceptDownloads: true,
    timeout: 60000
  })
  context.setDefaultTimeout(15000)
  const page = context.pages()[0] ?? await context.newPage()
  return {
    context,
    page,
    async close () {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    }
  }
}
