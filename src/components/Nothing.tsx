/** Stands in for an admin control that this collection does not offer. */
export function Nothing() {
  return null
}
