// The XML → { text, solitaire } conversion on the two native 接龙 captures, and the bridge's small pure helpers.

import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { isoWithOffset, sign, stripSelfMention, verify } from '../bridge.mjs'
import { parseNativeSolitaire } from '../solitaire.mjs'
import { repoRoot } from './helpers.mjs'

const capture = (name) => fs.readFileSync(path.join(repoRoot, 'samples/native-jielong', name), 'utf8')
const slice = (text, range) => {
  const [start, length] = range.split('-').map(Number)
  return text.substr(start, length)
}

test('type53-v1: the title as text, three entries with their authors and times', () => {
  const r = parseNativeSolitaire(capture('type53-v1.xml'))
  assert.ok(r)
  assert.ok(r.text.startsWith('#接龙\n4月19日 天山三村 12号楼 蔬菜包团购🥬\n'))
  assert.ok(r.text.endsWith('3. 12号 903 陈先生 1包'))
  assert.deepEqual(r.solitaire.items.map((i) => [i.userId, i.time, slice(r.text, i.range)]), [
    ['wxid_wangayi12', 1650330000, '12号 301 王阿姨 1包'],
    ['wxid_li1502', 1650330360, '12号 1502 李 2包\n（放门口就行）'],
    ['wxid_chen0903', 1650331020, '12号 903 陈先生 1包']
  ])
})

test('type53-v2: the edit and the two new entries, ranges in UTF-16 code units past an emoji', () => {
  const r = parseNativeSolitaire(capture('type53-v2.xml'))
  assert.deepEqual(r.solitaire.items.map((i) => [i.userId, i.time, slice(r.text, i.range)]), [
    ['wxid_wangayi12', 1650330000, '12号 301 王阿姨 1包'],
    ['wxid_li1502', 1650332400, '12号 1502 李 3包\n（放门口就行）'],
    ['wxid_chen0903', 1650331020, '12号 903 陈先生 1包'],
    ['wxid_zhou0702', 1650333000, '12号 702 周🌸 两包'],
    ['wxid_volunteer12', 1650333600, '（代）12号 204 刘奶奶 1包']
  ])
  assert.deepEqual(Object.keys(r.solitaire.items[0]), ['range', 'userId', 'time'])
})

test('without the sender prefix, with escaped solitaire_info, and not a 接龙', () => {
  const raw = capture('type53-v1.xml').replace(/^[^\n]*\n/, '')
  assert.equal(parseNativeSolitaire(raw).solitaire.items.length, 3)
  const escaped = raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/, (_, x) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
  assert.deepEqual(parseNativeSolitaire(escaped), parseNativeSolitaire(raw))
  assert.equal(parseNativeSolitaire('12号 301 王阿姨 1包'), null)
  assert.equal(parseNativeSolitaire(raw.replace('<type>53</type>', '<type>5</type>')), null)
})

test('signatures, self-mentions and times', () => {
  const body = Buffer.from('{"a":1}')
  const now = 1700000000
  const sig = sign('s', String(now), body)
  assert.match(sig, /^sha256=[0-9a-f]{64}$/)
  assert.ok(verify('s', String(now), sig, body, now))
  assert.ok(verify('s', String(now), sig, body, now + 300))
  assert.ok(!verify('s', String(now), sig, body, now + 301))
  assert.ok(!verify('t', String(now), sig, body, now))
  assert.ok(!verify('s', String(now), sig.toUpperCase(), body, now))
  assert.ok(!verify('s', undefined, sig, body, now))
  assert.equal(stripSelfMention('@ChainBot\u2005统计', ['ChainBot']), '统计')
  assert.equal(stripSelfMention('@ChainBot 统计', ['ChainBot', undefined]), '统计')
  assert.equal(stripSelfMention('统计 @王阿姨 ', ['ChainBot']), '统计 @王阿姨 ')
  assert.match(isoWithOffset(new Date()), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/)
  assert.equal(new Date(isoWithOffset(new Date(1650330000000))).getTime(), 1650330000000)
})
