// The sign-in / create-account screen, as a person uses it.
import type { Page } from 'playwright-core'

export type NewAccount = {
  email: string
  password: string
  displayName: string
  organisation?: string
}

export class SignInPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async goto(): Promise<this> {
    await this.page.goto(this.baseUrl + '/')
    await this.page.getByRole('heading', { name: /sign in|create an account/i }).waitFor()
    return this
  }

  async createAccount(a: NewAccount): Promise<void> {
    await this.page.getByRole('button', { name: 'No account yet? Create one' }).click()
    await this.page.getByLabel('Email').fill(a.email)
    await this.page.getByLabel(/^Password/).fill(a.password)
    await this.page.getByLabel('Your name, as others see it').fill(a.displayName)
    if (a.organisation) await this.page.getByLabel(/^Organisation/).fill(a.organisation)
    await this.page.getByRole('button', { name: 'Create account' }).click()
    await this.signedIn()
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email').fill(email)
    await this.page.getByLabel(/^Password/).fill(password)
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await this.signedIn()
  }

  /** Signed in: the home page lists this person's boards. */
  private async signedIn(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Your boards' }).waitFor()
  }
}
