import type { CampaignAsset } from '../payload-types'
import type { Picture } from './images'
import { palette } from './images'

export type AssetSeed = {
  /** File name without extension: the natural key of the upload. */
  name: string
  title: string
  kind: CampaignAsset['kind']
  year: 2022 | 2025
  language: NonNullable<CampaignAsset['language']>
  description: string
  alt: string
  picture: Picture
}

export const assetUsageNotes =
  'Vrij te gebruiken voor activiteiten in de Week tegen Kindermishandeling, zonder aanpassingen en met vermelding van de organisatoren.'

const site = 'weektegenkindermishandeling.nl'
const campaign = 'Week tegen Kindermishandeling'

export const campaignAssets: AssetSeed[] = [
  {
    name: 'poster-2022-praat-met-elkaar',
    title: "Poster 'Praat met elkaar' (A3)",
    kind: 'poster',
    year: 2022,
    language: 'nl',
    description: 'Poster voor de tiende Week tegen Kindermishandeling, om op te hangen in scholen, wachtkamers en buurthuizen.',
    alt: "Paarse poster met in grote witte letters 'Praat met elkaar', daaronder 'Week tegen Kindermishandeling, 14 – 20 november 2022'.",
    picture: {
      width: 1000,
      height: 1414,
      background: palette.plum,
      heading: 'Praat met elkaar',
      lines: [campaign, '14 – 20 november 2022', 'Zorgen om een kind? Bel Veilig Thuis: 0800-2000'],
      footer: site,
    },
  },
  {
    name: 'banner-2022-praat-met-elkaar',
    title: 'Webbanner 2022',
    kind: 'banner',
    year: 2022,
    language: 'nl',
    description: 'Brede banner voor websites en nieuwsbrieven van partners.',
    alt: "Brede paarse banner met de tekst 'Praat met elkaar' en 'Week tegen Kindermishandeling 2022'.",
    picture: { width: 1500, height: 500, background: palette.plum, heading: 'Praat met elkaar', lines: [`${campaign} 2022`], footer: site },
  },
  {
    name: 'social-post-2022-talk-to-each-other',
    title: "Social-mediabericht 'Talk to each other' (Engels)",
    kind: 'social-post',
    year: 2022,
    language: 'en',
    description: 'Vierkant bericht in het Engels voor Instagram en LinkedIn, voor internationale scholen en expats.',
    alt: "Square teal image with the words 'Talk to each other' and 'Week against Child Abuse, 14 – 20 November 2022'.",
    picture: {
      width: 1080,
      height: 1080,
      background: palette.teal,
      heading: 'Talk to each other',
      lines: ['Week against Child Abuse', '14 – 20 November 2022'],
      footer: '#WeekTegenKindermishandeling',
    },
  },
  {
    name: 'infographic-2022-kerncijfers',
    title: 'Infographic kerncijfers kindermishandeling',
    kind: 'infographic',
    year: 2022,
    language: 'nl',
    description: 'Het kerncijfer uit het prevalentieonderzoek van NJi en Universiteit Leiden, met de hulplijnen.',
    alt: "Infographic op een zandkleurige achtergrond: '90.000–127.000 kinderen worden ieder jaar mishandeld', met de nummers van Veilig Thuis (0800-2000) en de Kindertelefoon (0800-0432).",
    picture: {
      width: 1080,
      height: 1350,
      background: palette.sand,
      textColour: palette.night,
      heading: '90.000–127.000',
      lines: ['kinderen worden ieder jaar mishandeld', 'Bron: NJi en Universiteit Leiden', 'Veilig Thuis 0800-2000 · Kindertelefoon 0800-0432'],
      footer: site,
      format: 'png',
    },
  },
  {
    name: 'logo-2025-laat-me-niet-los',
    title: "Campagnelogo 'Laat me niet los'",
    kind: 'logo',
    year: 2025,
    language: 'nl',
    description: 'Logo van de campagne 2025 voor gebruik op uitnodigingen en presentaties.',
    alt: "Woordmerk 'Laat me niet los' in wit op koraalrood, met 'Week tegen Kindermishandeling' eronder.",
    picture: { width: 800, height: 400, background: palette.coral, heading: 'Laat me niet los', lines: [campaign] },
  },
  {
    name: 'poster-2025-laat-me-niet-los',
    title: "Poster 'Laat me niet los' (A3)",
    kind: 'poster',
    year: 2025,
    language: 'nl',
    description: 'Poster voor de dertiende Week tegen Kindermishandeling.',
    alt: "Paarse poster met in grote witte letters 'Laat me niet los', daaronder 'Week tegen Kindermishandeling, 17 – 23 november 2025'.",
    picture: {
      width: 1000,
      height: 1414,
      background: palette.plum,
      heading: 'Laat me niet los',
      lines: [campaign, '17 – 23 november 2025', 'Zorgen om een kind? Bel Veilig Thuis: 0800-2000'],
      footer: site,
    },
  },
  {
    name: 'poster-2025-laat-me-niet-los-arabisch',
    title: "Poster 'Laat me niet los' (Arabisch)",
    kind: 'poster',
    year: 2025,
    language: 'ar',
    description: 'De campagneposter van 2025 in het Arabisch, voor buurthuizen, moskeeën en taalscholen.',
    alt: "Blauwgroene poster met Arabische tekst: de vertaling van 'Laat me niet los' en 'Week tegen Kindermishandeling', met het jaartal 2025.",
    picture: {
      width: 1000,
      height: 1414,
      background: palette.teal,
      heading: 'لا تتركني',
      lines: ['أسبوع مناهضة إساءة معاملة الأطفال', 'Week tegen Kindermishandeling 2025', 'Veilig Thuis 0800-2000'],
      footer: site,
      format: 'jpeg',
    },
  },
  {
    name: 'social-post-2025-beni-birakma-turks',
    title: "Social-mediabericht 'Laat me niet los' (Turks)",
    kind: 'social-post',
    year: 2025,
    language: 'tr',
    description: 'Vierkant bericht in het Turks voor sociale media.',
    alt: "Vierkant koraalrood beeld met de Turkse tekst 'Beni bırakma' (Laat me niet los) en 'Çocuk İstismarına Karşı Hafta 2025'.",
    picture: {
      width: 1080,
      height: 1080,
      background: palette.coral,
      heading: 'Beni bırakma',
      lines: ['Çocuk İstismarına Karşı Hafta', '17 – 23 Kasım 2025'],
      footer: '#WeekTegenKindermishandeling',
    },
  },
  {
    name: 'factsheet-2025-laat-me-niet-los',
    title: 'Factsheet: betrokken blijven na een melding',
    kind: 'factsheet',
    year: 2025,
    language: 'nl',
    description: 'Eén pagina met wat kinderen nodig hebben na een melding of een eerste gesprek, en waar professionals terechtkunnen.',
    alt: "Factsheet op een zandkleurige achtergrond met de kop 'Laat me niet los' en drie tips: blijf vragen, leg uit wat je doet, houd contact.",
    picture: {
      width: 1240,
      height: 1754,
      background: palette.sand,
      textColour: palette.night,
      heading: 'Laat me niet los',
      lines: ['1. Blijf vragen hoe het gaat', '2. Leg uit wat je doet en waarom', '3. Houd contact, ook na de melding', 'Advies: Veilig Thuis 0800-2000'],
      footer: site,
      format: 'jpeg',
    },
  },
]

export type MediaSeed = { name: string; alt: string; credit?: string; picture: Picture }

export const seriesImage: MediaSeed = {
  name: 'verhalenreeks-leren-van-elkaar',
  alt: "Koraalrood beeld met de tekst 'Leren van elkaar' en '30 verhalen voor 30 jaar Kinderrechtenverdrag'.",
  credit: 'NJi en Movisie',
  picture: {
    width: 1600,
    height: 900,
    background: palette.coral,
    heading: 'Leren van elkaar',
    lines: ['30 verhalen voor 30 jaar Kinderrechtenverdrag'],
    footer: campaign,
    format: 'jpeg',
  },
}
