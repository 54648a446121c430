import fc from 'fast-check'
import { createLocalReq, type FlattenedField, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Activity, Edition, Organiser, User } from '../src/payload-types'
import { isWellFormedEmail } from '../src/fields/validators'
import { type ActivityStatus, type Actor, checkTransition, partnerEditableStatuses } from '../src/workflow/activityWorkflow'
import { api, payload as getTestPayload } from './helpers/api'
import { freshClientAddress, makeOpenEdition, makeOrganiser, makeUser } from './helpers/fixtures'

// Property: whatever create or update body a partner, an editor or the public form sends for an
// activity, the answer is never a 5xx; an accepted activity reads back as sent and passes the
// collection's own validation; a refused one left no row, no version and no history.
//
// Bodies start from a valid activity, derived from the collection's fields (options, lengths) and
// rules (dates in the edition and in order, a place or a link per location mode, a contact), and
// get zero, one or a few mutations. A body without mutations must be accepted; a body with a
// mutation the rules refuse must be refused. FUZZ_SEED=<n> varies the run; a failure prints its seed.

const seed = Number(process.env.FUZZ_SEED ?? 20261123)
const numRuns = Number(process.env.FUZZ_RUNS ?? 100)

type Role = 'partner' | 'editor'
type Body = Record<string, any>

let payload: Payload
let edition: Edition
let organiser: Organiser
let otherOrganiser: Organiser
let fields: FlattenedField[]
let validationReq: PayloadRequest
const accounts = {} as Record<Role, { user: User; token: string }>

beforeAll(async () => {
  payload = await getTestPayload()
  process.env.PUBLIC_SUBMISSION_LIMIT_PER_HOUR = '100000'
  edition = await makeOpenEdition(payload)
  organiser = await makeOrganiser(payload)
  otherOrganiser = await makeOrganiser(payload)
  accounts.partner = await makeUser(payload, 'partner', organiser)
  accounts.editor = await makeUser(payload, 'editor')
  fields = payload.collections.activities.config.flattenedFields
  validationReq = await createLocalReq({ user: { ...accounts.editor.user, collection: 'users' } as never }, payload)
})

// ---------------------------------------------------------------------------------------------
// The schema, as the collection defines it

/** A field of the activities schema by path, such as `location.province`. */
function field(path: string): FlattenedField {
  let current = fields
  let found: FlattenedField | undefined
  for (const name of path.split('.')) {
    found = current.find((candidate) => candidate.name === name)
    if (!found) throw new Error(`No field ${path}`)
    current = 'flattenedFields' in found ? found.flattenedFields : []
  }
  return found!
}

const optionsOf = (path: string): string[] => {
  const f = field(path)
  return f.type === 'select' || f.type === 'radio' ? f.options.map((o) => (typeof o === 'string' ? o : o.value)) : []
}
const maxLengthOf = (path: string): number | undefined => {
  const f = field(path)
  return 'maxLength' in f && typeof f.maxLength === 'number' ? f.maxLength : undefined
}
const statuses = () => optionsOf('status') as ActivityStatus[]

// ---------------------------------------------------------------------------------------------
// Valid bodies

const realistic = [
  'Ouderavond: praten over opvoeden',
  "Café Zoë in 's-Hertogenbosch",
  'Training meldcode – stap 1 t/m 5',
  '🙂 Kinderen aan het woord',
  '<script>alert(1)</script>',
  "Robert'); DROP TABLE activities;--",
  'Ṫëśt ﷽ עברית 中文',
]

/** Text that fits the field: empty never, longer than its maxLength never, NUL never. */
const text = (path: string) => {
  const max = maxLengthOf(path) ?? 300
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.constantFrom(...realistic) },
      { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: Math.min(max, 60) }) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(Math.floor(max / 4), 30) }) },
      { weight: 1, arbitrary: fc.string({ minLength: Math.max(1, max - 3), maxLength: max }) },
    )
    .filter((s) => s.length >= 1 && s.length <= max && !s.includes('\u0000'))
}

const url = fc.oneof(
  fc.webUrl({ validSchemes: ['https', 'http'], withQueryParameters: true }),
  fc.constantFrom('https://meet.example.nl/bijeenkomst', 'https://www.voorbeeld.nl/aanmelden?week=2030'),
)
const postalCode = fc
  .tuple(fc.integer({ min: 1000, max: 9999 }), fc.constantFrom(' ', ''), fc.constantFrom('AB', 'xy', 'Zz', 'KL'))
  .map(([digits, space, letters]) => `${digits}${space}${letters}`)
