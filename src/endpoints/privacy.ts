import type { Endpoint, PayloadRequest } from 'payload'

import { isAdmin } from '../access/roles'
import { refusal } from '../http/refusal'
import { isWellFormedEmail } from '../fields/validators'
import { applyRetention } from '../privacy/retention'
import { auditErasure, auditLookup, countByKind, erasePersonalData, findPersonalData } from '../privacy/requests'
import { inOneTransaction } from '../db/transaction'

/**
 * The administrators' privacy tools (AVG art. 15 and 17, and the retention periods):
 * - `GET /api/privacy/lookup?email=…`: every place the address occurs;
 * - `POST /api/privacy/erasure` with `{ "email": … }`: erases it there (accounts are listed, not deleted);
 * - `POST /api/privacy/retention/run`: applies the retention periods now.
 * Each is recorded in the audit log, in the same transaction, with the address masked.
 */

function administratorsOnly(req: PayloadRequest, what: string) {
  if (!req.user) throw refusal(401, `Log in als beheerder om ${what}.`)
  if (!isAdmin(req)) throw refusal(403, `Alleen beheerders kunnen ${what}.`)
}

/** The address a request is about, or a 400 naming the field. */
function addressOf(value: unknown): string {
  const given = typeof value === 'string' ? value.trim() : ''
  if (!given) {
    throw refusal(400, 'Vul het e-mailadres in waarover het verzoek gaat.', [{ path: 'email', message: 'Vul het e-mailadres in.' }])
  }
  const check = given.length <= 254 ? isWellFormedEmail(given) : 'Dit e-mailadres is te lang.'
  if (check !== true) throw refusal(400, `Dit is geen geldig e-mailadres. ${check}`, [{ path: 'email', message: check }])
  return given.toLowerCase()
}

const noStore = { 'Cache-Control': 'no-store' }

const lookup: Endpoint = {
  path: '/privacy/lookup',
  method: 'get',
  handler: async (req) => {
    administratorsOnly(req, 'persoonsgegevens opzoeken')
    const email = addressOf(req.searchParams.get('email'))
    const places = await inOneTransaction(req, async () => {
      const found = await findPersonalData(req, email)
      await auditLookup(req, email, found)
      return found
    })
    return Response.json({ email, counts: countByKind(places), places }, { headers: noStore })
  },
}

const erasure: Endpoint = {
  path: '/privacy/erasure',
  method: 'post',
  handler: async (req) => {
    administratorsOnly(req, 'persoonsgegevens wissen')
    let body: unknown
    try {
      body = await req.json?.()
    } catch {
      throw refusal(400, 'Het verzoek kon niet worden gelezen: stuur { "email": … } als JSON.', [{ path: 'email', message: 'Vul het e-mailadres in.' }])
    }
    const email = addressOf((body as { email?: unknown } | null)?.email)
    const result = await inOneTransaction(req, async () => {
      const done = await erasePersonalData(req, email)
      await auditErasure(req, email, done)
      return done
    })
    return Response.json(
      {
        message: 'De persoonsgegevens bij dit e-mailadres zijn gewist. Accounts en instellingen staan onder "kept": die wijzigt een beheerder zelf.',
        erased: result.erased,
        kept: result.kept,
      },
      { headers: noStore },
    )
  },
}

const retentionRun: Endpoint = {
  path: '/privacy/retention/run',
  method: 'post',
  handler: async (req) => {
    administratorsOnly(req, 'de bewaartermijnen toepassen')
    const counts = await inOneTransaction(req, () => applyRetention(req))
    return Response.json({ message: 'De bewaartermijnen zijn toegepast.', counts }, { headers: noStore })
  },
}

export const privacyEndpoints: Endpoint[] = [lookup, erasure, retentionRun]
