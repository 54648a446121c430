import type { PayloadRequest } from 'payload'

export type Role = 'admin' | 'editor' | 'partner'

type AccountLike = { collection?: string; role?: Role | null; organiser?: unknown; id?: unknown }

/** A relationship value is an id or, when populated, the document: its id either way. */
export const idOf = (value: unknown): number | string | undefined => {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
  return typeof id === 'number' || typeof id === 'string' ? id : undefined
}

const account = (req: PayloadRequest): AccountLike | undefined => {
  const user = req.user as AccountLike | null | undefined
  return user && user.collection === 'users' ? user : undefined
}

export const roleOf = (req: PayloadRequest): Role | undefined => account(req)?.role ?? undefined

/** The organiser id a partner account acts for (never for editors or admins). */
export const partnerOrganiser = (req: PayloadRequest): number | string | undefined => {
  const user = account(req)
  if (user?.role !== 'partner' || !user.organiser) return undefined
  return idOf(user.organiser)
}

/** A request, or the arguments of an access function (collection or field): the rules below take either. */
type WithRequest = PayloadRequest | { req: PayloadRequest }
const requestOf = (arg: WithRequest): PayloadRequest => ('req' in arg && arg.req ? arg.req : (arg as PayloadRequest))

/** Administrators. */
export const isAdmin = (arg: WithRequest): boolean => roleOf(requestOf(arg)) === 'admin'
/** Editors, and administrators, who may do all that editors may. */
export const isEditor = (arg: WithRequest): boolean => {
  const role = roleOf(requestOf(arg))
  return role === 'admin' || role === 'editor'
}

/** Everybody, also without an account. */
export const anyone = (): boolean => true
/** Nobody through the API; trusted code (the Local API without access control) still may. */
export const nobody = (): boolean => false

/** Read access for what editors manage and everybody may see: editions, organisers, media, assets. */
export const publicContent = {
  read: anyone,
  create: isEditor,
  update: isEditor,
  delete: isEditor,
  readVersions: isEditor,
  unlock: isEditor,
}
