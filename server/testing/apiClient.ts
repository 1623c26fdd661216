// A scripted HTTP client for tests and benchmarks: keeps the session and CSRF cookies like a
// browser does and echoes the CSRF token on state-changing requests.
export type ApiResponse<T = unknown> = { status: number; body: T; headers: Headers }

export class ApiClient {
  private readonly cookies = new Map<string, string>()

  /** `send` may be a Hono app's `request`, to test without a port. */
  constructor(
    readonly baseUrl: string,
    private readonly send: (url: string, init: RequestInit) => Response | Promise<Response> = fetch,
  ) {}

  /** The session token, for `?token=` on sockets. */
  get token(): string | undefined {
    return this.cookies.get('lw_session')
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  /** The same cookies for a browser context (playwright's `addCookies`), scoped to `baseUrl`. */
  browserCookies(): Array<{ name: string; value: string; url: string }> {
    return [...this.cookies].map(([name, value]) => ({ name, value, url: this.baseUrl }))
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    if (method !== 'GET' && !this.cookies.has('lw_csrf')) await this.request('GET', '/api/auth/me')
    const h: Record<string, string> = { ...headers }
    if (this.cookies.size) h.cookie = this.cookieHeader
    if (body !== undefined) h['content-type'] = 'application/json'
    const csrf = this.cookies.get('lw_csrf')
    if (method !== 'GET' && csrf) h['x-csrf-token'] = csrf
    const res = await this.send(this.baseUrl + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) })
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';')
      const [name, ...value] = pair!.split('=')
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a))
      if (expired) this.cookies.delete(name!.trim())
      else this.cookies.set(name!.trim(), value.join('='))
    }
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers }
  }

  async signUp(email: string, displayName = email.split('@')[0]!, password = 'correct horse battery', organisation = 'Test Org') {
    const res = await this.request<{ user: { id: string } }>('POST', '/api/auth/signup', { email, password, displayName, organisation })
    if (res.status !== 201) throw new Error(`sign up ${email}: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body.user
  }

  async createBoard(title = 'Test board', scale = 'team', extra: Record<string, unknown> = {}): Promise<string> {
    const res = await this.request<{ id: string }>('POST', '/api/boards', { title, scale, ...extra })
    if (res.status !== 201) throw new Error(`create board: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body.id
  }
}

let counter = 0
/** A unique email per call within a test run. */
export const uniqueEmail = (who = 'person') => `${who}.${process.pid}.${Date.now()}.${counter++}@example.org`
