import { describe, expect, it } from 'vitest'

import { isValidIban, mask, passesElevenTest, richTextToPlain, scanText } from '../src/privacy/personalData'

/** The scanner of the privacy check before publishing a story (src/privacy/personalData.ts), on its own. */

const found = (text: string, options?: Parameters<typeof scanText>[1]) => scanText(text, options).map(({ kind, fragment }) => `${kind}: ${fragment}`)

describe('what identifies a person', () => {
  it('finds e-mail addresses', () => {
    expect(found('Mail gerust naar jan.de-vries+wtk@voorbeeld.nl of J.Smit@school.example.com.')).toEqual([
      'email: jan.de-vries+wtk@voorbeeld.nl',
      'email: J.Smit@school.example.com',
    ])
  })

  it.each([
    ['06-12345678', '0612345678'],
    ['06 1234 5678', '0612345678'],
    ['0612345678', '0612345678'],
    ['06 12 34 56 78', '0612345678'],
    ['+31 6 12345678', '0612345678'],
    ['+31612345678', '0612345678'],
    ['+31 (0)6 1234 5678', '0612345678'],
    ['0031 6 1234 5678', '0612345678'],
    ['020-1234567', '0201234567'],
    ['020 123 4567', '0201234567'],
    ['0570-123456', '0570123456'],
    ['(020) 123 4567', '0201234567'],
    ['+31 20 123 4567', '0201234567'],
    ['0800-1234', '08001234'],
    ['0800 1234567', '08001234567'],
    ['0900-1234', '09001234'],
  ])('finds the phone number %s', (phone, normalized) => {
    expect(scanText(`Bel me op ${phone}, ’s avonds.`)).toEqual([{ kind: 'phone', fragment: phone, normalized }])
  })

  it('never counts the help lines as findings, however they are written', () => {
    const allowedPhones = ['0800-2000', '0800-0432']
    expect(found('Bel Veilig Thuis: 0800-2000, of de Kindertelefoon op 0800 0432 of 08000432.', { allowedPhones })).toEqual([])
    expect(found('Bel 0800-2001.', { allowedPhones })).toEqual(['phone: 0800-2001'])
  })

  it('finds a postcode with a house number', () => {
    expect(found('Ze woonde op 1234 AB 12 en later op 3511AB, 7a.')).toEqual(['postcode: 1234 AB 12', 'postcode: 3511AB, 7a'])
  })

  it('finds no postcode without a house number, or with letters no postcode has', () => {
    expect(found('In 3511 AB, de binnenstad.')).toEqual([])
    expect(found('Nummer 1234 SS 12.')).toEqual([])
  })

  it('finds BSNs that pass the eleven-test, also with dots and spaces', () => {
    expect(passesElevenTest('111222333')).toBe(true)
    expect(found('BSN 111222333, ook 123.456.782 of 123 456 782.')).toEqual(['bsn: 111222333', 'bsn: 123.456.782', 'bsn: 123 456 782'])
  })

  it('finds no BSN in nine digits that fail the eleven-test', () => {
    expect(passesElevenTest('123456789')).toBe(false)
    expect(found('Dossiernummer 123456789, zaak 111222334.')).toEqual([])
  })

  it('finds IBANs with a valid check, with or without spaces', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true)
    expect(found('Giften op NL91 ABNA 0417 1643 00 of NL91ABNA0417164300 ten name van de stichting.')).toEqual([
      'iban: NL91 ABNA 0417 1643 00',
      'iban: NL91ABNA0417164300',
    ])
  })

  it('finds no IBAN with a wrong check, and does not read its digits as a phone number or BSN', () => {
    expect(isValidIban('NL91ABNA0417164301')).toBe(false)
    expect(found('Rekening NL91ABNA0417164301.')).toEqual([])
    expect(found('Rekening NL91 ABNA 0417 1643 01.')).toEqual([])
    expect(found('Giften op NL91 ABNA 0417 1643 00.')).toEqual(['iban: NL91 ABNA 0417 1643 00'])
  })

  it.each([
    'Geboren op 12 maart 2015.',
    'geb. 12-03-2015',
    'Geboortedatum: 12/3/2015',
    'Zij is op 12 mrt. 2015 geboren.',
    'Born on March 12, 2015.',
    'Date of birth: 12th of March 2015',
    'born 2015-03-12',
  ])('finds the date of birth in %j', (text) => {
    expect(scanText(text).map(({ kind, normalized }) => `${kind}: ${normalized}`)).toEqual(['birthDate: 2015-03-12'])
  })

  it('finds no date of birth in a date without a birth word, or in another sentence', () => {
    expect(found('Op 12 maart 2015 belde ik Veilig Thuis.')).toEqual([])
    expect(found('Hij is in 2015 geboren. Op 12-03-2019 kwam hij bij ons.')).toEqual([])
    expect(found('Geboren in maart. Op 31-02-2015 niets.')).toEqual([])
  })

  it('finds the names the editors listed, case-insensitively and as whole words only', () => {
    const names = ['Sanne de Vries', 'Mo']
    expect(found('Toen SANNE DE  VRIES belde, zei Mo niets. Morgen kwam Momo.', { names })).toEqual(['name: SANNE DE  VRIES', 'name: Mo'])
    expect(found('Niemand genoemd.', { names: ['', ' '] })).toEqual([])
  })

  it('reads rich text with a line between paragraphs and a link inside its sentence', () => {
    const body = {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'Mail ' },
              { type: 'link', children: [{ type: 'text', text: 'sanne@' }] },
              { type: 'text', text: 'voorbeeld.nl' },
            ],
          },
          { type: 'paragraph', children: [{ type: 'text', text: 'Geboren:' }] },
          { type: 'paragraph', children: [{ type: 'text', text: '12-03-2015' }] },
        ],
      },
    }
    expect(found(richTextToPlain(body))).toEqual(['email: sanne@voorbeeld.nl'])
  })

  it('reads the address of a link too: a mailto: or tel: behind "mail haar" is public', () => {
    const link = (url: string, text: string) => ({ type: 'link', fields: { linkType: 'custom', url }, children: [{ type: 'text', text }] })
    const body = {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'Je kunt ' },
              link('mailto:sanne%40voorbeeld.nl', 'haar mailen'),
              { type: 'text', text: ' of ' },
              link('tel:+31612345678', 'bellen'),
              { type: 'text', text: ', zie ' },
              link('https://www.voorbeeld.nl/hulp', 'de site'),
              { type: 'text', text: '.' },
            ],
          },
        ],
      },
    }
    expect(found(richTextToPlain(body))).toEqual(['email: sanne@voorbeeld.nl', 'phone: +31612345678'])
  })
})

