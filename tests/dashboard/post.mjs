// Posts transcripts to a running ChainBot's generic webhook, line by line as a bridge would (unsigned: the server
// runs without a secret and takes loopback callers only), then waits until the inbox has processed them.
// Usage: node post.mjs BASE_URL FILE.jsonl [FILE.jsonl …]
import fs from 'node:fs'

const [base, ...files] = process.argv.slice(2)
if (!base || files.length === 0) {
  console.error('usage: node post.mjs BASE_URL FILE.jsonl [FILE.jsonl …]')
  process.exit(2)
}

let posted = 0
for (const file of files) {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue
    const response = await fetch(`${base}/webhook/generic`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: line,
      signal: AbortSignal.timeout(10000)
    })
    if (!response.ok) {
      console.error(`post: ${file}: ${response.status} ${await response.text()}`)
      process.exit(1)
    }
    posted++
  }
}

// Processed when the inbox holds nothing pending; bounded, like every wait here.
const until = Date.now() + 60000
for (;;) {
  const ready = await (await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(5000) })).json()
  if (ready.pendingMessages === 0) break
  if (Date.now() > until) {
    console.error(`post: the inbox still holds ${ready.pendingMessages} messages after 60 s`)
    process.exit(1)
  }
  await new Promise((resolve) => setTimeout(resolve, 100))
}
console.log(`post: ${posted} messages posted and processed`)
