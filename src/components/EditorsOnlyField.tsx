'use client'

import { RelationshipField, SelectField, useAuth } from '@payloadcms/ui'
import type { RelationshipFieldClientComponent, SelectFieldClientComponent } from 'payload'

import { isPartnerUser } from '../admin/visibility'

/*
 * Fields that partners need not see in the form (the hooks fill them in or the workflow panel
 * shows them). A component rather than `admin.condition`, which would make these required fields
 * optional in the generated types and the GraphQL schema.
 */

export const EditorsOnlyRelationship: RelationshipFieldClientComponent = (props) => {
  const { user } = useAuth()
  return isPartnerUser(user) ? null : <RelationshipField {...props} />
}

export const EditorsOnlySelect: SelectFieldClientComponent = (props) => {
  const { user } = useAuth()
  return isPartnerUser(user) ? null : <SelectField {...props} />
}
