// What a coordinator sees on the dashboard, on a phone, in a real Chromium: the sample group growing.jsonl (12
// households in five buildings), one line after the deadline, 到货, and two households collected. ci.sh starts the
// server and posts the messages; DASHBOARD_URL and DASHBOARD_TOKEN say where and with what.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { openPhone, phone } from './browser.mjs'

const base = process.env.DASHBOARD_URL
const token = process.env.DASHBOARD_TOKEN
assert.ok(base && token, 'DASHBOARD_URL and DASHBOARD_TOKEN must be set (run ci.sh)')

const here = path.dirname(fileURLToPath(import.meta.url))
const out = path.resolve(here, '../out')
const title = '4月18日 天山三村 蔬菜套餐团购🥬'
const home = `${base}/dashboard?token=${encodeURIComponent(token)}`

// The chain's tally per building, as README shows 统计 for growing.jsonl; the late line (9号楼) does not count.
const expected = {
  '3号楼': { households: 3, amount: '¥272', collected: 1 },
  '7号楼': { households: 2, amount: '¥204', collected: 0 },
  '9号楼': { households: 2, amount: '¥204', collected: 0 },
  '12号楼': { households: 3, amount: '¥272', collected: 1 },
  '15号楼': { households: 2, amount: '¥204', collected: 0 }
}

describe('the dashboard on a phone', () => {
  let browser
  let page

  before(async () => {
    browser = await openPhone()
    page = browser.page
  })

  after(async () => {
    await browser?.close()
  })

  async function openChain () {
    await page.goto(home)
    await page.getByRole('link', { name: title }).click()
    await page.waitForURL(/\/dashboard\/groups\/g_tianshan3_tuangou\/chains\/1\?token=/)
  }

  test('the list shows the group chain with its status, households and money', async () => {
    const response = await page.goto(home)
    assert.equal(response.status(), 200)
    const chain = page.locator('.chain', { hasText: title })
    await chain.waitFor()
    const text = await chain.innerText()
    assert.match(text, /已截止/)
    assert.match(text, /截止 4月18日 20:00 · 12户 · ¥1156 · 已到货/)
  })

  test('a chain page shows the title and each building numbers, and fits a phone', async () => {
    await openChain()
    assert.equal(await page.locator('h1').innerText(), title)
    for (const [building, want] of Object.entries(expected)) {
      const row = page.locator(`#buildings tr[data-building="${building}"]`)
      assert.equal(await row.locator('td').nth(1).innerText(), String(want.households), `${building} households`)
      assert.equal(await row.locator('td').nth(3).innerText(), want.amount, `${building} amount`)
    }
    assert.match(await page.locator('#buildings tfoot').innerText(), /合计\s+12\s+蔬菜套餐 17份\s+¥1156/)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(width <= phone.width, `the page is ${width} px wide on a ${phone.width} px screen`)
  })

  test('the bars per building are there and proportional to the money', async () => {
    await openChain()
    const bars = await page.locator('#chart rect.bar').evaluateAll((rects) => rects.map((rect) => ({
      building: rect.parentElement.getAttribute('data-building'),
      value: Number(rect.getAttribute('data-value')),
      width: rect.getBoundingClientRect().width
    })))
    assert.deepEqual(bars.map((b) => b.building), Object.keys(expected))
    const widest = Math.max(...bars.map((b) => b.width))
    const most = Math.max(...bars.map((b) => b.value))
    assert.ok(widest > 100, `the longest bar is drawn (${widest} px)`)
    for (const bar of bars) {
      assert.equal(`¥${bar.value}`, expected[bar.building].amount)
      assert.ok(Math.abs(bar.width / widest - bar.value / most) < 0.01, `${bar.building}: ${bar.width} px for ${bar.value}`)
    }
  })

  test('the lines to check show the late line, name shortened', async () => {
    await openChain()
    const check = page.locator('#check')
    assert.match(await check.locator('h2').innerText(), /待核对（1）/)
    const row = await check.locator('tbody tr').innerText()
    assert.match(row, /截止后报名/)
    assert.match(row, /9-502/)
    assert.match(row, /郑\*/)
    assert.match(row, /截止后才报，团长接受前不计入/)
  })

  test('the pickup progress per building follows 到货, 已领 and 已取', async () => {
    await openChain()
    assert.match(await page.locator('#pickup [data-total]').innerText(), /4月19日 09:00 到货，已领 2 \/ 12 户/)
    for (const [building, want] of Object.entries(expected)) {
      const row = page.locator(`#pickups tr[data-building="${building}"]`)
      assert.equal(await row.locator('td').nth(1).innerText(), `${want.collected} / ${want.households} 户`, building)
      assert.equal(await row.locator('progress').evaluate((p) => p.value), want.collected)
    }
  })

  test('the filter box shows one building only', async () => {
    await openChain()
    const filter = page.getByRole('searchbox', { name: '筛选楼号' })
    await filter.fill('12号楼')
    assert.equal(await page.locator('#buildings tbody tr:visible').count(), 1)
    assert.equal(await page.locator('#pickups tr:visible').getAttribute('data-building'), '12号楼')
    await filter.fill('')
    assert.equal(await page.locator('#buildings tbody tr:visible').count(), 5)
  })

  test('导出 Excel downloads a workbook', async () => {
    await openChain()
    fs.mkdirSync(out, { recursive: true })
    await page.screenshot({ path: path.join(out, 'dashboard.png'), fullPage: true })
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel', exact: true }).click()
    ])
    assert.match(download.suggestedFilename(), /\.xlsx$/)
    const file = path.join(out, download.suggestedFilename())
    await download.saveAs(file)
    const bytes = fs.readFileSync(file)
    assert.ok(bytes.length > 1000, `${bytes.length} bytes`)
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip package, as every .xlsx is')
  })

  test('without a token, or with a wrong one, nothing', async () => {
    for (const url of [`${base}/dashboard`, `${base}/dashboard?token=wrong-${token}`,
      `${base}/dashboard/groups/g_tianshan3_tuangou/chains/1`]) {
      const response = await page.goto(url)
      assert.equal(response.status(), 401, url)
      const text = await page.locator('body').innerText()
      assert.doesNotMatch(text, /天山三村|g_tianshan3_tuangou|12号楼/, url)
    }
  })
})
