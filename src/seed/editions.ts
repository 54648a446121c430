import type { Edition } from '../payload-types'
import { isoDate, thirdFullWeekOfNovember } from './dates'

type Localized = { nl: string; en: string }

export type EditionSeed = {
  year: number
  number: number
  theme: Localized
  start: string
  end: string
  description: { nl: string[]; en: string[] }
  hashtags: string[]
  keyFigures?: { value: string; label: Localized; source: string; sourceUrl?: string }[]
  organisers: { organiser: string; role: NonNullable<Edition['organisers']>[number]['role'] }[]
  kickOff: { title: Localized; date: string; time: string; location: string; url?: string }
  /** Background colour of the generated hero image. */
  colour: string
}

const site = 'https://www.weektegenkindermishandeling.nl'

/** The four organisations behind every edition. */
const core: EditionSeed['organisers'] = [
  { organiser: 'nji', role: 'initiator' },
  { organiser: 'movisie', role: 'initiator' },
  { organiser: 'vws', role: 'funder' },
  { organiser: 'jenv', role: 'funder' },
]

// The exact dates of 2013, 2018, 2019, 2023 and 2025 are not in our sources: those editions use
// the third full week (Monday to Sunday) of November. 2017, 2021 and 2022 use the real dates.
const week = (year: number) => thirdFullWeekOfNovember(year)

const prevalence = {
  value: '90.000–127.000',
  label: {
    nl: 'kinderen worden in Nederland ieder jaar mishandeld',
    en: 'children in the Netherlands are abused every year',
  },
  source: 'NJi en Universiteit Leiden, prevalentieonderzoek kindermishandeling',
  sourceUrl: 'https://www.nji.nl',
}

const veiligThuisLine = {
  value: '0800-2000',
  label: { nl: 'Veilig Thuis: gratis, dag en nacht bereikbaar', en: 'Veilig Thuis: free, day and night' },
  source: 'Veilig Thuis',
  sourceUrl: 'https://www.veiligthuis.nl',
}

