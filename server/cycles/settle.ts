// Work that should run once a board has been quiet for a moment (a burst of edits is one refresh):
// one timer per board, restarted by every change, cleared on stop.
export class Settle {
  private readonly timers = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly ms: number,
    private readonly run: (boardId: string) => Promise<void>,
    private readonly failed: (boardId: string, error: Error) => void,
  ) {}

  changed(boardId: string): void {
    clearTimeout(this.timers.get(boardId))
    const timer = setTimeout(() => {
      this.timers.delete(boardId)
      this.run(boardId).catch((e: unknown) => this.failed(boardId, e as Error))
    }, this.ms)
    timer.unref()
    this.timers.set(boardId, timer)
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t)
    this.timers.clear()
  }
}
