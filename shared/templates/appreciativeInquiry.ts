// Appreciative Inquiry 4-D: Discover, Dream, Design, Destiny.
import type { Template } from '../model/facilitation.ts'

const column = (label: string, i: number) => ({ label, kind: 'column' as const, rect: { x: i * 1300, y: 0, w: 1200, h: 2400 } })

export const appreciativeInquiry: Template = {
  id: 'appreciative-inquiry',
  version: 1,
  name: 'Appreciative Inquiry 4-D',
  description: 'Start from what works: discover, dream, design, destiny.',
  phases: [
    { id: 'discover', name: 'Discover', prompt: 'Tell a story of a time this work was at its best.', minutes: 20, private: true, voting: false },
    { id: 'dream', name: 'Dream', prompt: 'What could be, if those moments were the norm?', minutes: 20, private: false, voting: false },
    { id: 'design', name: 'Design', prompt: 'What would need to be true? Which conditions enable it?', minutes: 25, private: false, voting: true },
    { id: 'destiny', name: 'Destiny', prompt: 'What will we do, and what do we ask of the system?', minutes: 20, private: false, voting: false },
  ],
  areas: ['Discover', 'Dream', 'Design', 'Destiny'].map(column),
}
