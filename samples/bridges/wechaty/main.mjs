#!/usr/bin/env node
// Runs ChainBot's Wechaty bridge with a real WeChat account. Settings come from the environment:
//   WECHATY_PUPPET                 the puppet package, e.g. wechaty-puppet-service (install it beside wechaty)
//   WECHATY_PUPPET_SERVICE_TOKEN   the puppet service token, when the puppet needs one
//   CHAINBOT_URL                   ChainBot's base URL, e.g. http://127.0.0.1:5080
//   CHAINBOT_SECRET                ChainBot:Channels:Generic:Secret
//   BRIDGE_LISTEN                  host:port for the reply endpoint (default 127.0.0.1:5081);
//                                  ChainBot:Channels:Generic:ReplyUrl is http://<that>/reply
//   BRIDGE_ROOMS                   optional: room topics or ids to serve, separated by commas or new lines
//   BRIDGE_STATE_DIR               optional: where the queue lives (default ./state)
import { WechatyBuilder } from 'wechaty'
import { startBridge } from './bridge.mjs'

function required (name) {
  const value = process.env[name]
  if (!value) {
    process.stderr.write(`chainbot-bridge: ${name} is not set\n`)
    process.exit(1)
  }
  return value
}

const serverUrl = required('CHAINBOT_URL')
const secret = required('CHAINBOT_SECRET')
const listen = process.env.BRIDGE_LISTEN || '127.0.0.1:5081'
const stateDir = process.env.BRIDGE_STATE_DIR || './state'
const rooms = (process.env.BRIDGE_ROOMS || '').split(/[,\n]/).map((s) => s.trim()).filter(Boolean)

const options = { name: 'chainbot-bridge' }
if (process.env.WECHATY_PUPPET) options.puppet = process.env.WECHATY_PUPPET
if (process.env.WECHATY_PUPPET_SERVICE_TOKEN) options.puppetOptions = { token: process.env.WECHATY_PUPPET_SERVICE_TOKEN }
const bot = WechatyBuilder.build(options)

bot.on('scan', (qrcode, status) => {
  process.stderr.write(`chainbot-bridge: scan to log in (status ${status}): https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}\n`)
})
bot.on('login', (user) => process.stderr.write(`chainbot-bridge: logged in as ${user.id}\n`))
bot.on('logout', (user) => process.stderr.write(`chainbot-bridge: logged out ${user.id}\n`))
bot.on('error', (e) => process.stderr.write(`chainbot-bridge: wechaty error: ${e?.message ?? e}\n`))

const bridge = await startBridge({ bot, serverUrl, secret, listen, stateDir, rooms })
await bot.start()

let stopping = false
async function shutdown (signal) {
  if (stopping) return
  stopping = true
  process.stderr.write(`chainbot-bridge: ${signal}, stopping\n`)
  await bridge.stop()
  await bot.stop()
  process.exit(0)
}
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('SIGTERM', () => shutdown('SIGTERM'))
