import type { Organiser } from '../payload-types'

export type OrganiserSeed = {
  slug: string
  name: string
  shortName?: string
  kind: NonNullable<Organiser['kind']>
  website: string
  /** Contacts of seeded activities are fictional people with an address at this (reserved example) domain. */
  mailDomain: string
  description: { nl: string; en?: string }
  /** Generated word mark, used as `logo` (national organisations only). */
  logo?: { colour: string }
}

/** The national organisations behind the week. Websites are the real ones. */
export const nationalOrganisers: OrganiserSeed[] = [
  {
    slug: 'vws',
    name: 'Ministerie van Volksgezondheid, Welzijn en Sport',
    shortName: 'VWS',
    kind: 'ministry',
    website: 'https://www.rijksoverheid.nl/ministeries/ministerie-van-volksgezondheid-welzijn-en-sport',
    mailDomain: 'minvws.example.nl',
    description: {
      nl: 'Verantwoordelijk voor jeugdbeleid en de aanpak van kindermishandeling en huiselijk geweld. Financiert de Week tegen Kindermishandeling samen met het ministerie van Justitie en Veiligheid.',
      en: 'Responsible for youth policy and for tackling child abuse and domestic violence. Funds the week together with the Ministry of Justice and Security.',
    },
    logo: { colour: '#154273' },
  },
  {
    slug: 'jenv',
    name: 'Ministerie van Justitie en Veiligheid',
    shortName: 'JenV',
    kind: 'ministry',
    website: 'https://www.rijksoverheid.nl/ministeries/ministerie-van-justitie-en-veiligheid',
    mailDomain: 'minjenv.example.nl',
    description: {
      nl: 'Verantwoordelijk voor de jeugdbescherming en de strafrechtelijke aanpak van geweld tegen kinderen. Financiert de week samen met VWS.',
      en: 'Responsible for child protection and the criminal justice response to violence against children. Funds the week together with VWS.',
    },
    logo: { colour: '#154273' },
  },
  {
    slug: 'nji',
    name: 'Nederlands Jeugdinstituut',
    shortName: 'NJi',
    kind: 'knowledge-institute',
    website: 'https://www.nji.nl',
    mailDomain: 'nji.example.nl',
    description: {
      nl: 'Landelijk kennisinstituut voor jeugd en opvoeding. Organiseert de Week tegen Kindermishandeling samen met Movisie en verzamelt de kennis over signaleren en bespreken.',
      en: 'National knowledge institute for youth and parenting. Organises the week together with Movisie.',
    },
    logo: { colour: '#e4572e' },
  },
  {
    slug: 'movisie',
    name: 'Movisie',
    shortName: 'Movisie',
    kind: 'knowledge-institute',
    website: 'https://www.movisie.nl',
    mailDomain: 'movisie.example.nl',
    description: {
      nl: 'Landelijk kennisinstituut voor een samenhangende aanpak van sociale vraagstukken, waaronder huiselijk geweld. Organiseert de week samen met het NJi.',
      en: 'National knowledge institute for social issues, including domestic violence. Organises the week together with NJi.',
    },
    logo: { colour: '#00857c' },
  },
  {
    slug: 'veilig-thuis',
    name: 'Veilig Thuis',
    shortName: 'Veilig Thuis',
    kind: 'veilig-thuis',
    website: 'https://www.veiligthuis.nl',
    mailDomain: 'veiligthuis.example.nl',
    description: {
      nl: 'De landelijke vereniging van de 25 Veilig Thuis-organisaties, het advies- en meldpunt voor huiselijk geweld en kindermishandeling. Bereikbaar via 0800-2000, gratis en dag en nacht.',
      en: 'The national association of the 25 Veilig Thuis organisations, the advice and reporting centre for domestic violence and child abuse (0800-2000, free, 24/7).',
    },
    logo: { colour: '#d7263d' },
  },
  {
    slug: 'ccv',
    name: 'Centrum voor Criminaliteitspreventie en Veiligheid',
    shortName: 'CCV',
    kind: 'knowledge-institute',
    website: 'https://www.hetccv.nl',
    mailDomain: 'hetccv.example.nl',
    description: {
      nl: 'Onafhankelijk kenniscentrum voor veiligheid. Ondersteunt professionals bij het werken met de meldcode huiselijk geweld en kindermishandeling.',
      en: 'Independent centre for crime prevention and safety; supports professionals working with the reporting code.',
    },
    logo: { colour: '#2b4162' },
  },
  {
    slug: 'raad-voor-de-kinderbescherming',
    name: 'Raad voor de Kinderbescherming',
    shortName: 'RvdK',
    kind: 'police-justice',
    website: 'https://www.kinderbescherming.nl',
    mailDomain: 'rvdk.example.nl',
    description: {
      nl: 'Onderzoekt of een kind bescherming nodig heeft als de ontwikkeling ernstig wordt bedreigd en adviseert de rechter.',
      en: "Investigates whether a child needs protection when the child's development is seriously at risk, and advises the court.",
    },
    logo: { colour: '#6a4c93' },
  },
  {
    slug: 'augeo',
    name: 'Augeo Foundation',
    shortName: 'Augeo',
    kind: 'ngo',
    website: 'https://www.augeo.nl',
    mailDomain: 'augeo.example.nl',
    description: {
      nl: 'Fonds dat zich inzet voor kinderen die opgroeien in een onveilige thuissituatie, onder meer met gratis e-learnings voor professionals.',
      en: 'Foundation for children growing up in unsafe homes, known for its free e-learning for professionals.',
    },
    logo: { colour: '#f28f3b' },
  },
  {
    slug: 'stichting-voorkoming-kindermishandeling',
    name: 'Stichting Voorkoming Kindermishandeling',
    shortName: 'VKM',
    kind: 'ngo',
    website: 'https://voorkomkindermishandeling.nl',
    mailDomain: 'voorkomkindermishandeling.example.nl',
    description: {
      nl: 'Stichting die voorlichting, onderzoek en preventie van kindermishandeling steunt, onder meer met een bijzondere leerstoel.',
      en: 'Foundation supporting awareness, research and prevention of child abuse, among other things through an endowed chair.',
    },
    logo: { colour: '#3d5a80' },
  },
]

