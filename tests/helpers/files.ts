import sharp from 'sharp'

/** A file for the Local API's `file` option. */
export const fileOf = (data: Buffer, name: string, mimetype: string) => ({ data, name, mimetype, size: data.length })

/** The multipart body the admin sends for an upload: the file and the document's fields. */
export function uploadForm(file: Buffer, name: string, type: string, data: Record<string, unknown>): FormData {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)], { type }), name)
  form.append('_payload', JSON.stringify(data))
  return form
}

/** A small PNG made with sharp. */
export const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 220, g: 60, b: 40 } } })
    .png()
    .toBuffer()

/** A JPEG photo of one colour, made with sharp. */
export const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .toBuffer()

/** A small but well-formed PDF of about `size` bytes. */
export function pdf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n')
  const tail = Buffer.from('\nxref\n0 1\n0000000000 65535 f \ntrailer << /Root 1 0 R >>\nstartxref\n0\n%%EOF\n')
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length - tail.length), 0x20), tail])
}

/** A short silent WAV file, which file-type recognises as audio/wav. */
export function wav(samples = 800): Buffer {
  const data = Buffer.alloc(samples * 2)
  const header = Buffer.alloc(44)
  header.write('RIFF', 0)
  header.writeUInt32LE(36 + data.length, 4)
  header.write('WAVE', 8)
  header.write('fmt ', 12)
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20)
  header.writeUInt16LE(1, 22)
  header.writeUInt32LE(8000, 24)
  header.writeUInt32LE(16000, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36)
  header.writeUInt32LE(data.length, 40)
  return Buffer.concat([header, data])
}
