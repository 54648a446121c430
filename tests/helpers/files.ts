import sharp from 'sharp'

/** A file for the Local API's `file` option. */
export const fileOf = (data: Buffer, name: string, mimetype: string) => ({ data, name, mimetype, size: data.length })

/** A small PNG made with sharp. */
export const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 220, g: 60, b: 40 } } }).png().toBuffer()

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
