import { call } from './http'

/** The accounts and content the load works with, made through the REST API of a fresh server. */
export type Account = { id: number; token: string }
export type World = { base: string; edition: number; organiser: number; admin: Account; editors: Account[]; partners: Account[] }

const password = 'Soak-wachtwoord-2026!'

/** What the REST API answers to a create, a login and the first registration. */
type Created = { doc: { id: number }; user: { id: number }; token: string }

async function created(base: string, path: string, body: unknown, token?: string): Promise<Created> {
  const answer = await call(base, 'POST', path, { body, token })
  if (answer.status !== 201 && answer.status !== 200) throw new Error(`POST ${path} answered ${answer.status}: ${answer.text}`)
  return JSON.parse(answer.text) as Created
}

async function account(base: string, admin: string, role: 'editor' | 'partner', n: number, organiser?: number): Promise<Account> {
  const email = `${role}-${n}-${Date.now().toString(36)}@soak.test`
  const { doc } = await created(base, 'users', { email, password, name: `${role} ${n}`, role, organiser }, admin)
  const login = await created(base, 'users/login', { email, password })
  return { id: doc.id, token: login.token }
}

export async function prepareWorld(base: string, options: { editors?: number; partners?: number } = {}): Promise<World> {
  const first = await created(base, 'users/first-register', {
    email: `beheer-${Date.now().toString(36)}@soak.test`,
    password,
    name: 'Beheerder',
    role: 'admin',
  })
  const admin: Account = { id: first.user.id, token: first.token }
  const now = Date.now()
  const day = 86_400_000
  const { doc: organiser } = await created(base, 'organisers', { name: 'GGD Soak', kind: 'school' }, admin.token)
  const { doc: edition } = await created(
    base,
    'editions',
    {
      year: 2090,
      theme: 'Praat met elkaar',
      startDate: '2090-11-13T00:00:00.000Z',
      endDate: '2090-11-19T00:00:00.000Z',
      submissions: {
        opensAt: new Date(now - day).toISOString(),
        closesAt: new Date(now + 365 * day).toISOString(),
        listedFrom: new Date(now - day).toISOString(),
      },
    },
    admin.token,
  )
  const editors: Account[] = []
  const partners: Account[] = []
  for (let i = 0; i < (options.editors ?? 2); i++) editors.push(await account(base, admin.token, 'editor', i))
  for (let i = 0; i < (options.partners ?? 3); i++) partners.push(await account(base, admin.token, 'partner', i, organiser.id))
  return { base, edition: edition.id, organiser: organiser.id, admin, editors, partners }
}
