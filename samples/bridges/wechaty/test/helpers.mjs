// Test helpers: the real ChainBot server (built in Release) on a free port with a temporary SQLite file, and a
// Wechaty bot on the mock puppet with a logged-in "ChainBot" account, contacts and rooms.

import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { WechatyBuilder, types as WECHATY_TYPES } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'

export const here = path.dirname(fileURLToPath(import.meta.url))
export const repoRoot = path.resolve(here, '../../../..')
export const serverDll = path.join(repoRoot, 'src/ChainBot.Server/bin/Release/net10.0/ChainBot.Server.dll')

export function tempDir (prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

export async function freePort () {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `predicate` every 50 ms; rejects after `timeoutMs` naming `what`. */
export async function waitFor (predicate, timeoutMs, what) {
  const until = Date.now() + timeoutMs
  for (;;) {
    if (await predicate()) return
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(50)
  }
}

/** The real ChainBot server; `start()` and `stop()` may be called again (same port, same database). */
export function chainBot ({ port, dbPath, secret, replyUrl }) {
  if (!fs.existsSync(serverDll)) {
    throw new Error(`${serverDll} is missing: run "dotnet build ChainBot.sln -c Release" first`)
  }
  let child = null
  let output = ''
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    output: () => output,
    async start () {
      if (child) return
      child = spawn('dotnet', [serverDll, `--urls=${url}`,
        `--ChainBot:Storage:Sqlite:Path=${dbPath}`,
        `--ChainBot:Channels:Generic:Secret=${secret}`,
        `--ChainBot:Channels:Generic:ReplyUrl=${replyUrl}`], {
        cwd: path.dirname(serverDll),
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, DOTNET_NOLOGO: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' }
      })
      const keep = (chunk) => { output = (output + chunk.toString()).slice(-20000) }
      child.stdout.on('data', keep)
      child.stderr.on('data', keep)
      const me = child
      let exited = false
      me.once('exit', () => { exited = true })
      await waitFor(async () => {
        if (exited) throw new Error(`ChainBot exited while starting:\n${output}`)
        try {
          const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })
          return r.ok
        } catch { return false }
      }, 60000, 'ChainBot /healthz')
    },
    async stop () {
      if (!child) return
      const me = child
      child = null
      if (me.exitCode !== null || me.signalCode !== null) return
      const exited = new Promise((resolve) => me.once('exit', resolve))
      me.kill('SIGTERM')
      const timer = setTimeout(() => me.kill('SIGKILL'), 10000)
      await exited
      clearTimeout(timer)
    }
  }
}

/**
 * A Wechaty bot on the mock puppet, logged in as "ChainBot", and one room with the given members.
 * `members`: [{ id, name }]. `said` collects what the bot says in the room.
 */
export async function mockWorld ({ roomId, topic, members }) {
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  const bot = WechatyBuilder.build({ puppet })
  const errors = []
  bot.on('error', (e) => errors.push(e))
  await bot.start()
  const self = mocker.createContact({ id: 'wxid_chainbot', name: 'ChainBot' })
  mocker.login(self)
  await waitFor(() => bot.isLoggedIn, 10000, 'the mock bot to log in')
  const contacts = new Map()
  for (const m of members) contacts.set(m.id, mocker.createContact({ id: m.id, name: m.name }))
  const room = mocker.createRoom({ id: roomId, topic, memberIdList: [self.id, ...contacts.keys()] })
  const said = []
  room.on('message', (msg) => {
    if (msg.payload.talkerId === self.id) said.push(msg.payload.text)
  })

  return {
    mocker,
    puppet,
    bot,
    room,
    self,
    said,
    errors,
    contact: (id) => contacts.get(id),
    /** A member writes in the room; `mention` @-mentions the bot as WeChat would. */
    say (senderId, text, { mention = false } = {}) {
      const c = contacts.get(senderId)
      if (!c) throw new Error(`no member ${senderId}`)
      c.say(mention ? `@ChainBot\u2005${text}` : text, mention ? [self] : []).to(room)
    },
    /** A raw message as a puppet delivers an app message it does not model (e.g. a native 接龙, appmsg 53). */
    sayRaw (senderId, text, type = WECHATY_TYPES.Message.Unknown) {
      const id = `raw-${Date.now()}-${Math.random().toString(36).slice(2)}`
      mocker.MessageMock.create({ id, talkerId: senderId, roomId, timestamp: Date.now(), type, text, mentionIdList: [] })
      puppet.emit('message', { messageId: id })
      return id
    },
    async stop () { await bot.stop() }
  }
}

/** Reads a transcript (JSON Lines) from samples/transcripts. */
export function transcript (name) {
  return fs.readFileSync(path.join(repoRoot, 'samples/transcripts', name), 'utf8')
    .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))
}

/** Members (id, name) of a transcript's senders. */
export function membersOf (messages) {
  const seen = new Map()
  for (const m of messages) if (!seen.has(m.senderId)) seen.set(m.senderId, { id: m.senderId, name: m.senderName })
  return [...seen.values()]
}

/** The text a member typed for a transcript message (the bot's @-mention written out when it was mentioned). */
export function typed (m) {
  return m.mentioned ? m.text.replace(/^@ChainBot\s*/, '') : m.text
}
