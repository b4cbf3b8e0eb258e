// ChainBot's Wechaty bridge: every message of a served room goes to ChainBot's generic webhook as a transcript
// object (design.md, "Contracts"), signed; ChainBot's replies come back to POST /reply and are said in the room.
// Nothing is lost on the way: a message waits in a queue on disk (stateDir/queue) until ChainBot acknowledged it.
// Logs name rooms and message ids only, never what was written.

import crypto from 'node:crypto'
import http from 'node:http'
import path from 'node:path'
import { DiskQueue, DiskSet } from './queue.mjs'
import { parseNativeSolitaire } from './solitaire.mjs'

const MAX_REPLY_BYTES = 1024 * 1024
const MAX_SKEW_SECONDS = 5 * 60

/** `X-ChainBot-Signature` for a body: sha256=<lowercase hex HMAC-SHA256 of "<timestamp>.<body>">. */
export function sign (secret, timestamp, body) {
  const mac = crypto.createHmac('sha256', secret)
  mac.update(`${timestamp}.`)
  mac.update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
  return 'sha256=' + mac.digest('hex')
}

/** Whether a request's timestamp and signature headers are good for `body` (a Buffer). */
export function verify (secret, timestampHeader, signatureHeader, body, nowSeconds = Math.floor(Date.now() / 1000)) {
  if (typeof timestampHeader !== 'string' || !/^\d{1,12}$/.test(timestampHeader)) return false
  if (Math.abs(nowSeconds - Number(timestampHeader)) > MAX_SKEW_SECONDS) return false
  if (typeof signatureHeader !== 'string') return false
  const m = /^sha256=([0-9a-f]{64})$/.exec(signatureHeader)
  if (!m) return false
  const expected = Buffer.from(sign(secret, timestampHeader, body).slice(7), 'hex')
  const given = Buffer.from(m[1], 'hex')
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}

/** A date as ISO 8601 with this machine's UTC offset, e.g. 2022-04-18T09:30:00+08:00. */
export function isoWithOffset (date) {
  const offset = -date.getTimezoneOffset()
  const local = new Date(date.getTime() + offset * 60000)
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  const hh = String(Math.floor(abs / 60)).padStart(2, '0')
  const mm = String(abs % 60).padStart(2, '0')
  return local.toISOString().slice(0, 19) + `${sign}${hh}:${mm}`
}

/** Removes the bot's own @-mentions (`@name` and the separator WeChat puts after it) from a message's text. */
export function stripSelfMention (text, names) {
  let out = text
  for (const name of names) {
    if (!name) continue
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    out = out.replace(new RegExp(`@${escaped}(?:[\\u2005\\u0020]|$)`, 'g'), '')
  }
  return out === text ? text : out.trim()
}

function parseListen (listen) {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(String(listen))
  if (!m) throw new Error(`listen must be host:port, not ${listen}`)
  return { host: m[1] ?? (m[2] || '127.0.0.1'), port: Number(m[3]) }
}

function defaultLog (line) {
  process.stderr.write(`${new Date().toISOString()} chainbot-bridge ${line}\n`)
}

/**
 * Starts serving `bot`'s rooms. The caller starts and stops the bot.
 * @param {object} o
 * @param {import('wechaty').Wechaty} o.bot a Wechaty instance (any puppet)
 * @param {string} o.serverUrl ChainBot's base URL, e.g. http://127.0.0.1:5080
 * @param {string} o.secret the generic channel's HMAC secret
 * @param {string} o.listen host:port of the reply endpoint (POST /reply)
 * @param {string} o.stateDir where the queue and the posted reply ids live
 * @param {string[]} [o.rooms] room topics or ids to serve (default: every room)
 * @param {{minMs?:number,maxMs?:number,timeoutMs?:number}} [o.retry] re-send backoff and request timeout
 * @param {(line:string)=>void} [o.log] where log lines go (default stderr)
 * @param {(event:object)=>void} [o.onEvent] notified of `queued`, `acked`, `retry`, `rejected`, `reply` events
 * @returns {Promise<{stop: () => Promise<void>, port: number}>}
 */