const email = fc.oneof(fc.constantFrom('sanne@example.nl', 'j.de-vries+wtk@ggd.regio.nl'), fc.emailAddress()).filter((e) => isWellFormedEmail(e) === true)
const phone = fc.oneof(fc.constantFrom('030-1234567', '+31 30 123 4567', '0800-2000', '(010) 123 45 67'), fc.stringMatching(/^0\d{9}$/))
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 3 })

const HOUR = 3_600_000
/** A start inside the edition's week, and an end on the same day or none. */
const dates = () => {
  const start = Date.parse(edition.startDate)
  const end = Date.parse(edition.endDate) + 24 * HOUR - 1
  return fc
    .record({ startsAt: fc.integer({ min: start, max: end - 8 * HOUR }), length: optional(fc.integer({ min: 0, max: 8 * HOUR })) })
    .map(({ startsAt, length }) => ({
      startsAt: new Date(startsAt).toISOString(),
      endsAt: length === undefined ? undefined : new Date(startsAt + length).toISOString(),
    }))
}

const place = () =>
  fc.record(
    {
      venue: text('location.venue'),
      address: fc.constantFrom('Catharijnesingel 47', 'Markt 1', 'Stationsplein 12-bis'),
      postalCode,
      city: fc.constantFrom('Utrecht', 'Zwolle', "'s-Hertogenbosch", 'Den Haag', 'Leeuwarden'),
      province: fc.constantFrom(...optionsOf('location.province')),
    },
    { requiredKeys: ['city', 'province'] },
  )

const location = () =>
  fc
    .constantFrom(...optionsOf('location.mode'))
    .chain((mode) =>
      fc
        .record({ p: place(), onlineUrl: url })
        .map(({ p, onlineUrl }) => (mode === 'online' ? { mode, onlineUrl } : mode === 'on-site' ? { mode, ...p } : { mode, ...p, onlineUrl })),
    )

const registration = () =>
  fc.record({ url: optional(url), isFree: fc.boolean(), costNote: text('registration.costNote') }).map(({ url, isFree, costNote }) => ({
    ...(url === undefined ? {} : { url }),
    isFree,
    ...(isFree ? {} : { costNote }),
  }))

const contact = () => fc.record({ name: text('contact.name'), email, phone }, { requiredKeys: ['name', 'email'] })

/** A body the rules accept, for `role` (the public form sends no organiser and no status). */
const validActivity = (role: Role | 'public') =>
  fc
    .record(
      {
        title: text('title'),
        summary: text('summary'),
        format: fc.constantFrom(...optionsOf('format')),
        audiences: fc.subarray(optionsOf('audiences')),
        themes: fc.subarray(optionsOf('themes')),
        dates: dates(),
        location: location(),
        registration: registration(),
        contact: contact(),
        status: fc.constantFrom<ActivityStatus | undefined>(
          ...((role === 'editor' ? [undefined, 'draft', 'submitted', 'approved'] : role === 'partner' ? [undefined, 'draft', 'submitted'] : [undefined]) as (
            ActivityStatus | undefined
          )[]),
        ),
      },
      { requiredKeys: ['title', 'format', 'dates', 'location', 'contact', 'status'] },
    )
    .map(({ dates, status, ...rest }) => {
      const body: Body = { ...rest, ...dates, edition: edition.id }
      if (dates.endsAt === undefined) delete body.endsAt
      if (status !== undefined) body.status = status
      if (role === 'editor') body.organiser = organiser.id
      return body
    })

// ---------------------------------------------------------------------------------------------
// Mutations

type Context = { role: Role | 'public'; op: 'create' | 'update' }
/** `refuse`: the rules refuse any body with this mutation (on create); `either`: they may not. */
type Expectation = 'refuse' | 'either'
type Mutation = { name: string; expect: (ctx: Context) => Expectation; apply: (body: Body, ctx: Context) => void }

const refuse = () => 'refuse' as const
const either = () => 'either' as const

