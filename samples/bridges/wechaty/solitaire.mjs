// Native 接龙 (WeChat's group solitaire, an app message of type 53; ../../../../shared/docs/wechat-protocol.md §5)
// turned into what a ChainBot transcript carries: the chain text (`<title>`) and the `solitaire` member.
// A pure function of the message text, so it is tested on the captures in ../../native-jielong/ and used
// unchanged by the bridge's message handler.

const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** XML character data as text: CDATA sections kept as written, entities decoded. */
export function xmlText (raw) {
  let out = ''
  let rest = raw
  for (;;) {
    const start = rest.indexOf('<![CDATA[')
    if (start < 0) { out += decodeEntities(rest); break }
    out += decodeEntities(rest.slice(0, start))
    const end = rest.indexOf(']]>', start + 9)
    if (end < 0) { out += rest.slice(start + 9); break }
    out += rest.slice(start + 9, end)
    rest = rest.slice(end + 3)
  }
  return out
}

function decodeEntities (s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name] ?? whole
  })
}

/** The raw inner text of the first `<tag>…</tag>` in `xml` (undefined when absent; '' for `<tag />`). */
function element (xml, tag) {
  const open = new RegExp(`<${tag}(\\s[^>]*)?(/?)>`)
  const m = open.exec(xml)
  if (!m) return undefined
  if (m[2] === '/') return ''
  const from = m.index + m[0].length
  const close = xml.indexOf(`</${tag}>`, from)
  if (close < 0) return undefined
  return xml.slice(from, close)
}

function elements (xml, tag) {
  const out = []
  const re = new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g')
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[2])
  return out
}

/**
 * If `content` is a native 接龙 (appmsg type 53), returns `{ text, solitaire }`: `text` the chain as the group
 * sees it (`<title>`), `solitaire` `{ items: [{ range: "start-length", userId, time }] }` with ranges in UTF-16
 * code units into `text` (JavaScript string indices). Otherwise returns null.
 * `content` may start with the sender's id, a colon and a newline, as a personal account receives it.
 */
export function parseNativeSolitaire (content) {
  if (typeof content !== 'string') return null
  const at = content.search(/<(\?xml|msg[\s>])/)
  if (at < 0) return null
  const xml = content.slice(at)
  const appmsg = element(xml, 'appmsg')
  if (appmsg === undefined) return null
  const type = element(appmsg, 'type')
  if (type === undefined || xmlText(type).trim() !== '53') return null
  const titleRaw = element(appmsg, 'title')
  if (titleRaw === undefined) return null
  const text = xmlText(titleRaw)

  const items = []
  const infoRaw = element(appmsg, 'solitaire_info')
  if (infoRaw !== undefined) {
    const info = xmlText(infoRaw) // the CDATA (or escaped) <solitaire> document
    const contentEl = element(info, 'content') ?? info
    for (const i of elements(contentEl, 'i')) {
      if ((element(i, 'h') ?? '').trim() === '1') continue // a header entry, not a household
      const range = (element(i, 'r') ?? '').trim()
      const m = /^(\d+)-(\d+)$/.exec(range)
      if (!m) continue // an entry given as literal text (`c`) has no place in the title
      if (Number(m[1]) + Number(m[2]) > text.length) continue
      const item = { range }
      const userId = xmlText(element(i, 'u') ?? '').trim()
      if (userId) item.userId = userId
      const t = Number((element(i, 't') ?? '').trim())
      if (Number.isInteger(t) && t > 0) item.time = t
      items.push(item)
    }
  }
  return { text, solitaire: { items } }
}
