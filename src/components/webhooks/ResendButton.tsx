'use client'

import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

/** "Opnieuw versturen" on a webhook delivery: `POST /api/webhook-deliveries/:id/resend`. */
export function ResendButton() {
  const { id } = useDocumentInfo()
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  if (id === undefined || id === null) return null

  async function resend() {
    setBusy(true)
    try {
      const response = await fetch(`${serverURL}${api}/webhook-deliveries/${id}/resend`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Accept-Language': 'nl' },
      })
      const json = (await response.json().catch(() => ({}))) as { errors?: { message?: string }[]; message?: string }
      setMessage(json.errors?.[0]?.message ?? json.message ?? `Fout ${response.status}`)
      router.refresh()
    } catch {
      setMessage('Geen verbinding met de server.')
    }
    setBusy(false)
  }

  return (
    <div className="webhook-resend" style={{ marginBottom: 'var(--base)' }}>
      <Button buttonStyle="secondary" size="medium" disabled={busy} onClick={() => void resend()}>
        Opnieuw versturen
      </Button>
      {message && <p role="status">{message}</p>}
    </div>
  )
}
