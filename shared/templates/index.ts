// The template registry, validated once: a bad template is a programming error caught in tests.
import { Template } from '../model/facilitation.ts'
import { appreciativeInquiry } from './appreciativeInquiry.ts'
import { learningCycle } from './learningCycle.ts'
import { placeWorkshop } from './placeWorkshop.ts'
import { teamReflection } from './teamReflection.ts'

export const TEMPLATES: readonly Template[] = [teamReflection, placeWorkshop, appreciativeInquiry, learningCycle].map((t) =>
  Template.parse(t),
)

export const templateById = (id: string): Template | undefined => TEMPLATES.find((t) => t.id === id)