export async function startBridge ({ bot, serverUrl, secret, listen, stateDir, rooms, retry = {}, log = defaultLog, onEvent = () => {} }) {
  if (!bot) throw new Error('bot is required')
  if (!serverUrl) throw new Error('serverUrl is required')
  if (!secret) throw new Error('secret is required')
  if (!stateDir) throw new Error('stateDir is required')
  const webhook = new URL('/webhook/generic', serverUrl).toString()
  const minMs = retry.minMs ?? 1000
  const maxMs = retry.maxMs ?? 60000
  const timeoutMs = retry.timeoutMs ?? 15000
  const served = rooms && rooms.length ? new Set(rooms.map(String)) : null
  const emit = (event) => { try { onEvent(event) } catch { /* an observer's error is not ours */ } }

  const queue = new DiskQueue(path.join(stateDir, 'queue'))
  const rejected = new DiskQueue(path.join(stateDir, 'rejected'))
  const posted = new DiskSet(path.join(stateDir, 'posted-replies.jsonl'))
  const left = await queue.open()
  await posted.open()
  if (left) log(`queue: ${left} message(s) left from a previous run`)

  let stopped = false
  const stopping = new AbortController()

  // ---- WeChat → ChainBot -------------------------------------------------------------------------------------

  async function isServed (room) {
    if (!served) return true
    if (served.has(room.id)) return true
    try { return served.has(await room.topic()) } catch { return false }
  }

  async function transcriptOf (message, room) {
    const talker = message.talker()
    let senderName
    try { senderName = await room.alias(talker) } catch { /* no alias */ }
    if (!senderName) senderName = talker.name()
    const raw = message.text() ?? ''
    const native = parseNativeSolitaire(raw)
    const object = {
      msgId: message.id,
      groupId: room.id,
      senderId: talker.id,
      senderName: senderName ?? '',
      time: isoWithOffset(message.date()),
      text: raw,
      mentioned: false
    }
    if (native) {
      object.text = native.text
      if (native.solitaire.items.length) object.solitaire = native.solitaire
      return object
    }
    try { object.mentioned = await message.mentionSelf() } catch { object.mentioned = false }
    const self = bot.currentUser
    const names = [self?.name()]
    try { names.push(await room.alias(self)) } catch { /* none */ }
    object.text = stripSelfMention(raw, names)
    return object
  }

  async function handle (message) {
    if (stopped) return
    const room = message.room()
    if (!room || message.self()) return
    if (!(await isServed(room))) return
    const object = await transcriptOf(message, room)
    await queue.add(room.id, message.id, JSON.stringify(object))
    log(`queued room=${room.id} msg=${message.id}${object.solitaire ? ' native-jielong' : ''}`)
    emit({ type: 'queued', roomId: room.id, msgId: message.id })
    kick(room.id)
  }

  // Messages are taken one at a time, in the order Wechaty emits them, so a room's queue keeps their order.
  let intake = Promise.resolve()
  const onMessage = (message) => {
    intake = intake.then(() => handle(message)).catch((e) => log(`message msg=${message?.id} not queued: ${e?.message ?? e}`))
  }
  bot.on('message', onMessage)

  const senders = new Map()
  function kick (roomId) {
    if (stopped || senders.has(roomId)) return
    const run = drain(roomId)
      .catch((e) => log(`sender room=${roomId} failed: ${e?.message ?? e}`))
      .finally(() => {
        senders.delete(roomId)
        if (!stopped && queue.head(roomId)) kick(roomId)
      })
    senders.set(roomId, run)
  }

  async function post (body) {
    const timestamp = String(Math.floor(Date.now() / 1000))
    try {
      const response = await fetch(webhook, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-chainbot-timestamp': timestamp,
          'x-chainbot-signature': sign(secret, timestamp, body)
        },
        body,
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), stopping.signal])
      })
      let json = null
      try { json = await response.json() } catch { /* not JSON */ }
      return { status: response.status, json }
    } catch (e) {
      return { status: 0, error: e?.name === 'TimeoutError' ? 'timeout' : (e?.cause?.code ?? e?.name ?? 'error') }
    }
  }

  async function drain (roomId) {
    let delay = minMs
    while (!stopped) {
      const entry = queue.head(roomId)
      if (!entry) return
      const result = await post(entry.body)
      if (result.status >= 200 && result.status < 300) {
        await queue.remove(entry)
        const status = result.json?.status ?? 'ok'
        log(`acked room=${roomId} msg=${entry.msgId} ${status}`)
        emit({ type: 'acked', roomId, msgId: entry.msgId, status })
        delay = minMs
        continue
      }
      if (stopped) return
      if (result.status === 400 || result.status === 413) {
        // ChainBot will never take this one: set aside (stateDir/rejected) rather than hold up the room
        await rejected.add(roomId, entry.msgId, entry.body)
        await queue.remove(entry)
        log(`rejected room=${roomId} msg=${entry.msgId} HTTP ${result.status} ${result.json?.error ?? ''}`.trimEnd())
        emit({ type: 'rejected', roomId, msgId: entry.msgId, status: result.status })
        continue
      }
      const wait = Math.round(delay * (0.8 + Math.random() * 0.4))
      log(`retry room=${roomId} msg=${entry.msgId} ${result.status ? 'HTTP ' + result.status : result.error} in ${wait} ms`)
      emit({ type: 'retry', roomId, msgId: entry.msgId, status: result.status, wait })
      await sleep(wait, stopping.signal)
      delay = Math.min(delay * 2, maxMs)
    }
  }

  for (const roomId of queue.rooms()) kick(roomId)

  // ---- ChainBot → WeChat -------------------------------------------------------------------------------------

  const inflight = new Map() // replyId → promise of { status, body }
  const roomTurns = new Map() // roomId → promise: a room's replies are said one after another

  async function findRoom (groupId) {
    try {
      const room = await bot.Room.find({ id: groupId })
      if (room) return room
    } catch { /* not found */ }
    return undefined
  }

  async function deliver (reply) {
    const room = await findRoom(reply.groupId)
    if (!room) return { status: 404, body: { error: 'no such room' } }
    if (!(await isServed(room))) return { status: 403, body: { error: 'room not served' } }
    const wanted = Array.isArray(reply.mentions) ? reply.mentions.filter((m) => typeof m === 'string') : []
    let mentions = []
    if (wanted.length) {
      const members = await room.memberAll()
      mentions = wanted.map((id) => members.find((c) => c.id === id)).filter(Boolean)
    }
    const previous = roomTurns.get(room.id) ?? Promise.resolve()
    const turn = previous.catch(() => {}).then(() => room.say(reply.text, ...mentions))
    roomTurns.set(room.id, turn)
    try {
      await turn
    } finally {
      if (roomTurns.get(room.id) === turn) roomTurns.delete(room.id)
    }
    await posted.add(reply.replyId)
    log(`reply posted room=${room.id} reply=${reply.replyId} mentions=${mentions.length}/${wanted.length}`)
    emit({ type: 'reply', roomId: room.id, replyId: reply.replyId })
    return { status: 200, body: { status: 'posted', replyId: reply.replyId } }
  }

  async function onReply (req, res) {
    const chunks = []
    let size = 0
    for await (const chunk of req) {
      size += chunk.length
      if (size > MAX_REPLY_BYTES) return answer(res, 413, { error: 'too large' })
      chunks.push(chunk)
    }
    const body = Buffer.concat(chunks)
    if (!verify(secret, req.headers['x-chainbot-timestamp'], req.headers['x-chainbot-signature'], body)) {
      log('reply refused: bad, missing or stale signature')
      return answer(res, 401, { error: 'the signature does not match' })
    }
    let reply
    try { reply = JSON.parse(body.toString('utf8')) } catch { return answer(res, 400, { error: 'malformed JSON' }) }
    if (!reply || typeof reply.replyId !== 'string' || typeof reply.groupId !== 'string' || typeof reply.text !== 'string') {
      return answer(res, 400, { error: 'replyId, groupId and text are required' })
    }
    if (posted.has(reply.replyId)) {
      log(`reply duplicate room=${reply.groupId} reply=${reply.replyId}`)
      return answer(res, 200, { status: 'duplicate', replyId: reply.replyId })
    }
    let pending = inflight.get(reply.replyId)
    if (!pending) {
      pending = deliver(reply).finally(() => inflight.delete(reply.replyId))
      inflight.set(reply.replyId, pending)
    }
    try {
      const result = await pending
      return answer(res, result.status, result.body)
    } catch (e) {
      log(`reply failed room=${reply.groupId} reply=${reply.replyId}: ${e?.message ?? e}`)
      return answer(res, 502, { error: 'the room did not take the text' })
    }
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://bridge')
    if (url.pathname !== '/reply') return answer(res, 404, { error: 'not found' })
    if (req.method !== 'POST') return answer(res, 405, { error: 'POST only' })
    onReply(req, res).catch((e) => {
      log(`reply endpoint error: ${e?.message ?? e}`)
      if (!res.headersSent) answer(res, 500, { error: 'internal error' })
    })
  })
  const { host, port } = parseListen(listen)
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => { server.off('error', reject); resolve() })
  })
  const boundPort = server.address().port
  log(`listening on http://${host}:${boundPort}/reply, forwarding to ${webhook}`)

  async function stop () {
    if (stopped) return
    stopped = true
    bot.off('message', onMessage)
    stopping.abort()
    await new Promise((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections?.()
    })
    await intake // every message taken so far is on disk
    await Promise.allSettled([...senders.values()])
    log(`stopped; ${queue.size()} message(s) queued in ${path.join(stateDir, 'queue')}`)
  }

  return { stop, port: boundPort }
}

function answer (res, status, body) {
  if (res.headersSent) return
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

function sleep (ms, signal) {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done () { clearTimeout(timer); signal.removeEventListener('abort', done); resolve() }
    signal.addEventListener('abort', done, { once: true })
  })
}