/** Local partners are made up; their domains are subdomains of example.nl. */
export const localOrganisers: OrganiserSeed[] = [
  {
    slug: 'obs-de-regenboog',
    name: 'Openbare Basisschool De Regenboog',
    shortName: 'OBS De Regenboog',
    kind: 'school',
    website: 'https://deregenboog.example.nl',
    mailDomain: 'deregenboog.example.nl',
    description: {
      nl: 'Basisschool in Zwolle met ruim 300 leerlingen. Werkt met een vaste aandachtsfunctionaris en betrekt ouders bij lessen over veiligheid en weerbaarheid.',
    },
  },
  {
    slug: 'kinderopvang-kleine-wereld',
    name: 'Kinderopvang Kleine Wereld',
    shortName: 'Kleine Wereld',
    kind: 'childcare',
    website: 'https://kleinewereld.example.nl',
    mailDomain: 'kleinewereld.example.nl',
    description: {
      nl: 'Kinderdagverblijven, peuteropvang en buitenschoolse opvang op twaalf locaties in de regio Eindhoven.',
    },
  },
  {
    slug: 'jgz-ggd-veenland',
    name: 'GGD Veenland, Jeugdgezondheidszorg',
    shortName: 'JGZ Veenland',
    kind: 'youth-health-care',
    website: 'https://jgz.ggdveenland.example.nl',
    mailDomain: 'ggdveenland.example.nl',
    description: {
      nl: 'Jeugdartsen en jeugdverpleegkundigen die kinderen van 0 tot 18 jaar in Drenthe zien, op het consultatiebureau en op school.',
    },
  },
  {
    slug: 'gemeente-lindewaarde',
    name: 'Gemeente Lindewaarde',
    kind: 'municipality',
    website: 'https://www.lindewaarde.example.nl',
    mailDomain: 'lindewaarde.example.nl',
    description: {
      nl: 'Gelderse gemeente die met wijkteams, scholen en sportclubs werkt aan een lokale aanpak van huiselijk geweld en kindermishandeling.',
    },
  },
  {
    slug: 'gemeente-duinhoven',
    name: 'Gemeente Duinhoven',
    kind: 'municipality',
    website: 'https://www.duinhoven.example.nl',
    mailDomain: 'duinhoven.example.nl',
    description: {
      nl: 'Zuid-Hollandse kustgemeente met een regionaal programma Geweld hoort nergens thuis.',
    },
  },
  {
    slug: 'veilig-thuis-waterland-oost',
    name: 'Veilig Thuis Waterland-Oost',
    kind: 'veilig-thuis',
    website: 'https://waterland-oost.veiligthuis.example.nl',
    mailDomain: 'vt-waterlandoost.example.nl',
    description: {
      nl: 'Regionale Veilig Thuis-organisatie in Noord-Holland: advies, meldingen en voorlichting aan professionals en inwoners.',
    },
  },
  {
    slug: 'politie-basisteam-maasvallei',
    name: 'Politie, basisteam Maasvallei',
    kind: 'police-justice',
    website: 'https://maasvallei.politie.example.nl',
    mailDomain: 'politie-maasvallei.example.nl',
    description: {
      nl: 'Basisteam in Limburg met wijkagenten die scholen bezoeken en samenwerken met Veilig Thuis bij meldingen over kinderen.',
    },
  },
  {
    slug: 'sv-noorderlicht',
    name: 'Sportvereniging Noorderlicht',
    shortName: 'SV Noorderlicht',
    kind: 'other',
    website: 'https://www.svnoorderlicht.example.nl',
    mailDomain: 'svnoorderlicht.example.nl',
    description: {
      nl: 'Omnisportvereniging in Groningen met voetbal, turnen en judo voor 900 jeugdleden. Heeft een vertrouwenscontactpersoon en een verplichte VOG voor alle trainers.',
    },
  },
]

export const allOrganisers = [...nationalOrganisers, ...localOrganisers]

/** The organisation the demo partner account acts for. */
export const partnerOrganiserSlug = 'obs-de-regenboog'

export const organiserBySlug = (slug: string): OrganiserSeed => {
  const found = allOrganisers.find((organiser) => organiser.slug === slug)
  if (!found) throw new Error(`Seed data refers to unknown organiser '${slug}'.`)
  return found
}