function groupOf(body: Body, path: string): [Body, string] {
  const parts = path.split('.')
  let target = body
  for (const part of parts.slice(0, -1)) {
    if (!target[part] || typeof target[part] !== 'object' || Array.isArray(target[part])) target[part] = {}
    target = target[part]
  }
  return [target, parts[parts.length - 1]]
}
const set = (body: Body, path: string, value: unknown) => {
  const [target, key] = groupOf(body, path)
  // `__proto__` as JSON sends it: an own key, not the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}
/** On create a missing field; on update (where missing means "unchanged") an emptied one. */
const remove = (body: Body, path: string, ctx: Context) => {
  const [target, key] = groupOf(body, path)
  if (ctx.op === 'create') delete target[key]
  else target[key] = null
}

const requiredPaths = ['title', 'format', 'startsAt', 'edition', 'location.mode', 'contact.name', 'contact.email']
const textPaths = ['title', 'summary', 'location.venue', 'location.address', 'location.city', 'contact.name', 'registration.costNote']
const boundedPaths = ['title', 'summary', 'contact.name']
const unboundedPaths = ['location.venue', 'location.address', 'location.city']

const junk = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom('{}', '[]', "'); select pg_sleep(1)--"),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
)

const mutation = (ctx: Context): fc.Arbitrary<Mutation> =>
  fc.oneof(
    // A required field missing or empty.
    fc.constantFrom(...requiredPaths, ...(ctx.role === 'editor' && ctx.op === 'create' ? ['organiser'] : [])).map((path) => ({
      name: `missing ${path}`,
      expect: refuse,
      apply: (body: Body) => remove(body, path, ctx),
    })),
    fc.constantFrom('title', 'contact.name', 'contact.email').map((path) => ({
      name: `empty ${path}`,
      expect: refuse,
      apply: (body: Body) => set(body, path, ''),
    })),
    fc.constantFrom('location', 'contact').map((path) => ({
      name: `no ${path} group`,
      expect: () => (ctx.op === 'create' ? 'refuse' : 'either'),
      apply: (body: Body) => (ctx.op === 'create' ? delete body[path] : undefined),
    })),
    // Values of the wrong type, for every kind of field.
    fc
      .tuple(fc.constantFrom(...textPaths, 'format', 'startsAt', 'endsAt', 'edition', 'location.province', 'registration.isFree', 'audiences'), junk)
      .map(([path, value]) => ({
        name: `wrong type ${path}=${JSON.stringify(value)}`,
        // A number can be a date or an id, and `[]` an empty choice; a boolean, a list or an object is no text, date or id.
        expect: () =>
          (typeof value === 'boolean' && path !== 'registration.isFree') ||
          (Array.isArray(value) && (value.length > 0 || !['audiences', 'location.province'].includes(path))) ||
          (typeof value === 'object' && value !== null && !Array.isArray(value))
            ? 'refuse'
            : 'either',
        apply: (body: Body) => set(body, path, value),
      })),
    fc.tuple(fc.constantFrom('location', 'contact', 'registration'), fc.constantFrom<unknown>('Utrecht', null, 12, [])).map(([path, value]) => ({
      name: `${path} group as ${JSON.stringify(value)}`,
      expect: () => (path === 'registration' && value === null ? 'either' : 'refuse'),
      apply: (body: Body) => set(body, path, value),
    })),
    // Out of range.
    fc.tuple(fc.constantFrom(...boundedPaths), fc.integer({ min: 1, max: 5000 })).map(([path, extra]) => ({
      name: `${path} ${extra} over its maxLength`,
      expect: refuse,
      apply: (body: Body) => set(body, path, 'x'.repeat((maxLengthOf(path) ?? 0) + extra)),
    })),
    fc.tuple(fc.constantFrom(...unboundedPaths), fc.integer({ min: 1000, max: 20_000 })).map(([path, size]) => ({
      name: `huge ${path} (${size})`,
      expect: either,
      apply: (body: Body) => set(body, path, 'Lange naam '.repeat(size / 10)),
    })),
    fc
      .tuple(fc.constantFrom(...textPaths, 'location.onlineUrl', 'contact.email', 'contact.phone'), fc.constantFrom('\u0000', 'a\u0000b', 'ok\u0000'))
      .map(([path, value]) => ({
        name: `NUL in ${path}`,
        expect: refuse,
        apply: (body: Body) => set(body, path, value),
      })),
    // Dates in the wrong order, not dates, or far from the edition (no rule against the latter).
    fc.integer({ min: 1, max: 30 * 24 * HOUR }).map((before) => ({
      name: `endsAt ${before} ms before startsAt`,
      expect: refuse,
      apply: (body: Body) => {
        const start = Date.parse(edition.startDate) + 36 * HOUR
        body.startsAt = new Date(start).toISOString()
        body.endsAt = new Date(start - before).toISOString()
      },
    })),
    fc.tuple(fc.constantFrom('startsAt', 'endsAt'), fc.constantFrom('morgen', '2030-13-45', '', 'NaN')).map(([path, value]) => ({
      name: `${path}=${JSON.stringify(value)}`,
      expect: () => (path === 'startsAt' ? 'refuse' : value === '' ? 'either' : 'refuse'),
      apply: (body: Body) => set(body, path, value),
    })),
    fc.constantFrom('1999-11-18T10:00:00.000Z', '2999-01-01T00:00:00.000Z').map((startsAt) => ({
      name: `startsAt far outside the edition (${startsAt})`,
      expect: either,
      apply: (body: Body) => {
        body.startsAt = startsAt
        delete body.endsAt
        if (ctx.op === 'update') body.endsAt = null
      },
    })),
    // Options that do not exist.
    fc
      .tuple(
        fc.constantFrom('format', 'location.mode', 'location.province', 'audiences', 'themes'),
        fc.constantFrom('party', 'Utrecht', 'bayern', 'ONLINE', ' meeting'),
      )
      .map(([path, value]) => ({
        name: `invalid option ${path}=${value}`,
        expect: refuse,
        apply: (body: Body) => set(body, path, path === 'audiences' || path === 'themes' ? [...optionsOf(path).slice(0, 1), value] : value),
      })),
    // References to nothing, or not references at all.
    fc.tuple(fc.constantFrom('edition', 'organiser'), fc.constantFrom<unknown>(999_999, -1, 0, 1.5, 'abc', '12abc', { id: 'x' })).map(([path, value]) => ({
      name: `bad relationship ${path}=${JSON.stringify(value)}`,
      // The public form picks the organiser itself: what it is sent there is ignored or looked up.
      expect: () => (path === 'organiser' && ctx.role === 'public' ? 'either' : 'refuse'),
      apply: (body: Body) => set(body, path, value),
    })),
    // The rules of the location modes.
    fc.constantFrom('city', 'province', 'onlineUrl', 'badUrl', 'badPostalCode').map((rule) => ({
      name: `location rule ${rule}`,
      expect: refuse,
      apply: (body: Body) => {
        const mode = rule === 'onlineUrl' || rule === 'badUrl' ? 'online' : 'on-site'
        const [target] = groupOf(body, 'location.mode')
        Object.assign(target, { mode, city: 'Utrecht', province: 'utrecht', onlineUrl: 'https://meet.example.nl/x' })
        if (rule === 'city') target.city = ctx.op === 'create' ? undefined : null
        if (rule === 'province') target.province = null
        if (rule === 'onlineUrl') target.onlineUrl = ''
        if (rule === 'badUrl') target.onlineUrl = 'javascript:alert(1)'
        if (rule === 'badPostalCode') target.postalCode = '0000 XX'
      },
    })),
    fc
      .tuple(
        fc.constantFrom('contact.email', 'contact.phone', 'registration.url'),
        fc.constantFrom('sanne.example.nl', 'a b@c.nl', '12', 'ftp://x.nl/y', 'www.voorbeeld.nl'),
      )
      .map(([path, value]) => ({
        name: `malformed ${path}=${value}`,
        expect: () => (path === 'contact.phone' && value === '12' ? 'refuse' : path === 'registration.url' && value.includes('@') ? 'either' : 'refuse'),
        apply: (body: Body) => set(body, path, value),
      })),
    // Fields the schema does not have, and fields nobody writes.
    fc
      .constantFrom('foo', 'location.extra', '__proto__', 'constructor', 'id', 'createdAt', '_status', 'slug', 'publicSubmission', 'submittedAt', 'submittedBy')
      .map((path) => ({
        name: `extra ${path}`,
        // A partner setting the submitter or the submission date is told so; for others they are dropped.
        expect: () => (ctx.role === 'partner' && (path === 'submittedAt' || path === 'submittedBy') ? 'refuse' : 'either'),
        apply: (body: Body) =>
          set(
            body,
            path,
            path === 'publicSubmission'
              ? { confirmedAt: '2030-01-01T00:00:00.000Z', ipHash: 'x' }
              : path === 'submittedBy'
                ? accounts.editor.user.id
                : path === 'submittedAt' || path === 'createdAt'
                  ? '2001-01-01T00:00:00.000Z'
                  : path === 'id'
                    ? 424_242
                    : path === '_status'
                      ? 'draft'
                      : path === '__proto__'
                        ? { status: 'approved' }
                        : 'x',
          ),
      })),
    // Decisions that are not the caller's.
    fc.constantFrom(...statuses()).map((status) => ({
      name: `status ${status}`,
      expect: () =>
        ctx.op === 'create' &&
        ctx.role === 'partner' &&
        status !== 'draft' &&
        !checkTransition({ from: 'draft', to: status, actor: 'partner', windowOpen: true }).ok
          ? 'refuse'
          : 'either',
      apply: (body: Body) => set(body, 'status', status),
    })),
    fc.tuple(fc.constantFrom('review.feedback', 'review.internalNotes'), text('review.feedback')).map(([path, value]) => ({
      name: `${path} set`,
      expect: () => (ctx.role === 'partner' ? 'refuse' : 'either'),
      apply: (body: Body) => set(body, path, value),
    })),
    fc.constant({
      name: 'another organisation',
      expect: () => (ctx.role === 'partner' ? 'refuse' : 'either'),
      apply: (body: Body) => set(body, 'organiser', otherOrganiser.id),
    }),
  )

