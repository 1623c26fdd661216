// The result of Part B, as boardSize.ts reports it.
export type SizeResult = {
  stories: number
  authors: number
  avgTextChars: number
  v1Bytes: number
  v2Bytes: number
  structsPerStory: number
  /** V2 bytes per story of the same board without text or fields: what the schema alone costs. */
  bareBytesPerStory: number
  snapshotBytes: number
  storedBytesPerStory: number
  v1BytesPerStory: number
  sqliteFileBytes: number
  loadMs: { median: number; first: number; runs: number[]; cpuMedian: number }
  applyMs: { median: number; first: number; runs: number[] }
  heapBytesPerStory: number
  heapCopies: number
}
