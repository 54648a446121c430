/** One HTTP call of the load: its answer, or `network` when no answer came (refused, reset, timed out). */
export type Answer = { status: number | 'network'; ms: number; body: AnswerBody | undefined; text: string }

/** The parts of the API's JSON answers that the load reads. */
export type AnswerBody = { doc?: { id: number; status?: string }; errors?: unknown[] }

export async function call(
  base: string,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  options: { body?: unknown; token?: string; timeoutMs?: number } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'Accept-Language': 'nl' }
  if (options.token) headers.Authorization = `JWT ${options.token}`
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  const started = performance.now()
  try {
    const response = await fetch(`${base}/api/${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    })
    const text = await response.text()
    let body: AnswerBody | undefined
    try {
      body = JSON.parse(text)
    } catch {
      body = undefined
    }
    return { status: response.status, ms: performance.now() - started, body, text }
  } catch (error) {
    return { status: 'network', ms: performance.now() - started, body: undefined, text: String(error) }
  }
}

/** A server error must say that something went wrong, and nothing about how: no stack, no SQL, no connection details. */
export const leaksInternals = (text: string): boolean =>
  /\bat \S+ \(|node_modules|\.js:\d+|\b(select|insert into|update \S+ set|delete from)\b|postgres:\/\/|ECONNREFUSED|terminat|pg_/i.test(text)
