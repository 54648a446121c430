// Node's module loader for the test workers: the admin's components import stylesheets, which
// the browser gets from the Next build. A test that runs admin server code loads them as nothing.
export async function load(url, context, nextLoad) {
  if (url.endsWith('.css') || url.endsWith('.scss')) return { format: 'module', source: '', shortCircuit: true }
  return nextLoad(url, context)
}
