// A small queue on disk: one file per message under `dir`, written to a temporary name, fsynced, renamed, and
// the directory fsynced, so a message is either wholly queued or not at all. A file's name starts with a
// sequence number, so the oldest message of a room is always the smallest name; a file is removed once ChainBot
// has acknowledged its message.

import fs from 'node:fs/promises'
import path from 'node:path'

const SEQ_DIGITS = 16

export class DiskQueue {
  constructor (dir) {
    this.dir = dir
    this.seq = 0
    this.entries = new Map() // roomId → [{ file, seq, roomId, msgId, body }] oldest first
  }

  /** Reads what a previous run left; returns the number of queued messages. */
  async open () {
    await fs.mkdir(this.dir, { recursive: true })
    const names = (await fs.readdir(this.dir)).sort()
    let count = 0
    for (const name of names) {
      const full = path.join(this.dir, name)
      if (name.endsWith('.tmp')) { await fs.rm(full, { force: true }); continue }
      if (!name.endsWith('.json')) continue
      let record
      try {
        record = JSON.parse(await fs.readFile(full, 'utf8'))
      } catch {
        continue // unreadable: left where it is, never sent
      }
      const seq = Number(name.slice(0, SEQ_DIGITS))
      if (!Number.isSafeInteger(seq) || typeof record.roomId !== 'string' || typeof record.body !== 'string') continue
      this.seq = Math.max(this.seq, seq)
      this.#push({ file: full, seq, roomId: record.roomId, msgId: record.msgId, body: record.body })
      count++
    }
    return count
  }

  #push (entry) {
    let list = this.entries.get(entry.roomId)
    if (!list) { list = []; this.entries.set(entry.roomId, list) }
    list.push(entry)
  }

  rooms () { return [...this.entries.keys()] }

  /** The oldest message of a room, or undefined. */
  head (roomId) { return this.entries.get(roomId)?.[0] }

  size () {
    let n = 0
    for (const list of this.entries.values()) n += list.length
    return n
  }

  /** Durably adds a message; resolves once it is on disk. */
  async add (roomId, msgId, body) {
    const seq = ++this.seq
    const name = String(seq).padStart(SEQ_DIGITS, '0') + '.json'
    const full = path.join(this.dir, name)
    const tmp = full + '.tmp'
    const handle = await fs.open(tmp, 'w')
    try {
      await handle.writeFile(JSON.stringify({ roomId, msgId, body }))
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(tmp, full)
    await syncDir(this.dir)
    const entry = { file: full, seq, roomId, msgId, body }
    this.#push(entry)
    return entry
  }

  /** Removes an acknowledged message (the room's head). */
  async remove (entry) {
    const list = this.entries.get(entry.roomId)
    const at = list ? list.indexOf(entry) : -1
    if (at >= 0) list.splice(at, 1)
    if (list && list.length === 0) this.entries.delete(entry.roomId)
    await fs.rm(entry.file, { force: true })
    await syncDir(this.dir)
  }
}

export async function syncDir (dir) {
  let handle
  try {
    handle = await fs.open(dir, 'r')
    await handle.sync()
  } catch {
    // some file systems refuse to fsync a directory; the rename is still atomic
  } finally {
    await handle?.close()
  }
}

/** Append-only set of strings on disk, one JSON string a line, fsynced per addition. */
export class DiskSet {
  constructor (file) {
    this.file = file
    this.values = new Set()
  }

  async open () {
    await fs.mkdir(path.dirname(this.file), { recursive: true })
    let text = ''
    try { text = await fs.readFile(this.file, 'utf8') } catch (e) { if (e.code !== 'ENOENT') throw e }
    for (const line of text.split('\n')) {
      if (!line) continue
      try { this.values.add(JSON.parse(line)) } catch { /* a torn last line */ }
    }
  }

  has (value) { return this.values.has(value) }

  async add (value) {
    if (this.values.has(value)) return
    const handle = await fs.open(this.file, 'a')
    try {
      await handle.appendFile(JSON.stringify(value) + '\n')
      await handle.sync()
    } finally {
      await handle.close()
    }
    this.values.add(value)
  }
}
