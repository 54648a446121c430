import { type Answer, call, leaksInternals } from './http'
import type { Account, World } from './world'

/**
 * The mixed load of a campaign season: websites reading anonymously, partners creating, editing
 * and submitting activities, editors deciding. Every answer is recorded; writes the server
 * acknowledged are kept, so the data can be checked against them afterwards.
 */
export type Outcome = { at: number; action: string; status: number | 'network'; ms: number; expected: boolean; leaky: boolean }
export type Acknowledged = { creates: number[]; transitions: { activity: number; to: string; by: number }[] }

type Action = { name: string; weight: number; run: (load: Load) => Promise<{ answer: Answer; expected: number[] } | undefined> }

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]

const newActivity = (world: World, status: 'draft' | 'submitted') => ({
  title: `Ouderavond ${Math.random().toString(36).slice(2, 8)}`,
  edition: world.edition,
  format: 'meeting',
  startsAt: '2090-11-15T18:30:00.000Z',
  location: { mode: 'on-site', city: 'Zwolle', province: 'overijssel' },
  contact: { name: 'Sanne de Vries', email: 'sanne@soak.test' },
  status,
})

const decisionBody = (to: string) =>
  to === 'changes-requested' || to === 'rejected' ? { status: to, review: { feedback: 'Graag de eindtijd aanvullen.' } } : { status: to }

async function transition(load: Load, account: Account, to: string) {
  const activity = pick(load.activities)
  if (activity === undefined) return undefined
  const answer = await call(load.world.base, 'PATCH', `activities/${activity}?depth=0`, { body: decisionBody(to), token: account.token })
  if (answer.status === 200 && answer.body?.doc?.status === to) load.acknowledged.transitions.push({ activity, to, by: account.id })
  // 403: a partner's status an editor decides on now; 409: the status moved on (or the move is not in the table).
  return { answer, expected: [200, 403, 409] }
}

const actions: Action[] = [
  {
    name: 'public list',
    weight: 30,
    run: async ({ world }) => ({
      answer: await call(world.base, 'GET', `activities?limit=20&depth=1&sort=startsAt&where[edition][equals]=${world.edition}`),
      expected: [200],
    }),
  },
  { name: 'public feed', weight: 8, run: async ({ world }) => ({ answer: await call(world.base, 'GET', 'activities/calendar.ics'), expected: [200] }) },
  {
    name: 'public graphql',
    weight: 12,
    run: async ({ world }) => {
      const answer = await call(world.base, 'POST', 'graphql', {
        body: { query: '{ Activities(limit: 10, sort: "startsAt") { docs { id title startsAt status } } }' },
      })
      // GraphQL reports a failure with 200 and `errors`.
      return { answer, expected: answer.body?.errors ? [] : [200] }
    },
  },
  { name: 'current edition', weight: 10, run: async ({ world }) => ({ answer: await call(world.base, 'GET', 'editions/current'), expected: [200] }) },
  {
    name: 'partner create',
    weight: 8,
    run: async (load) => {
      const partner = pick(load.world.partners)
      const answer = await call(load.world.base, 'POST', 'activities?depth=0', {
        body: newActivity(load.world, Math.random() < 0.5 ? 'submitted' : 'draft'),
        token: partner.token,
      })
      const created = answer.body?.doc
      if (answer.status === 201 && created) {
        load.acknowledged.creates.push(created.id)
        load.activities.push(created.id)
      }
      return { answer, expected: [201] }
    },
  },
  {
    name: 'partner edit',
    weight: 8,
    run: async (load) => {
      const activity = pick(load.activities)
      if (activity === undefined) return undefined
      const answer = await call(load.world.base, 'PATCH', `activities/${activity}?depth=0`, {
        body: { summary: `Bijgewerkt ${new Date().toISOString()}` },
        token: pick(load.world.partners).token,
      })
      // 403: not editable in its status; 409: a change to the approved version is being reviewed.
      return { answer, expected: [200, 403, 409] }
    },
  },
  { name: 'partner transition', weight: 10, run: (load) => transition(load, pick(load.world.partners), pick(['submitted', 'withdrawn', 'cancelled'])) },
  {
    name: 'editor decision',
    weight: 14,
    run: (load) => transition(load, pick(load.world.editors), pick(['in-review', 'approved', 'approved', 'changes-requested', 'rejected'])),
  },
]

const totalWeight = actions.reduce((sum, action) => sum + action.weight, 0)

function chooseAction(): Action {
  let n = Math.random() * totalWeight
  for (const action of actions) {
    n -= action.weight
    if (n < 0) return action
  }
  return actions[0]
}

export class Load {
  outcomes: Outcome[] = []
  acknowledged: Acknowledged = { creates: [], transitions: [] }
  /** Activities the load works on: the ones it created. */
  activities: number[] = []
  private running = false
  private workers: Promise<void>[] = []

  constructor(readonly world: World) {}

  /** Starts `connections` workers, each sending one request after the other. */
  start(connections: number) {
    this.running = true
    for (let i = 0; i < connections; i++) this.workers.push(this.work())
  }

  /** Stops sending and waits for the requests in flight. */
  async stop() {
    this.running = false
    await Promise.all(this.workers)
  }

  private async work() {
    while (this.running) {
      const action = chooseAction()
      const result = await action.run(this)
      if (!result) continue
      const { answer, expected } = result
      const status = answer.status
      this.outcomes.push({
        at: Date.now(),
        action: action.name,
        status,
        ms: answer.ms,
        expected: status !== 'network' && expected.includes(status),
        leaky: status !== 'network' && !expected.includes(status) && leaksInternals(answer.text),
      })
      // A server that refuses connections answers at once: do not spin.
      if (status === 'network' || status >= 500) await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

export const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/** Answers by class: each status code, and `network` for no answer. */
export function byClass(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const outcome of outcomes) counts[String(outcome.status)] = (counts[String(outcome.status)] ?? 0) + 1
  return counts
}