/** Mostly none, often one, sometimes a few mutations. */
const mutations = (ctx: Context) =>
  fc.oneof(
    { weight: 9, arbitrary: fc.constant([] as Mutation[]) },
    { weight: 6, arbitrary: fc.array(mutation(ctx), { minLength: 1, maxLength: 1 }) },
    { weight: 3, arbitrary: fc.array(mutation(ctx), { minLength: 2, maxLength: 3 }) },
  )

const mutated = (base: Body, applied: Mutation[], ctx: Context) => {
  const body = structuredClone(base)
  for (const m of applied) m.apply(body, ctx)
  return body
}
const mustRefuse = (applied: Mutation[], ctx: Context) => applied.some((m) => m.expect(ctx) === 'refuse')
const describeBody = (body: Body, applied: Mutation[]) =>
  `mutations: ${applied.map((m) => m.name).join('; ') || 'none'}\nbody: ${JSON.stringify(body).slice(0, 600)}`

// ---------------------------------------------------------------------------------------------
// Reading back

/** The collection's own validation (with Payload's conditions) applied to a stored activity. */
async function violations(doc: Activity): Promise<string[]> {
  const problems: string[] = []
  const walk = async (list: FlattenedField[], siblingData: Record<string, unknown>, prefix: string) => {
    for (const f of list) {
      if (!('name' in f)) continue
      const condition = f.admin?.condition
      if (condition && !condition(doc, siblingData, { user: validationReq.user, operation: 'update', path: [], blockData: undefined } as never)) continue
      const value = siblingData[f.name]
      if ('validate' in f && typeof f.validate === 'function') {
        const result = await f.validate(
          value as never,
          {
            ...(f as object),
            id: doc.id,
            collectionSlug: 'activities',
            data: doc,
            siblingData,
            event: 'submit',
            operation: 'update',
            overrideAccess: true,
            path: [...prefix.split('.').filter(Boolean), f.name],
            preferences: { fields: {} },
            previousValue: value,
            req: validationReq,
          } as never,
        )
        if (result !== true) problems.push(`${prefix}${f.name}: ${String(result)}`)
      }
      if (f.type === 'group' || f.type === 'tab') await walk(f.flattenedFields, (value ?? {}) as Record<string, unknown>, `${prefix}${f.name}.`)
    }
  }
  await walk(fields, doc as unknown as Record<string, unknown>, '')
  return problems
}

