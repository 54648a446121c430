import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

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

export const isAdminRequest = (req: PayloadRequest) => roleOf(req) === 'admin'
export const isEditorRequest = (req: PayloadRequest) => roleOf(req) === 'admin' || roleOf(req) === 'editor'

export const anyone: Access = () => true
export const nobody: Access = () => false
export const isAdmin: Access = ({ req }) => isAdminRequest(req)
export const isEditor: Access = ({ req }) => isEditorRequest(req)
export const isLoggedIn: Access = ({ req }) => Boolean(account(req))

export const editorsOnlyField: FieldAccess = ({ req }) => isEditorRequest(req)
export const adminsOnlyField: FieldAccess = ({ req }) => isAdminRequest(req)
export const nobodyField: FieldAccess = () => false

/** Read access for what editors manage and everybody may see: editions, organisers, media, assets. */
export const publicContent = {
  read: anyone,
  create: isEditor,
  update: isEditor,
  delete: isEditor,
  readVersions: isEditor,
  unlock: isEditor,
}

export const whereAll = (...constraints: Where[]): Where => ({ and: constraints })
