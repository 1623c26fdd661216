// Every store of the Storage interface over one Kysely instance, whatever the dialect.
import type { Kysely } from 'kysely'
import {
  createAuditStore,
  createInviteStore,
  createMembershipStore,
  createSessionStore,
  createUserStore,
} from './kyselyPeople.ts'
import { createBoardStore, createDocStore } from './kyselyStorage.ts'
import { createVoteStore } from './kyselyVotes.ts'
import { createConditionStore, createLinkStore, createShareStore } from './kyselyCycles.ts'
import { createVersionStore } from './kyselyVersions.ts'
import { createStoryAuthorStore } from './kyselyStoryAuthors.ts'
import type { Database, Dialect } from './schema.ts'
import type { Storage } from './types.ts'

export function createStores(db: Kysely<Database>, dialect: Dialect): Omit<Storage, 'kind' | 'close'> {
  return {
    docs: createDocStore(db, dialect),
    boards: createBoardStore(db),
    users: createUserStore(db),
    sessions: createSessionStore(db),
    memberships: createMembershipStore(db),
    invites: createInviteStore(db),
    audit: createAuditStore(db),
    votes: createVoteStore(db, dialect),
    links: createLinkStore(db),
    conditions: createConditionStore(db),
    shares: createShareStore(db),
    versions: createVersionStore(db),
    storyAuthors: createStoryAuthorStore(db),
  }
}
