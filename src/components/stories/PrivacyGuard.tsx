'use client'

import { usePrivacyFindings, useUntickUncoveredAcknowledgement } from './usePrivacyFindings'

/**
 * Beside the publish button, always on screen: how many findings of the privacy check are not
 * acknowledged, and the unticking of an acknowledgement that does not cover a new finding. It
 * lives here, not in the findings panel: Payload renders a group's fields only once they come near
 * the viewport, so the panel may never have run before the editor publishes (on a small screen the
 * sidebar comes last).
 */
export function PrivacyGuard() {
  const { findings } = usePrivacyFindings()
  useUntickUncoveredAcknowledgement(findings)
  const open = (findings ?? []).filter((finding) => !finding.covered).length
  return (
    <span className="privacy-guard" role="status" aria-live="polite">
      {open > 0 ? `Privacycheck: ${open === 1 ? '1 bevinding' : `${open} bevindingen`}, zie de privacycheck` : ''}
    </span>
  )
}
