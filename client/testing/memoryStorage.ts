// A Storage in memory for tests in Node (sessionStorage and localStorage are the browser's).
export class MemoryStorage implements Storage {
  private items = new Map<string, string>()
  get length() {
    return this.items.size
  }
  clear() {
    this.items.clear()
  }
  getItem(k: string) {
    return this.items.get(k) ?? null
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null
  }
  removeItem(k: string) {
    this.items.delete(k)
  }
  setItem(k: string, v: string) {
    this.items.set(k, v)
  }
}
