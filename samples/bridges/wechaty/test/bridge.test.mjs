// The bridge end to end: Wechaty's mock puppet on one side, the real ChainBot server (Release build, temporary
// SQLite file) on the other. Every wait is bounded.

import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { sign, startBridge } from '../bridge.mjs'
import { chainBot, freePort, membersOf, mockWorld, repoRoot, sleep, tempDir, transcript, typed, waitFor } from './helpers.mjs'

const SECRET = 'bridge-test-secret'
const FAST = { minMs: 200, maxMs: 1000, timeoutMs: 5000 }
const REPLY_WAIT = 30000

// The offline-block sample: a chain, copies of it, a short reply, a volunteer's offline block, then the
// coordinator's 统计 (the volunteer's "12号楼" query is left out: it has an answer of its own).
const stream = transcript('offline-block.jsonl').filter((m) => m.msgId !== 'off-14')
const statsCommand = stream[stream.length - 1]
const chainMessages = stream.slice(0, -1)

function expectTotals (text) {
  assert.match(text, /共13户/)
  assert.match(text, /五常大米 17袋，¥765/)
  assert.match(text, /12号楼 7户：8袋，¥360/)
  assert.match(text, /15号楼 6户：9袋，¥405/)
}

describe('Wechaty bridge with the real ChainBot', { timeout: 240000 }, () => {
  let server, bridgePort, dir
  const running = []

  before(async () => {
    dir = tempDir('chainbot-bridge-')
    bridgePort = await freePort()
    server = chainBot({
      port: await freePort(),
      dbPath: path.join(dir, 'chainbot.db'),
      secret: SECRET,
      replyUrl: `http://127.0.0.1:${bridgePort}/reply`
    })
    await server.start()
  })

  after(async () => {
    for (const r of running.splice(0)) await r.stop().catch(() => {})
    await server?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  async function bridgeFor (world, stateDir, extra = {}) {
    const events = []
    const logs = []
    const bridge = await startBridge({
      bot: world.bot,
      serverUrl: server.url,
      secret: SECRET,
      listen: `127.0.0.1:${bridgePort}`,
      stateDir,
      retry: FAST,
      log: (line) => logs.push(line),
      onEvent: (e) => events.push(e),
      ...extra
    })
    const handle = { bridge, events, logs, stop: () => bridge.stop() }
    running.push(handle)
    return handle
  }

  async function stopBridge (handle) {
    const at = running.indexOf(handle)
    if (at >= 0) running.splice(at, 1)
    await handle.stop()
  }

  async function stopWorld (world) { await world.stop() }

  function acked (events) {
    const byMsg = new Map()
    for (const e of events) {
      if (e.type !== 'acked') continue
      const list = byMsg.get(e.msgId) ?? []
      list.push(e.status)
      byMsg.set(e.msgId, list)
    }
    return byMsg
  }

  /** Every queued message was acknowledged, and ChainBot accepted each at most once (the rest: duplicates). */
  function assertEachOnce (events, count) {
    const queued = events.filter((e) => e.type === 'queued').map((e) => e.msgId)
    assert.equal(new Set(queued).size, count, 'messages queued')
    const byMsg = acked(events)
    for (const id of queued) {
      const statuses = byMsg.get(id) ?? []
      assert.ok(statuses.length >= 1, `message ${id} acknowledged`)
      assert.ok(statuses.filter((s) => s === 'accepted').length <= 1, `message ${id} accepted once`)
    }
  }

  async function post (world, messages, gapMs = 10) {
    for (const m of messages) {
      world.say(m.senderId, typed(m), { mention: m.mentioned })
      await sleep(gapMs)
    }
  }

  test('a chain, copies, a short reply, an offline block and 统计: one reply with the right totals', async () => {
    const world = await mockWorld({ roomId: 'kangqiao1@chatroom', topic: '康桥半岛团购', members: membersOf(stream) })
    try {
      const b = await bridgeFor(world, fs.mkdtempSync(path.join(dir, 'state-')))
      await post(world, chainMessages)
      await waitFor(() => acked(b.events).size === chainMessages.length, REPLY_WAIT, 'the chain messages to be acknowledged')
      await post(world, [statsCommand])
      await waitFor(() => world.said.length >= 1, REPLY_WAIT, 'the 统计 reply')
      await sleep(1500)
      assert.equal(world.said.length, 1, 'one reply in the room')
      expectTotals(world.said[0])
      assertEachOnce(b.events, stream.length)
      assert.equal(b.events.filter((e) => e.type === 'queued').length, stream.length, 'the bot\'s own reply is not forwarded')
      for (const line of b.logs) {
        assert.doesNotMatch(line, /五常大米|统计|王阿姨|\d{11}/, 'logs carry no message text')
      }
      await stopBridge(b)
    } finally {
      await stopWorld(world)
    }
  })

  test('ChainBot stopped for a few seconds mid-stream: each message reaches it once, one reply, right totals', async () => {
    const world = await mockWorld({ roomId: 'kangqiao2@chatroom', topic: '康桥半岛团购二', members: membersOf(stream) })
    try {
      const b = await bridgeFor(world, fs.mkdtempSync(path.join(dir, 'state-')))
      const first = chainMessages.slice(0, 6)
      const rest = chainMessages.slice(6)
      await post(world, first)
      await waitFor(() => acked(b.events).size === first.length, REPLY_WAIT, 'the first messages to be acknowledged')
      await server.stop()
      await post(world, rest)
      await waitFor(() => b.events.filter((e) => e.type === 'retry').length >= 3, 15000, 're-sends while ChainBot is down')
      await sleep(1000)
      await server.start()
      await post(world, [statsCommand])
      await waitFor(() => world.said.length >= 1, REPLY_WAIT, 'the 统计 reply')
      await sleep(2000)
      assert.equal(world.said.length, 1, 'one reply in the room')
      expectTotals(world.said[0])
      assertEachOnce(b.events, stream.length)
      await stopBridge(b)
    } finally {
      await stopWorld(world)
    }
  })

  test('the bridge restarted with the same stateDir while ChainBot is down: the queue reaches ChainBot', async () => {
    const world = await mockWorld({ roomId: 'kangqiao3@chatroom', topic: '康桥半岛团购三', members: membersOf(stream) })
    const stateDir = fs.mkdtempSync(path.join(dir, 'state-'))
    try {
      await server.stop()
      const a = await bridgeFor(world, stateDir)
      await post(world, chainMessages)
      await waitFor(() => a.events.filter((e) => e.type === 'queued').length === chainMessages.length, 10000, 'the messages to be queued')
      await stopBridge(a)
      const onDisk = fs.readdirSync(path.join(stateDir, 'queue')).filter((n) => n.endsWith('.json'))
      assert.equal(onDisk.length, chainMessages.length, 'queued on disk after the bridge stopped')
      assert.equal(acked(a.events).size, 0, 'nothing acknowledged while ChainBot is down')

      const b = await bridgeFor(world, stateDir)
      await sleep(500)
      await server.start()
      await waitFor(() => acked(b.events).size === chainMessages.length, REPLY_WAIT, 'the queued messages to be acknowledged')
      const order = b.events.filter((e) => e.type === 'acked').map((e) => e.msgId)
      const queuedOrder = a.events.filter((e) => e.type === 'queued').map((e) => e.msgId)
      assert.deepEqual(order, queuedOrder, 'oldest first')
      assert.equal(fs.readdirSync(path.join(stateDir, 'queue')).filter((n) => n.endsWith('.json')).length, 0, 'queue emptied')

      await post(world, [statsCommand])
      await waitFor(() => world.said.length >= 1, REPLY_WAIT, 'the 统计 reply')
      await sleep(1500)
      assert.equal(world.said.length, 1, 'one reply in the room')
      expectTotals(world.said[0])
      await stopBridge(b)
    } finally {
      await server.start()
      await stopWorld(world)
    }
  })

  test('native 接龙 (appmsg 53): the entries and their authors come from WeChat', async () => {
    const members = [
      { id: 'wxid_tuanzhang01', name: '天山三村12号楼团长' },
      { id: 'wxid_wangayi12', name: '王阿姨' },
      { id: 'wxid_li1502', name: '李' },
      { id: 'wxid_chen0903', name: '陈先生' },
      { id: 'wxid_zhou0702', name: '周🌸' },
      { id: 'wxid_volunteer12', name: '12号楼志愿者' }
    ]
    const world = await mockWorld({ roomId: 'tianshan@chatroom', topic: '天山三村12号楼', members })
    try {
      const b = await bridgeFor(world, fs.mkdtempSync(path.join(dir, 'state-')))
      const capture = (name) => fs.readFileSync(path.join(repoRoot, 'samples/native-jielong', name), 'utf8')
      world.sayRaw('wxid_chen0903', capture('type53-v1.xml'))
      await waitFor(() => acked(b.events).size === 1, REPLY_WAIT, 'the first 接龙 to be acknowledged')
      world.sayRaw('wxid_volunteer12', capture('type53-v2.xml'))
      await waitFor(() => acked(b.events).size === 2, REPLY_WAIT, 'the second 接龙 to be acknowledged')

      world.say('wxid_tuanzhang01', '统计', { mention: true })
      await waitFor(() => world.said.length >= 1, REPLY_WAIT, 'the 统计 reply')
      assert.match(world.said[0], /共5户/)
      assert.match(world.said[0], /蔬菜包 8包/)

      // 周 never wrote a message herself: her line is hers only because solitaire_info says so.
      world.say('wxid_zhou0702', '我的')
      await waitFor(() => world.said.length >= 2, REPLY_WAIT, '周\'s 我的 reply')
      assert.match(world.said[1], /^@周🌸/)
      assert.match(world.said[1], /702/)
      assert.match(world.said[1], /2包/)

      world.say('wxid_li1502', '我的')
      await waitFor(() => world.said.length >= 3, REPLY_WAIT, '李\'s 我的 reply')
      assert.match(world.said[2], /1502/)
      assert.match(world.said[2], /3包/, 'the author\'s own edit counts')

      world.say('wxid_volunteer12', '我的')
      await waitFor(() => world.said.length >= 4, REPLY_WAIT, 'the volunteer\'s 我的 reply')
      assert.match(world.said[3], /204/)
      assert.match(world.said[3], /刘/)
      await sleep(1000)
      assert.equal(world.said.length, 4, 'no other reply')
      await stopBridge(b)
    } finally {
      await stopWorld(world)
    }
  })

  test('a reply with a bad signature is refused and nothing is posted; a good one is posted once', async () => {
    const world = await mockWorld({
      roomId: 'replies@chatroom',
      topic: '回复测试',
      members: [{ id: 'wxid_a', name: '王阿姨' }]
    })
    try {
      const b = await bridgeFor(world, fs.mkdtempSync(path.join(dir, 'state-')))
      const url = `http://127.0.0.1:${bridgePort}/reply`
      const reply = { replyId: 'm-1#1', groupId: 'replies@chatroom', inReplyTo: 'm-1', mentions: ['wxid_a', 'wxid_gone'], text: '已登记' }
      const body = JSON.stringify(reply)
      const now = String(Math.floor(Date.now() / 1000))
      const postWith = (headers, payload = body) => fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: payload,
        signal: AbortSignal.timeout(10000)
      })

      const wrongSecret = await postWith({ 'x-chainbot-timestamp': now, 'x-chainbot-signature': sign('not-the-secret', now, body) })
      assert.equal(wrongSecret.status, 401)
      const tampered = await postWith({ 'x-chainbot-timestamp': now, 'x-chainbot-signature': sign(SECRET, now, body) },
        body.replace('已登记', '已取消'))
      assert.equal(tampered.status, 401)
      const stale = String(Number(now) - 301)
      const old = await postWith({ 'x-chainbot-timestamp': stale, 'x-chainbot-signature': sign(SECRET, stale, body) })
      assert.equal(old.status, 401)
      const missing = await postWith({})
      assert.equal(missing.status, 401)
      await sleep(500)
      assert.equal(world.said.length, 0, 'nothing posted')

      const good = await postWith({ 'x-chainbot-timestamp': now, 'x-chainbot-signature': sign(SECRET, now, body) })
      assert.equal(good.status, 200)
      assert.equal(world.said.length, 1, 'posted before the 2xx')
      assert.equal(world.said[0], '@王阿姨 已登记', 'mentions only members')
      const again = await postWith({ 'x-chainbot-timestamp': now, 'x-chainbot-signature': sign(SECRET, now, body) })
      assert.equal(again.status, 200)
      assert.equal((await again.json()).status, 'duplicate')
      await sleep(300)
      assert.equal(world.said.length, 1, 'a replyId is posted once')
      await stopBridge(b)
    } finally {
      await stopWorld(world)
    }
  })
})
