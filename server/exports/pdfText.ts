// Reads a PDF made by pdf.ts back, structurally: its page count and the text of its pages (standard
// fonts write text as hex WinAnsi strings inside TJ arrays). For tests; not a general PDF parser.
import { inflateSync } from 'node:zlib'

export function pdfPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length
}

export function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf)
  const latin = raw.toString('latin1')
  const out: string[] = []
  const streams = /stream\r?\n/g
  let m: RegExpExecArray | null
  while ((m = streams.exec(latin))) {
    const start = m.index + m[0].length
    const end = latin.indexOf('endstream', start)
    if (end < 0) break
    const bytes = raw.subarray(start, end)
    let content: string
    try {
      content = inflateSync(bytes).toString('latin1')
    } catch {
      content = bytes.toString('latin1')
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      out.push([...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''))
    }
    streams.lastIndex = end
  }
  return out.join('\n')
}