const emptyish = (value: unknown) => value === undefined || value === null || value === ''
const normalise = (f: FlattenedField, value: unknown): unknown => {
  if (emptyish(value)) return null
  if (f.type === 'date') return new Date(value as string).toISOString()
  if (f.type === 'relationship') return Number(typeof value === 'object' ? (value as { id: unknown }).id : value)
  if (f.type === 'select' && f.hasMany) return Array.isArray(value) && value.length === 0 ? null : value
  return value
}

/** Fields the caller writes as content; status, organiser and the rest follow the rules checked elsewhere. */
const contentFields = ['title', 'summary', 'format', 'audiences', 'themes', 'startsAt', 'endsAt', 'location', 'registration', 'contact', 'edition']

/** Every sent content field reads back as sent, after Payload's normalisation. */
function expectAsSent(stored: Activity, body: Body, extra: string[] = []) {
  const compare = (list: FlattenedField[], sent: Body, got: Body, prefix: string) => {
    for (const [key, value] of Object.entries(sent)) {
      const f = list.find((candidate) => candidate.name === key)
      if (!f || value === undefined) continue
      if (f.type === 'group') {
        if (value && typeof value === 'object') compare(f.flattenedFields, value, got?.[key] ?? {}, `${prefix}${key}.`)
        continue
      }
      expect(normalise(f, got?.[key]), `${prefix}${key}`).toEqual(normalise(f, value))
    }
  }
  const sent = Object.fromEntries(Object.entries(body).filter(([key]) => contentFields.includes(key) || extra.includes(key)))
  compare(fields, sent, stored as unknown as Body, '')
}

