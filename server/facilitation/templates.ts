// The method templates a server offers: the built-in ones (shared/templates) and, with
// TEMPLATES_DIR, every `*.json` file in that folder, each validated like the built-ins. A template
// is data: a new method needs a JSON file, not code. A bad file stops the server at start-up
// with the file's name and what is wrong, rather than failing in the middle of a workshop.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Template } from '../../shared/model/facilitation.ts'
import { TEMPLATES } from '../../shared/templates/index.ts'

export type Templates = { list: readonly Template[]; byId(id: string): Template | undefined }

export function loadTemplates(dir: string | null | undefined): Templates {
  const list: Template[] = [...TEMPLATES]
  if (dir) {
    let files: string[]
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    } catch (e) {
      throw new Error(`TEMPLATES_DIR: cannot read ${dir}: ${(e as Error).message}`)
    }
    for (const file of files) {
      let raw: unknown
      try {
        raw = JSON.parse(readFileSync(join(dir, file), 'utf8'))
      } catch (e) {
        throw new Error(`TEMPLATES_DIR: ${file} is not JSON: ${(e as Error).message}`)
      }
      const parsed = Template.safeParse(raw)
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')
        throw new Error(`TEMPLATES_DIR: ${file} is not a valid template: ${problems}`)
      }
      if (list.some((t) => t.id === parsed.data.id)) {
        throw new Error(`TEMPLATES_DIR: ${file} uses the id "${parsed.data.id}", which another template already has`)
      }
      list.push(parsed.data)
    }
  }
  return { list, byId: (id) => list.find((t) => t.id === id) }
}