export const editions: EditionSeed[] = [
  {
    year: 2013,
    number: 1,
    // The theme of the first edition is not in our sources; this title only describes it.
    theme: { nl: 'De eerste Week tegen Kindermishandeling', en: 'The first Week against Child Abuse' },
    ...week(2013),
    description: {
      nl: [
        'In 2013 vond de eerste Week tegen Kindermishandeling plaats. Professionals, vrijwilligers en gemeenten organiseerden in het hele land bijeenkomsten om kindermishandeling bespreekbaar te maken.',
      ],
      en: ['The first Week against Child Abuse took place in 2013, with meetings all over the country to make child abuse something people can talk about.'],
    },
    hashtags: ['WeekTegenKindermishandeling'],
    organisers: core,
    kickOff: { title: { nl: 'Landelijke aftrap', en: 'National kick-off' }, date: week(2013).start, time: '10:00', location: 'Utrecht' },
    colour: '#3d5a80',
  },
  {
    year: 2017,
    number: 5,
    theme: { nl: 'Verbind voor het kind', en: 'Connect for the child' },
    start: isoDate(2017, 11, 20),
    end: isoDate(2017, 11, 26),
    description: {
      nl: [
        "Het thema 'Verbind voor het kind' riep professionals uit onderwijs, zorg, jeugdhulp en politie op om elkaar te vinden. Een kind is het best geholpen als de mensen om het kind heen samenwerken.",
      ],
      en: [
        "The theme 'Connect for the child' called on professionals in education, care, youth services and the police to find each other: a child is best helped when the people around it work together.",
      ],
    },
    hashtags: ['WeekTegenKindermishandeling', 'VerbindVoorHetKind'],
    organisers: [...core, { organiser: 'veilig-thuis', role: 'partner' }, { organiser: 'augeo', role: 'partner' }],
    kickOff: { title: { nl: 'Landelijke aftrap', en: 'National kick-off' }, date: isoDate(2017, 11, 20), time: '10:00', location: 'Utrecht' },
    colour: '#1f6f78',
  },
  {
    year: 2018,
    number: 6,
    theme: { nl: 'Ik maak het verschil', en: 'I make the difference' },
    ...week(2018),
    description: {
      nl: [
        "Met 'Ik maak het verschil' stond de rol van iedereen rond een kind centraal: de juf, de trainer, de buurvrouw en de huisarts. Wie iets ziet en iets doet, maakt het verschil voor een kind.",
      ],
      en: [
        "'I make the difference' put everyone around a child in the spotlight: the teacher, the coach, the neighbour and the GP. Whoever notices something and acts on it makes a difference for a child.",
      ],
    },
    hashtags: ['WeekTegenKindermishandeling', 'IkMaakHetVerschil'],
    organisers: [...core, { organiser: 'veilig-thuis', role: 'co-organiser' }],
    kickOff: { title: { nl: 'Landelijke aftrap', en: 'National kick-off' }, date: week(2018).start, time: '10:00', location: 'Den Haag' },
    colour: '#6a4c93',
  },
  {
    year: 2019,
    number: 7,
    theme: { nl: 'Leren van elkaar', en: 'Learning from each other' },
    ...week(2019),
    description: {
      nl: [
        "In 2019 bestond het VN-Verdrag inzake de rechten van het kind dertig jaar. Daarom verschenen het hele jaar door dertig persoonlijke verhalen in de reeks 'Leren van elkaar': van kinderen, ouders, professionals, omstanders en ervaringsdeskundigen.",
        'Elk verhaal laat zien wat hielp, en een expert verbindt het met wat we uit onderzoek weten.',
      ],
      en: [
        "In 2019 the UN Convention on the Rights of the Child turned thirty. Throughout the year, thirty personal stories appeared in the series 'Learning from each other': from children, parents, professionals, bystanders and experts by experience.",
        'Each story shows what helped, and an expert links it to what research tells us.',
      ],
    },
    hashtags: ['WeekTegenKindermishandeling', 'LerenVanElkaar', '30jaarKinderrechten'],
    keyFigures: [
      {
        value: '30',
        label: { nl: 'jaar VN-Kinderrechtenverdrag (20 november 1989)', en: 'years of the UN Convention on the Rights of the Child (20 November 1989)' },
        source: 'Verenigde Naties',
      },
      {
        value: '30',
        label: { nl: "persoonlijke verhalen in de reeks 'Leren van elkaar'", en: "personal stories in the series 'Learning from each other'" },
        source: 'NJi en Movisie',
      },
    ],
    organisers: [
      ...core,
      { organiser: 'veilig-thuis', role: 'co-organiser' },
      { organiser: 'raad-voor-de-kinderbescherming', role: 'partner' },
      { organiser: 'stichting-voorkoming-kindermishandeling', role: 'partner' },
    ],
    kickOff: {
      title: { nl: 'Aftrap op de Dag van de Rechten van het Kind', en: "Kick-off on Children's Rights Day" },
      date: isoDate(2019, 11, 20),
      time: '10:00',
      location: 'Utrecht',
    },
    colour: '#e8624a',
  },
  {
    year: 2021,
    number: 9,
    theme: { nl: '... dichterbij dan je denkt', en: '... closer than you think' },
    start: isoDate(2021, 11, 15),
    end: isoDate(2021, 11, 21),
    description: {
      nl: [
        'Kindermishandeling gebeurt in elke straat, op elke school en bij elke sportclub: dichterbij dan je denkt. Het thema vroeg aandacht voor de signalen in de eigen omgeving en voor wat je kunt doen als je je zorgen maakt.',
      ],
      en: [
        'Child abuse happens in every street, at every school and at every sports club: closer than you think. The theme drew attention to the signs close to home and to what you can do when you are worried.',
      ],
    },
    hashtags: ['WeekTegenKindermishandeling', 'DichterbijDanJeDenkt'],
    organisers: [...core, { organiser: 'veilig-thuis', role: 'co-organiser' }, { organiser: 'ccv', role: 'co-organiser' }],
    kickOff: { title: { nl: 'Online aftrap', en: 'Online kick-off' }, date: isoDate(2021, 11, 15), time: '10:00', location: 'Online', url: site },
    colour: '#2b4162',
  },
  {
    year: 2022,
    number: 10,
    theme: { nl: 'Praat met elkaar', en: 'Talk to each other' },
    start: isoDate(2022, 11, 14),
    end: isoDate(2022, 11, 20),
    description: {
      nl: [
        'Ieder jaar worden in Nederland naar schatting 90.000 tot 127.000 kinderen mishandeld. Vaak weten mensen in de omgeving dat er iets speelt, maar praten ze er niet over.',
        "Met 'Praat met elkaar' vroeg de tiende Week tegen Kindermishandeling iedereen om zorgen te delen: met collega's, met ouders en met het kind zelf.",
      ],
      en: [
        'Every year an estimated 90,000 to 127,000 children in the Netherlands are abused. People around them often sense that something is wrong, but do not talk about it.',
        "With 'Talk to each other', the tenth Week against Child Abuse asked everyone to share their concerns: with colleagues, with parents and with the child.",
      ],
    },
    hashtags: ['WeekTegenKindermishandeling', 'PraatMetElkaar'],
    keyFigures: [prevalence],
    organisers: [
      ...core,
      { organiser: 'veilig-thuis', role: 'co-organiser' },
      { organiser: 'ccv', role: 'co-organiser' },
      { organiser: 'raad-voor-de-kinderbescherming', role: 'co-organiser' },
      { organiser: 'augeo', role: 'partner' },
    ],
    kickOff: {
      title: { nl: 'Landelijke aftrap in Utrecht', en: 'National kick-off in Utrecht' },
      date: isoDate(2022, 11, 14),
      time: '10:00',
      location: 'Utrecht',
      url: site,
    },
    colour: '#5b2a6e',
  },
  {
    year: 2023,
    number: 11,
    theme: { nl: 'Bespreek je zorgen', en: 'Discuss your concerns' },
    ...week(2023),
    description: {
      nl: [
        'Twijfel je of een kind veilig is? Bespreek je zorgen, met een collega, met Veilig Thuis of met de ouders. De elfde editie liet zien hoe je dat gesprek begint, ook als je nog niet zeker bent.',
      ],
      en: [
        'Unsure whether a child is safe? Discuss your concerns, with a colleague, with Veilig Thuis or with the parents. The eleventh edition showed how to start that conversation, even before you are sure.',
      ],
    },
    hashtags: ['WeekTegenKindermishandeling', 'BespreekJeZorgen'],
    keyFigures: [prevalence, veiligThuisLine],
    organisers: [...core, { organiser: 'veilig-thuis', role: 'co-organiser' }, { organiser: 'ccv', role: 'partner' }],
    kickOff: { title: { nl: 'Landelijke aftrap', en: 'National kick-off' }, date: week(2023).start, time: '10:00', location: 'Amersfoort', url: site },
    colour: '#1f6f78',
  },
  {
    year: 2025,
    number: 13,
    theme: { nl: 'Laat me niet los', en: "Don't let me go" },
    ...week(2025),
    description: {
      nl: [
        'Een melding of een eerste gesprek is een begin, geen eindpunt. Kinderen en jongeren vertellen dat het vooral helpt als volwassenen betrokken blijven, ook als het moeilijk wordt.',
        "Met 'Laat me niet los' vraagt de dertiende Week tegen Kindermishandeling aandacht voor langdurige steun aan kinderen en gezinnen.",
      ],
      en: [
        'A report or a first conversation is a beginning, not an end. Children and young people tell us that what helps most is adults who stay involved, also when it gets hard.',
        "With 'Don't let me go', the thirteenth Week against Child Abuse calls attention to lasting support for children and families.",
      ],
    },
    hashtags: ['WeekTegenKindermishandeling', 'LaatMeNietLos'],
    keyFigures: [prevalence, veiligThuisLine],
    organisers: [
      ...core,
      { organiser: 'veilig-thuis', role: 'co-organiser' },
      { organiser: 'raad-voor-de-kinderbescherming', role: 'partner' },
      { organiser: 'augeo', role: 'partner' },
      { organiser: 'stichting-voorkoming-kindermishandeling', role: 'partner' },
    ],
    kickOff: { title: { nl: 'Landelijke aftrap', en: 'National kick-off' }, date: week(2025).start, time: '10:00', location: 'Utrecht', url: site },
    colour: '#5b2a6e',
  },
]

export const currentEditionYear = 2025

export const guidelines = {
  nl: 'Meld activiteiten aan die over kindermishandeling of huiselijk geweld gaan en plaatsvinden in of rond de week. De redactie beoordeelt elke aanmelding; na goedkeuring verschijnt de activiteit op de website.',
  en: 'Submit activities about child abuse or domestic violence that take place during or around the week. The editors review every submission; approved activities appear on the website.',
}
