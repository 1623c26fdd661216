// Home: the boards this person can open, and the form that creates one.
import type { Page } from 'playwright-core'

export class HomePage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async goto(): Promise<this> {
    await this.page.goto(this.baseUrl + '/')
    await this.page.getByRole('heading', { name: 'Your boards' }).waitFor()
    // The list (or the "no boards yet" line) has arrived once the loading line is gone.
    await this.page.getByText('Loading boards…').waitFor({ state: 'detached' })
    return this
  }

  /** Creates a board through the form; resolves with its id once the board page shows it. */
  async createBoard(title: string, scale = 'Team'): Promise<string> {
    await this.page.getByLabel('Title').fill(title)
    await this.page.getByLabel('System scale').selectOption({ label: scale })
    await this.page.getByRole('button', { name: 'Create board' }).click()
    await this.page.waitForURL(/\/b\/[A-Za-z0-9_-]+$/)
    await this.page.getByTestId('board-title').getByText(title).waitFor()
    return new URL(this.page.url()).pathname.split('/').pop()!
  }

  async boardTitles(): Promise<string[]> {
    return this.page.locator('[data-testid=board-list] li .board-title').allTextContents()
  }
}
