// axe-core in the page: inject its source (the context needs bypassCSP, the app's CSP allows
// only its own scripts) and list the violations that matter, with enough detail to fix them.
import axe from 'axe-core'
import type { Page } from 'playwright-core'

export type Violation = {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  nodes: { target: string; html: string; summary: string }[]
}

const SEVERE = new Set(['serious', 'critical'])

/** Violations of impact serious or critical on the page (or under `include`) as it is now. */
export async function severeViolations(
  page: Page,
  options: { include?: string; rules?: string[] } = {},
): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axe.source })
  const violations = await page.evaluate(
    async ({ include, rules }) => {
      type Result = {
        id: string
        impact: string | null
        help: string
        helpUrl: string
        nodes: { target: unknown[]; html: string; failureSummary?: string }[]
      }
      const { axe: a } = window as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Result[] }> }
      }
      const r = await a.run(include ? { include: [[include]] } : document, {
        resultTypes: ['violations'],
        ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}),
      })
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target.map(String).join(' '),
          html: n.html.slice(0, 300),
          summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 400),
        })),
      }))
    },
    { include: options.include ?? null, rules: options.rules ?? null },
  )
  return violations.filter((v) => v.impact !== null && SEVERE.has(v.impact))
}

/** A failure message listing each violation and the elements it was found on. */
export function report(where: string, violations: readonly Violation[]): string {
  if (!violations.length) return `${where}: no serious or critical violations`
  const lines = violations.flatMap((v) => [
    `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
    ...v.nodes.slice(0, 8).map((n) => `    ${n.target}  ${n.html}\n      ${n.summary}`),
    ...(v.nodes.length > 8 ? [`    … and ${v.nodes.length - 8} more`] : []),
  ])
  return `${where}: ${violations.length} serious/critical axe violation(s)\n${lines.join('\n')}`
}
