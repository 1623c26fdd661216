// A half-day place workshop at tables: 1-2-4-All, World Café rounds, then a harvest.
import type { Template, TemplateArea } from '../model/facilitation.ts'

const tables: TemplateArea[] = Array.from({ length: 8 }, (_, i) => ({
  label: `Table ${i + 1}`,
  kind: 'table' as const,
  rect: { x: (i % 4) * 1400, y: Math.floor(i / 4) * 1100, w: 1300, h: 1000 },
}))

export const placeWorkshop: Template = {
  id: 'place-workshop',
  version: 1,
  name: 'Place workshop (half day, tables)',
  description: 'Many organisations at tables: 1-2-4-All, World Café rounds and a harvest that compares how tables read the stories.',
  phases: [
    { id: 'one', name: '1: alone', prompt: 'On your own: write the stories you brought, one per note.', minutes: 5, private: true, voting: false },
    { id: 'two', name: '2: in pairs', prompt: 'In pairs: share and build on each other’s stories.', minutes: 10, private: false, voting: false },
    { id: 'four', name: '4: in fours', prompt: 'In fours: which stories belong together? Make patterns at your table.', minutes: 15, private: false, voting: false },
    { id: 'all', name: 'All', prompt: 'Each table shares its strongest pattern with the room.', minutes: 15, private: false, voting: false },
    { id: 'cafe-1', name: 'World Café round 1', prompt: 'Hosts stay; everyone else moves. What do the patterns at this table say to you?', minutes: 20, private: false, voting: false },
    { id: 'cafe-2', name: 'World Café round 2', prompt: 'Move again. What is missing from this table’s reading?', minutes: 20, private: false, voting: false },
    { id: 'harvest', name: 'Harvest', prompt: 'Compare the tables’ patterns side by side. Where do we read the same stories differently?', minutes: 30, private: false, voting: true },
  ],
  areas: tables,
}
