'use client'

import type { DefaultCellComponentProps } from 'payload'

/**
 * Consent at a glance in the stories list. Only editors can read `consent`; for anybody else the
 * row has no consent and the cell stays empty.
 */
export function ConsentCell({ rowData }: DefaultCellComponentProps) {
  const consent = (rowData as { consent?: { withdrawn?: boolean | null; obtainedAt?: string | null } | null }).consent
  if (!consent) return null
  if (consent.withdrawn) return <span className="status-pill status-pill--rejected">Ingetrokken</span>
  if (!consent.obtainedAt) return <span className="status-pill status-pill--changes-requested">Niet vastgelegd</span>
  return <span className="status-pill status-pill--approved">Gegeven</span>
}