/** The rules of the collection on what was stored, and the invariants no caller can change. */
async function expectValid(activity: Activity) {
  expect(await violations(activity), `stored activity ${activity.id} breaks the collection's rules`).toEqual([])
  expect(typeof activity.title).toBe('string')
  expect(optionsOf('status')).toContain(activity.status)
  expect(JSON.stringify(activity)).not.toContain('\\u0000')
}

// ---------------------------------------------------------------------------------------------
// Footprint and outcomes

/** Activities, their versions and their history: a refusal leaves all three as they were. */
async function footprint() {
  const [rows, versions, history, organisers] = await Promise.all([
    payload.count({ collection: 'activities' }),
    payload.countVersions({ collection: 'activities' }),
    payload.count({ collection: 'activity-history' }),
    payload.count({ collection: 'organisers' }),
  ])
  return { rows: rows.totalDocs, versions: versions.totalDocs, history: history.totalDocs, organisers: organisers.totalDocs }
}

type Outcomes = { accepted: number; refused: number }
const report: Record<string, Outcomes> = {}

afterAll(() => {
  const lines = Object.entries(report).map(([name, { accepted, refused }]) => {
    const share = Math.round((100 * accepted) / Math.max(1, accepted + refused))
    return `  ${name}: ${accepted} accepted, ${refused} refused (${share}% accepted)`
  })
  if (lines.length) console.log(`Fuzz outcomes with FUZZ_SEED=${seed}, FUZZ_RUNS=${numRuns}:\n${lines.join('\n')}`)
})

/** Runs a property and insists that it exercised both sides: 20–90% of the bodies accepted. */
async function check(name: string, property: (outcomes: Outcomes) => fc.IAsyncProperty<any>) {
  const outcomes: Outcomes = { accepted: 0, refused: 0 }
  report[name] = outcomes
  try {
    await fc.assert(property(outcomes), { seed, numRuns, endOnFailure: true })
  } catch (error) {
    console.error(`Fuzz failure in "${name}" with FUZZ_SEED=${seed} (run again with that seed to reproduce)`)
    throw error
  }
  const share = outcomes.accepted / Math.max(1, outcomes.accepted + outcomes.refused)
  expect(share, `${name}: share of accepted bodies with FUZZ_SEED=${seed}`).toBeGreaterThanOrEqual(0.2)
  expect(share, `${name}: share of accepted bodies with FUZZ_SEED=${seed}`).toBeLessThanOrEqual(0.9)
}

const stored = (id: number, draft = true) => payload.findByID({ collection: 'activities', id, depth: 0, draft, overrideAccess: true }) as Promise<Activity>

// ---------------------------------------------------------------------------------------------
// Properties

