import { option } from './label'

/** Select values are slugs: they are part of the public API and never change with the labels. */

export const activityFormats = [
  option('meeting', 'Bijeenkomst', 'Meeting'),
  option('conference', 'Congres', 'Conference'),
  option('workshop', 'Workshop', 'Workshop'),
  option('training', 'Training', 'Training'),
  option('webinar', 'Webinar', 'Webinar'),
  option('campaign', 'Campagne', 'Campaign'),
  option('exhibition', 'Tentoonstelling', 'Exhibition'),
  option('other', 'Anders', 'Other'),
]

export const locationModes = [option('on-site', 'Op locatie', 'On site'), option('online', 'Online', 'Online'), option('hybrid', 'Hybride', 'Hybrid')]

export const provinces = [
  option('drenthe', 'Drenthe', 'Drenthe'),
  option('flevoland', 'Flevoland', 'Flevoland'),
  option('friesland', 'Friesland', 'Friesland'),
  option('gelderland', 'Gelderland', 'Gelderland'),
  option('groningen', 'Groningen', 'Groningen'),
  option('limburg', 'Limburg', 'Limburg'),
  option('noord-brabant', 'Noord-Brabant', 'North Brabant'),
  option('noord-holland', 'Noord-Holland', 'North Holland'),
  option('overijssel', 'Overijssel', 'Overijssel'),
  option('utrecht', 'Utrecht', 'Utrecht'),
  option('zeeland', 'Zeeland', 'Zeeland'),
  option('zuid-holland', 'Zuid-Holland', 'South Holland'),
]

export const audiences = [
  option('professionals-education', 'Professionals in het onderwijs', 'Professionals in education'),
  option('professionals-childcare', 'Professionals in de kinderopvang', 'Professionals in childcare'),
  option('professionals-youth-health-care', 'Professionals in de jeugdgezondheidszorg (JGZ)', 'Professionals in youth health care'),
  option('professionals-youth-care', 'Professionals in de jeugdhulp', 'Professionals in youth care'),
  option('professionals-social-work', 'Professionals in het sociaal werk', 'Professionals in social work'),
  option('professionals-police-justice', 'Professionals bij politie en justitie', 'Professionals in police and justice'),
  option('professionals-health-care', 'Professionals in de (huisarts)zorg', 'Professionals in health care'),
  option('municipalities', 'Gemeenten en beleidsmakers', 'Municipalities and policy makers'),
  option('volunteers', 'Vrijwilligers (sport, vereniging, kerk)', 'Volunteers (sport, clubs, faith communities)'),
  option('parents', 'Ouders en opvoeders', 'Parents and carers'),
  option('children-young-people', 'Kinderen en jongeren', 'Children and young people'),
  option('general-public', 'Breed publiek', 'General public'),
]

export const themes = [
  option('child-abuse', 'Kindermishandeling', 'Child abuse'),
  option('sexual-abuse', 'Seksueel misbruik', 'Sexual abuse'),
  option('domestic-violence', 'Huiselijk geweld', 'Domestic violence'),
  option('neglect', 'Verwaarlozing', 'Neglect'),
  option('emotional-abuse', 'Emotionele mishandeling', 'Emotional abuse'),
  option('witnessing-violence', 'Getuige zijn van geweld', 'Witnessing violence'),
  option('complex-divorce', 'Complexe scheidingen', 'Complex divorce'),
  option('trauma', 'Trauma en gevolgen', 'Trauma and its effects'),
  option('early-signals', 'Signaleren', 'Recognising signs'),
  option('talking', 'In gesprek gaan', 'Starting the conversation'),
  option('reporting-code', 'Meldcode', 'Reporting code'),
  option('prevention', 'Preventie', 'Prevention'),
  option('parenting-support', 'Opvoedondersteuning', 'Parenting support'),
  option('childrens-rights', 'Kinderrechten', "Children's rights"),
]

export const activityStatuses = [
  option('draft', 'Concept', 'Draft'),
  option('submitted', 'Ingediend', 'Submitted'),
  option('in-review', 'In behandeling', 'In review'),
  option('changes-requested', 'Wijzigingen gevraagd', 'Changes requested'),
  option('approved', 'Goedgekeurd', 'Approved'),
  option('rejected', 'Afgewezen', 'Rejected'),
  option('withdrawn', 'Ingetrokken', 'Withdrawn'),
  option('cancelled', 'Geannuleerd', 'Cancelled'),
]

