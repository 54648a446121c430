import type { User } from '../payload-types'
import { context, findId, lookup, type Seeder } from './context'
import { organiserBySlug, partnerOrganiserSlug } from './organisers'

export type SeedAccount = {
  email: string
  /** Development password; the seed script refuses to run in production. */
  password: string
  role: User['role']
  name: string
  /** Name of the organisation a partner account acts for. */
  organiser?: string
  /** False when the account already existed: its password may have been changed since. */
  created: boolean
}

/** One account per role, with fixed passwords documented here and printed by `npm run seed`. */
const accounts: Omit<SeedAccount, 'created' | 'organiser'>[] = [
  { email: 'admin@example.nl', password: 'Demo-Admin-2025!', role: 'admin', name: 'Beheerder' },
  { email: 'redactie@example.nl', password: 'Demo-Redactie-2025!', role: 'editor', name: 'Redactie NJi' },
  { email: 'partner@example.nl', password: 'Demo-Partner-2025!', role: 'partner', name: 'Ingrid Brouwer (OBS De Regenboog)' },
]

export type SeededAccounts = { list: SeedAccount[]; ids: Map<User['role'], number> }

export async function seedAccounts(seeder: Seeder, organiserIds: Map<string, number>): Promise<SeededAccounts> {
  const list: SeedAccount[] = []
  const ids = new Map<User['role'], number>()
  for (const account of accounts) {
    const organiser = account.role === 'partner' ? partnerOrganiserSlug : undefined
    let id = await findId(seeder, 'users', { email: { equals: account.email } })
    const created = id === undefined
    if (id === undefined) {
      const user = await seeder.payload.create({
        collection: 'users',
        data: {
          email: account.email,
          password: account.password,
          name: account.name,
          role: account.role,
          organiser: organiser ? lookup(organiserIds, organiser, 'organiser') : undefined,
        },
        depth: 0,
        context,
      })
      id = user.id
      seeder.created.users++
    }
    ids.set(account.role, id)
    list.push({ ...account, organiser: organiser ? organiserBySlug(organiser).name : undefined, created })
  }
  seeder.log(`Accounts: ${list.length} (${seeder.created.users} nieuw)`)
  return { list, ids }
}