describe.each(['partner', 'editor'] as const)('activities created by a %s', (role) => {
  it('never fail with a 5xx, store what was sent when valid, and leave nothing behind when refused', async () => {
    const ctx: Context = { role, op: 'create' }
    await check(`create as ${role}`, (outcomes) =>
      fc.asyncProperty(validActivity(role), mutations(ctx), async (base, applied) => {
        const body = mutated(base, applied, ctx)
        const context = describeBody(body, applied)
        const before = await footprint()
        const created = await api('POST', 'activities', { body, token: accounts[role].token })
        expect(created.status, `${JSON.stringify(created.body).slice(0, 300)}\n${context}`).toBeLessThan(500)
        if (created.status >= 400) {
          outcomes.refused++
          expect(applied.length, `a valid body was refused: ${JSON.stringify(created.body).slice(0, 300)}\n${context}`).toBeGreaterThan(0)
          expect(await footprint()).toEqual(before)
          return
        }
        outcomes.accepted++
        expect(mustRefuse(applied, ctx), `an invalid body was accepted\n${context}`).toBe(false)
        expect(created.status).toBe(201)
        const activity = await stored(created.body.doc.id)
        await expectValid(activity)
        expectAsSent(activity, body, role === 'editor' ? ['organiser'] : [])
        expect(activity.organiser).toBe(role === 'partner' ? organiser.id : Number(body.organiser?.id ?? body.organiser))
        expect(activity.submittedBy).toBe(accounts[role].user.id)
        expect(activity.publicSubmission?.ipHash ?? null).toBeNull()
        if (role === 'partner') expect(activity.status).toBe(body.status ?? 'draft')
        expect(await footprint()).toMatchObject({ rows: before.rows + 1, history: before.history + 1 })
      }),
    )
  }, 120_000)
})

/** Where an activity may start: mostly where its organiser can still change it. */
const startStatus = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom<ActivityStatus>(...partnerEditableStatuses, 'approved') },
  { weight: 1, arbitrary: fc.constantFrom<ActivityStatus>('in-review', 'rejected', 'withdrawn', 'cancelled') },
)

/** A change: some content fields of another valid activity, perhaps a new status. */
const patch = (role: Role) =>
  fc
    .record({
      fresh: validActivity(role),
      keys: fc.subarray(['title', 'summary', 'format', 'audiences', 'themes', 'dates', 'location', 'registration', 'contact']),
      status: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.constantFrom(...statuses()) }),
      feedback: fc.option(text('review.feedback'), { nil: undefined, freq: 2 }),
    })
    .map(({ fresh, keys, status, feedback }) => {
      const body: Body = {}
      for (const key of keys) {
        if (key === 'dates') Object.assign(body, { startsAt: fresh.startsAt, endsAt: fresh.endsAt ?? null })
        else if (fresh[key] !== undefined) body[key] = fresh[key]
      }
      if (status !== undefined) body.status = status
      if (role === 'editor' && feedback !== undefined) body.review = { feedback }
      return body
    })

/** Whether the workflow lets `actor` make this change (for a body without mutations). */
function allowed(actor: Actor, from: ActivityStatus, body: Body, before: Activity): boolean {
  if (actor === 'partner' && ![...partnerEditableStatuses, 'approved'].includes(from)) return false
  const to = (body.status ?? from) as ActivityStatus
  if (actor === 'partner' && from === 'approved') return to === 'approved' || to === 'submitted' || to === 'cancelled'
  if (to === from) return true
  const feedback = body.review?.feedback ?? before.review?.feedback
  return checkTransition({ from, to, actor, feedback, windowOpen: true }).ok
}

