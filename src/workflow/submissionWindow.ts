import type { PayloadRequest } from 'payload'

import { idOf } from '../access/roles'

type Window = { opensAt?: string | null; closesAt?: string | null }

/** An edition takes submissions between `opensAt` and `closesAt`; an unset end is open. */
export const windowIsOpen = (window: Window | null | undefined, now = new Date()): boolean => {
  if (window?.opensAt && now < new Date(window.opensAt)) return false
  if (window?.closesAt && now > new Date(window.closesAt)) return false
  return true
}

export async function editionWindowIsOpen(req: PayloadRequest, edition: unknown): Promise<boolean> {
  const id = idOf(edition)
  if (id === undefined) return true
  const doc = await req.payload.findByID({
    collection: 'editions',
    id,
    depth: 0,
    select: { submissions: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  return windowIsOpen(doc?.submissions)
}
