import sharp from 'sharp'

/** Campaign colours used for all generated pictures. */
export const palette = {
  plum: '#5b2a6e',
  coral: '#e8624a',
  sand: '#f6e7d2',
  teal: '#1f6f78',
  night: '#1d2540',
  white: '#ffffff',
}

export type Picture = {
  width: number
  height: number
  background: string
  /** Large line in the middle. */
  heading: string
  /** Smaller lines below the heading. */
  lines?: string[]
  /** Small text at the bottom, such as the campaign name. */
  footer?: string
  textColour?: string
  accent?: string
  format?: 'png' | 'jpeg'
}

// Arabic lines are laid out right to left; the renderer shapes the letters itself.
const directionOf = (text: string) => (/[\u0600-\u06ff]/.test(text) ? 'rtl' : 'ltr')

/** Font size at which a line of this length fits in the width (DejaVu Sans averages ~0.6 em a letter). */
const fitting = (text: string, width: number, wanted: number) => Math.round(Math.min(wanted, (width * 0.86) / (Math.max(text.length, 1) * 0.6)))

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')

/** The overlay is only an input to sharp: the stored file is always PNG or JPEG. */
function overlay(picture: Picture): Buffer {
  const { width, height } = picture
  const colour = picture.textColour ?? palette.white
  const accent = picture.accent ?? palette.coral
  const headingSize = fitting(picture.heading, width, height / 7)
  const lines = picture.lines ?? []
  const lineSize = Math.round(Math.min(headingSize * 0.45, ...lines.map((line) => fitting(line, width, height / 14))))
  const top = height / 2 - (lines.length * lineSize * 1.5) / 2
  const text = (content: string, y: number, size: number, weight: string, fill: string) =>
    `<text x="${width / 2}" y="${Math.round(y)}" font-family="DejaVu Sans, Arial, sans-serif" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="middle" direction="${directionOf(content)}">${escapeXml(content)}</text>`
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<circle cx="${width * 0.88}" cy="${height * 0.12}" r="${Math.min(width, height) * 0.22}" fill="${accent}" fill-opacity="0.55"/>`,
    `<circle cx="${width * 0.1}" cy="${height * 0.92}" r="${Math.min(width, height) * 0.16}" fill="${accent}" fill-opacity="0.35"/>`,
    `<rect x="${width * 0.08}" y="${top - headingSize * 1.4}" width="${width * 0.12}" height="${Math.max(4, headingSize * 0.12)}" fill="${accent}"/>`,
    text(picture.heading, top, headingSize, 'bold', colour),
    ...lines.map((line, i) => text(line, top + headingSize * 0.4 + (i + 1) * lineSize * 1.5, lineSize, 'normal', colour)),
    picture.footer ? text(picture.footer, height - Math.max(24, height * 0.06), Math.round(lineSize * 0.8), 'normal', colour) : '',
    '</svg>',
  ].join('')
  return Buffer.from(svg)
}

/** Renders a simple campaign-style picture with sharp. */
export async function renderPicture(picture: Picture): Promise<Buffer> {
  const image = sharp({
    create: { width: picture.width, height: picture.height, channels: 3, background: picture.background },
  }).composite([{ input: overlay(picture), top: 0, left: 0 }])
  return picture.format === 'jpeg' ? image.jpeg({ quality: 85 }).toBuffer() : image.png().toBuffer()
}