describe.each(['partner', 'editor'] as const)('activities updated by a %s', (role) => {
  it('never fail with a 5xx, follow the workflow, store what was sent when valid, and change nothing when refused', async () => {
    const ctx: Context = { role, op: 'update' }
    await check(`update as ${role}`, (outcomes) =>
      fc.asyncProperty(validActivity('editor'), startStatus, patch(role), mutations(ctx), async (base, from, changes, applied) => {
        const existing = await payload.create({
          collection: 'activities',
          data: { ...base, status: from, review: { feedback: 'Graag de datum aanpassen.' } } as Activity,
          overrideAccess: true,
        })
        const body = mutated(changes, applied, ctx)
        const context = `from ${from}, ${describeBody(body, applied)}`
        const before = await footprint()
        const previous = await stored(existing.id)
        const updated = await api('PATCH', `activities/${existing.id}`, { body, token: accounts[role].token })
        expect(updated.status, `${JSON.stringify(updated.body).slice(0, 300)}\n${context}`).toBeLessThan(500)
        const latest = await stored(existing.id)
        const published = await stored(existing.id, false)
        if (updated.status >= 400) {
          outcomes.refused++
          if (applied.length === 0) {
            expect(allowed(role, from, body, previous), `an allowed change was refused: ${JSON.stringify(updated.body).slice(0, 300)}\n${context}`).toBe(false)
          }
          expect(await footprint()).toEqual(before)
          expect(latest).toEqual(previous)
          return
        }
        outcomes.accepted++
        expect(updated.status).toBe(200)
        if (applied.length === 0) expect(allowed(role, from, body, previous), `a change the workflow forbids was accepted\n${context}`).toBe(true)
        await expectValid(latest)
        await expectValid(published)
        const to = latest.status as ActivityStatus
        const proposal = role === 'partner' && from === 'approved' && to === 'submitted'
        if (to !== from && !proposal) {
          expect(checkTransition({ from, to, actor: role, feedback: latest.review?.feedback, windowOpen: true }).ok, context).toBe(true)
        }
        expect((await footprint()).history, context).toBe(before.history + (to === from ? 0 : 1))
        if (role === 'partner') {
          expect(latest.organiser).toBe(organiser.id)
          expect(latest.review?.internalNotes ?? null).toBeNull()
        }
        if (role === 'partner' && from === 'approved' && to !== 'cancelled') {
          // A partner's change to an approved activity waits for review; the approved one stays public.
          expect(to, context).toBe('submitted')
          expect(published.status).toBe('approved')
          expect({ ...published, updatedAt: null }).toEqual({ ...previous, updatedAt: null })
        }
        if (to === 'cancelled' && from === 'approved') {
          // Cancelling cancels what the public saw, not the change sent with it.
          expectAsSent(latest, previous)
        } else {
          expectAsSent(latest, body)
        }
      }),
    )
  }, 120_000)
})

describe('the public submission form', () => {
  it('never fails with a 5xx, stores what was sent when valid, and leaves nothing behind when refused', async () => {
    const ctx: Context = { role: 'public', op: 'create' }
    const organisation = fc.oneof(
      { weight: 8, arbitrary: fc.constant<Mutation[]>([]) },
      {
        weight: 2,
        arbitrary: fc.constantFrom<unknown>(undefined, '', ' ', 'X', 42, { name: ['x'] }).map((name) => [
          {
            name: `organisation name ${JSON.stringify(name)}`,
            expect: refuse,
            apply: (body: Body) => {
              body.organisation = name === undefined ? undefined : typeof name === 'object' ? name : { name }
              // Without an organiser of its own the form needs the organisation's name.
              delete body.organiser
            },
          },
        ]),
      },
    )
    await check('public submission', (outcomes) =>
      fc.asyncProperty(validActivity('public'), mutations(ctx), organisation, async (base, applied, organisationMutation) => {
        const all = [...applied, ...organisationMutation]
        const body = mutated({ ...base, organisation: { name: 'Buurthuis De Linde', website: 'https://delinde.example.nl' } }, all, ctx)
        const context = describeBody(body, all)
        const before = await footprint()
        const response = await api('POST', 'activities/public-submission', { body, headers: { 'X-Forwarded-For': freshClientAddress() } })
        expect(response.status, `${JSON.stringify(response.body).slice(0, 300)}\n${context}`).toBeLessThan(500)
        if (response.status >= 400) {
          outcomes.refused++
          expect(all.length, `a valid submission was refused: ${JSON.stringify(response.body).slice(0, 300)}\n${context}`).toBeGreaterThan(0)
          expect(await footprint()).toEqual(before)
          return
        }
        outcomes.accepted++
        expect(mustRefuse(all, ctx), `an invalid submission was accepted\n${context}`).toBe(false)
        expect(response.status).toBe(201)
        const activity = (await payload.find({ collection: 'activities', sort: '-id', limit: 1, depth: 0, draft: true, overrideAccess: true }))
          .docs[0] as Activity
        await expectValid(activity)
        expectAsSent(activity, body)
        expect(activity.status).toBe('draft')
        expect(activity.publicSubmission?.ipHash).toBeTruthy()
        expect(activity.publicSubmission?.confirmedAt ?? null).toBeNull()
        expect(activity.review?.feedback ?? null).toBeNull()
        expect(activity.submittedBy ?? null).toBeNull()
        expect(await footprint()).toMatchObject({ rows: before.rows + 1, history: before.history + 1 })
      }),
    )
  }, 120_000)
})
