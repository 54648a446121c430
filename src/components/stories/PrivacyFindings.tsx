'use client'

import type { UIFieldClientComponent } from 'payload'

import { usePrivacyFindings } from './usePrivacyFindings'

/**
 * The findings of the publish check in what the form holds now, before the editor publishes,
 * masked. Unticking an acknowledgement that does not cover a new finding is the work of
 * `PrivacyGuard` beside the publish button, which is always rendered.
 */
export const PrivacyFindings: UIFieldClientComponent = () => {
  const { findings, failed } = usePrivacyFindings()
  const open = (findings ?? []).filter((finding) => !finding.covered)
  return (
    <div className="privacy-findings field-type" role="status" aria-live="polite">
      <p>
        <strong>Gevonden in de teksten</strong>
      </p>
      {failed ? (
        <p>De teksten konden niet worden nagelopen; bij publiceren gebeurt dat alsnog.</p>
      ) : findings === null ? (
        <p>Bezig met nalopen…</p>
      ) : findings.length === 0 ? (
        <p>Niets gevonden dat iemand herkenbaar maakt.</p>
      ) : (
        <>
          <ul>
            {findings.map((finding) => (
              <li key={`${finding.path}-${finding.locale}-${finding.key}`}>
                {finding.kindLabel} “{finding.fragment}” in {finding.path}
                {finding.locale ? ` (${finding.locale})` : ''}
                {finding.covered ? ' · toegestaan' : ''}
              </li>
            ))}
          </ul>
          {open.length > 0 && (
            <p>Zo wordt het verhaal niet gepubliceerd. Haal deze gegevens weg, of vink hieronder aan dat het toch mag, met een toelichting.</p>
          )}
        </>
      )}
    </div>
  )
}