export const storyPerspectives = [
  option('professional', 'Professional', 'Professional'),
  option('parent', 'Ouder', 'Parent'),
  option('child-or-young-person', 'Kind of jongere', 'Child or young person'),
  option('bystander', 'Omstander', 'Bystander'),
  option('expert-by-experience', 'Ervaringsdeskundige', 'Expert by experience'),
]

/** Warnings a website shows before the text of a story, so readers can choose whether to read on. */
export const contentWarnings = [
  option('sexual-abuse', 'Seksueel misbruik', 'Sexual abuse'),
  option('physical-violence', 'Lichamelijk geweld', 'Physical violence'),
  option('emotional-abuse', 'Emotionele mishandeling', 'Emotional abuse'),
  option('neglect', 'Verwaarlozing', 'Neglect'),
  option('domestic-violence', 'Huiselijk geweld', 'Domestic violence'),
  option('death-of-a-child', 'Overlijden van een kind', 'Death of a child'),
  option('self-harm', 'Zelfbeschadiging', 'Self-harm'),
  option('other', 'Anders', 'Other'),
]

export const consentMethods = [
  option('written', 'Schriftelijk', 'Written'),
  option('digital', 'Digitaal ondertekend', 'Signed digitally'),
  option('verbal-recorded', 'Mondeling, vastgelegd', 'Verbal, recorded'),
  option('guardian', 'Door ouder of voogd', 'By parent or guardian'),
]

export const organiserKinds = [
  option('ministry', 'Ministerie', 'Ministry'),
  option('knowledge-institute', 'Kennisinstituut', 'Knowledge institute'),
  option('veilig-thuis', 'Veilig Thuis', 'Veilig Thuis'),
  option('school', 'School of onderwijsinstelling', 'School'),
  option('childcare', 'Kinderopvang', 'Childcare'),
  option('youth-health-care', 'Jeugdgezondheidszorg (JGZ)', 'Youth health care'),
  option('youth-care', 'Jeugdhulp', 'Youth care'),
  option('municipality', 'Gemeente', 'Municipality'),
  option('police-justice', 'Politie of justitie', 'Police or justice'),
  option('ngo', 'Maatschappelijke organisatie', 'NGO'),
  option('company', 'Bedrijf', 'Company'),
  option('other', 'Anders', 'Other'),
]

export const editionRoles = [
  option('initiator', 'Initiatiefnemer', 'Initiator'),
  option('co-organiser', 'Mede-organisator', 'Co-organiser'),
  option('partner', 'Partner', 'Partner'),
  option('funder', 'Financier', 'Funder'),
]

export const assetKinds = [
  option('banner', 'Banner', 'Banner'),
  option('poster', 'Poster', 'Poster'),
  option('logo', 'Logo', 'Logo'),
  option('infographic', 'Infographic', 'Infographic'),
  option('social-post', 'Social-mediabericht', 'Social post'),
  option('toolkit', 'Toolkit', 'Toolkit'),
  option('factsheet', 'Factsheet', 'Factsheet'),
  option('video', 'Video', 'Video'),
  option('other', 'Anders', 'Other'),
]

export const assetLanguages = [
  option('nl', 'Nederlands', 'Dutch'),
  option('en', 'Engels', 'English'),
  option('ar', 'Arabisch', 'Arabic'),
  option('tr', 'Turks', 'Turkish'),
]

export const userRoles = [option('admin', 'Beheerder', 'Administrator'), option('editor', 'Redacteur', 'Editor'), option('partner', 'Partner', 'Partner')]

export const valuesOf = (options: { value: string }[]) => options.map((o) => o.value)

/** What the privacy check before publishing a story finds (src/privacy/personalData.ts); the Dutch words appear in its refusals. */
export const privacyFindingKinds = [
  option('email', 'e-mailadres', 'e-mail address'),
  option('phone', 'telefoonnummer', 'phone number'),
  option('postcode', 'postcode met huisnummer', 'postcode with house number'),
  option('bsn', 'burgerservicenummer (BSN)', 'citizen service number (BSN)'),
  option('iban', 'rekeningnummer (IBAN)', 'bank account number (IBAN)'),
  option('birthDate', 'geboortedatum', 'date of birth'),
  option('name', 'echte naam', 'real name'),
]