describe('what reads as personal data, however it is typed', () => {
  it.each([
    ['a non-breaking hyphen (Word)', 'Bel 06\u201112345678.', '0612345678'],
    ['an en dash', 'Bel 06\u201312345678.', '0612345678'],
    ['a zero-width space', 'Bel 06\u200b1234\u200b5678.', '0612345678'],
    ['a soft hyphen', 'Bel 06\u00ad12345678.', '0612345678'],
    ['full-width digits', 'Bel \uff10\uff16\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18.', '0612345678'],
    ['a hyphen with spaces', 'Bel 06 - 12 34 56 78.', '0612345678'],
  ])('finds a phone number written with %s', (_, text, normalized) => {
    expect(scanText(text).map((match) => [match.kind, match.normalized])).toEqual([['phone', normalized]])
  })

  it('finds an e-mail address with a full-width @ or an invisible character, and a name in full-width letters', () => {
    expect(scanText('Mail sanne\uff20voorbeeld.nl of jo\u200bep@voorbeeld.nl').map((match) => match.normalized)).toEqual([
      'sanne@voorbeeld.nl',
      'joep@voorbeeld.nl',
    ])
    expect(found('Toen \uff33\uff41\uff4e\uff4e\uff45 belde.', { names: ['Sanne'] })).toEqual(['name: Sanne'])
  })
})

describe('masking', () => {
  it('keeps the first and last characters only', () => {
    expect(mask('jan.jansen@example.nl')).toBe('j…@…l')
    expect(mask('06-12345678')).toBe('0…8')
    expect(mask('NL91ABNA0417164300')).toBe('N…0')
    expect(mask('111222333')).toBe('1…3')
    expect(mask('Mo')).toBe('…')
  })
})
