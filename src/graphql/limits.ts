import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'

export type QueryLimits = {
  /** Deepest nesting of selections, counted from the operation. */
  maxDepth: number
  /** Most fields at the top of one operation: each is a query of its own. */
  maxRootFields: number
  /** Most aliased fields in one document: aliases repeat the same work under other names. */
  maxAliases: number
}

export const queryLimits: QueryLimits = { maxDepth: 8, maxRootFields: 12, maxAliases: 20 }

type Measure = { depth: number; rootFields: number; aliases: number }

function measure(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, depth: number, seen: Set<string>, totals: Measure): void {
  totals.depth = Math.max(totals.depth, depth)
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      // Introspection reads the schema, not the database (and is refused in production).
      if (selection.name.value.startsWith('__')) continue
      if (depth === 1) totals.rootFields++
      if (selection.alias) totals.aliases++
      if (selection.selectionSet) measure(selection.selectionSet, fragments, depth + 1, seen, totals)
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      measure(selection.selectionSet, fragments, depth, seen, totals)
    } else {
      const fragment = fragments[selection.name.value]
      // A fragment used twice on one path would be a cycle, which GraphQL refuses by itself.
      if (!fragment || seen.has(fragment.name.value)) continue
      measure(fragment.selectionSet, fragments, depth, new Set([...seen, fragment.name.value]), totals)
    }
  }
}

/** Refuses operations nested too deep, with too many top-level fields or too many aliases. */
export const limitQueryShape =
  (limits: QueryLimits = queryLimits): ValidationRule =>
  (context: ValidationContext): ASTVisitor => {
    const fragments: Record<string, FragmentDefinitionNode> = {}
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition
    }
    return {
      OperationDefinition(operation: OperationDefinitionNode) {
        const totals: Measure = { depth: 0, rootFields: 0, aliases: 0 }
        measure(operation.selectionSet, fragments, 1, new Set(), totals)
        const refuse = (message: string) => context.reportError(new GraphQLError(message, { nodes: [operation] }))
        if (totals.depth > limits.maxDepth) {
          refuse(`The query is nested ${totals.depth} levels deep; at most ${limits.maxDepth} are allowed.`)
        }
        if (totals.rootFields > limits.maxRootFields) {
          refuse(`The query asks for ${totals.rootFields} top-level fields; at most ${limits.maxRootFields} are allowed per request.`)
        }
        if (totals.aliases > limits.maxAliases) {
          refuse(`The query uses ${totals.aliases} aliases; at most ${limits.maxAliases} are allowed per request.`)
        }
      },
    }
  }
