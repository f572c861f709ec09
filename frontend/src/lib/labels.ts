/**
 * The Norwegian names of the API's values, as caseworkers say them. The
 * rules themselves live on the server (rules package); these are only names.
 */
import type {
  AddressProtection,
  AlertKind,
  AppealStatus,
  AreaLevel,
  AuditEventAction,
  CaseStatus,
  Channel,
  ConditionKind,
  CustodyEventStatus,
  DecisionConvictInformedHow,
  DecisionOralAppealAnswer,
  DisclosureBasis,
  DisclosureCategory,
  DisclosureDirection,
  DisclosureForm,
  DocumentMarkDocumentKind,
  EventKind,
  ExemptionGround,
  FamilyRelation,
  GuardianKind,
  InformationSource,
  Level,
  NoticeStatus,
  OffenceCategory,
  PoliceReportKind,
  PoliceRequestKind,
  PoliceRequestStatus,
  Route,
  SecurityOutcome,
  StatisticsDimension,
  WorkStep,
  WrittenStandard,
} from '../gql/graphql';

export const eventKindLabels: Record<EventKind, string> = {
  SERVING_OUTSIDE_PRISON: 'Straffegjennomføring utenfor fengsel',
  ELECTRONIC_MONITORING: 'Elektronisk kontroll',
  DAY_RELEASE: 'Frigang',
  LEAVE: 'Permisjon',
  INTERRUPTION: 'Straffavbrudd',
  ESCAPE: 'Unndragelse',
  RELEASE: 'Løslatelse eller prøveløslatelse',
  PAROLE_FROM_PREVENTIVE_DETENTION: 'Prøveløslatelse fra forvaring',
  RESIDENCE_CHANGE_ON_PAROLE: 'Endring av bosted i prøvetiden',
  ESCORTED_APPEARANCE: 'Fremstilling',
  HOSPITAL_ADMISSION: 'Sykehusinnleggelse',
  INSTITUTION_STAY: 'Institusjonsopphold (§ 12)',
  TRANSFER_TO_OTHER_PRISON: 'Overføring til annet fengsel',
  SENTENCE_TRANSFER_ABROAD: 'Soningsoverføring til utlandet',
  RELEASE_AT_TIME_FRAME_END: 'Løslatelse ved tidsrammens utløp (forvaring)',
  OTHER: 'Annet',
};

export const workStepLabels: Record<WorkStep, string> = {
  ASSESS_SECURITY: 'Sikkerhetsvurdering',
  AWAIT_POLICE_STATEMENT: 'Venter på politiets uttalelse',
  ASSESS_SIGNIFICANCE: 'Vurdering av betydning',
  DECIDE: 'Vedtak',
  INFORM_CONVICT: 'Underrette domfelte',
  DECIDE_APPEAL: 'Avgjøre klage',
  AWAIT_APPEAL_DEADLINE: 'Venter på klagefristen',
  PREPARE_NOTICES: 'Lage varsler',
  SEND_NOTICE: 'Sende varsel',
  POST_LETTER: 'Poste brev',
  DOCUMENT_PHONE_NOTICE: 'Dokumentere telefonvarsel',
  AWAIT_POLICE_DELIVERY: 'Venter på politiets levering',
};

export const noticeStatusLabels: Record<NoticeStatus, string> = {
  HELD: 'Holdes tilbake',
  READY: 'Klar til sending',
  SENDING: 'Sendes',
  SENT: 'Sendt',
  DELIVERED: 'Levert',
  CANCELLED: 'Kansellert',
};

export const channelLabels: Record<Channel, string> = {
  LETTER: 'Brev i posten',
  DIGIPOST: 'Digipost',
  PHONE: 'Telefon (unntak)',
  VIA_POLICE: 'Via politiet',
};

export const routeLabels: Record<Route, string> = {
  DIRECT: 'Direkte',
  VIA_POLICE: 'Via politiet',
};

export const protectionLabels: Record<AddressProtection, string> = {
  NONE: 'Ingen adressesperre',
  FORTROLIG: 'Fortrolig adresse (kode 7)',
  STRENGT_FORTROLIG: 'Strengt fortrolig adresse (kode 6)',
  STRENGT_FORTROLIG_UTLAND: 'Strengt fortrolig adresse i utlandet',
  UNKNOWN: 'Ukjent adresse',
};

export const writtenStandardLabels: Record<WrittenStandard, string> = {
  NB: 'Bokmål',
  NN: 'Nynorsk',
  EN: 'Engelsk',
};

export const relationLabels: Record<FamilyRelation, string> = {
  SPOUSE: 'Ektefelle',
  COHABITANT: 'Samboer',
  CHILD: 'Barn',
  PARENT: 'Forelder',
  SIBLING: 'Søsken',
  GRANDPARENT: 'Besteforelder',
  GRANDCHILD: 'Barnebarn',
  AUNT_OR_UNCLE: 'Tante eller onkel',
  NIECE_OR_NEPHEW: 'Nevø eller niese',
  COUSIN: 'Søskenbarn',
  FRIEND: 'Venn',
  OTHER: 'Annen relasjon',
};

export const guardianKindLabels: Record<GuardianKind, string> = {
  PARENTAL_RESPONSIBILITY: 'Foresatt med foreldreansvar',
  APPOINTED_GUARDIAN: 'Oppnevnt verge',
};

export const offenceLabels: Record<OffenceCategory, string> = {
  VIOLENCE: 'Vold',
  SEXUAL: 'Seksuallovbrudd',
  THREATS: 'Trusler',
  HOMICIDE: 'Drap',
  PROPERTY: 'Vinning',
  DRUGS: 'Narkotika',
  OTHER: 'Annet',
};

export const caseStatusLabels: Record<CaseStatus, string> = {
  SERVING: 'Under gjennomføring',
  LAPSED_BY_PREVENTIVE_DETENTION: 'Bortfalt ved idømt forvaring',
  COMPLETED: 'Ferdig gjennomført',
};

export const conditionKindLabels: Record<ConditionKind, string> = {
  RESIDENCE: 'Oppholdssted',
  NO_CONTACT: 'Kontaktforbud',
  WORK_OR_TRAINING: 'Arbeid eller opplæring',
  STATUTORY: 'Vilkår fastsatt i lov eller forskrift',
  OTHER: 'Annet vilkår',
};

export const areaLevelLabels: Record<AreaLevel, string> = {
  MUNICIPALITY: 'Kommune',
  TOWN: 'By eller tettsted',
  REGION: 'Region',
};

export const levelLabels: Record<Level, string> = {
  LOCAL: 'Lokalt nivå',
  REGION: 'Regionalt nivå',
  DIRECTORATE: 'Direktoratet',
};

export const securityOutcomeLabels: Record<SecurityOutcome, string> = {
  NO_RISK: 'Ingen fare',
  AWAITING_POLICE: 'Venter på politiets uttalelse',
  RISK_CONFIRMED: 'Fare bekreftet – ingen varsel',
  RISK_RULED_OUT: 'Fare avkreftet av politiet',
  RISK_LIFTED: 'Fare opphevet av beslutningstaker',
};

export const informationSourceLabels: Record<InformationSource, string> = {
  POLICE: 'Politiet',
  SOCIAL_SERVICES: 'Sosialtjenesten',
  CHILD_WELFARE: 'Barnevernet',
  OTHER_AGENCY: 'Annet offentlig organ',
  RECIPIENT: 'Mottakeren selv',
};

export const informedHowLabels: Record<DecisionConvictInformedHow, string> = {
  LETTER: 'Brev',
  IN_PERSON: 'Personlig, skriftlig',
  ORAL: 'Muntlig',
};

export const oralAnswerLabels: Record<DecisionOralAppealAnswer, string> = {
  WANTS_TO_APPEAL: 'Vil klage',
  DOES_NOT_APPEAL: 'Vil ikke klage',
  UNDECIDED: 'Har ikke bestemt seg',
};

export const appealStatusLabels: Record<AppealStatus, string> = {
  PENDING: 'Til behandling',
  UPHELD: 'Vedtaket står seg',
  OVERTURNED: 'Vedtaket er omgjort',
};

export const policeRequestKindLabels: Record<PoliceRequestKind, string> = {
  DELIVER_NOTICE: 'Levere varsel',
  SECURITY_STATEMENT: 'Uttalelse om fare',
  INFORMATION: 'Innhente opplysninger',
};

export const policeRequestStatusLabels: Record<PoliceRequestStatus, string> = {
  OPEN: 'Ny',
  ACKNOWLEDGED: 'Under behandling',
  COMPLETED: 'Besvart eller levert',
  DECLINED: 'Avslått',
  WITHDRAWN: 'Trukket tilbake',
};

/** policeRequestStatus says where one request stands: a notice the police delivered is «Levert», a statement or information given is «Besvart». */
export function policeRequestStatus(status: PoliceRequestStatus, kind: PoliceRequestKind): string {
  if (status === 'COMPLETED') return kind === 'DELIVER_NOTICE' ? 'Levert' : 'Besvart';
  return policeRequestStatusLabels[status];
}

export const policeReportKindLabels: Record<PoliceReportKind, string> = {
  INVESTIGATION_OPENED: 'Etterforskning innledet',
  CONDITIONS_BREACHED: 'Brudd på vilkår',
  FOREIGN_CONVICTION: 'Utenlandsk dom',
  IMMINENT_OFFENCE: 'Sannsynlig forestående lovbrudd',
};

export const disclosureDirectionLabels: Record<DisclosureDirection, string> = {
  TO_POLICE: 'Fra kriminalomsorgen til politiet',
  FROM_POLICE: 'Fra politiet til kriminalomsorgen',
};

export const disclosureCategoryLabels: Record<DisclosureCategory, string> = {
  CUSTODY: 'Gjennomføring (soning, permisjoner, besøk, kontroll)',
  OFFENCE: 'Lovbrudd og anmeldelser',
  POLICE_INFORMATION: 'Opplysninger fra politiet',
  CRIMINAL_RECORD: 'Opplysninger fra strafferegister',
  COMMUNICATION_CONTROL: 'Materiale fra kommunikasjonskontroll',
  HEALTH: 'Helseopplysninger',
};

export const disclosureBasisLabels: Record<DisclosureBasis, string> = {
  FVL_13B_5: 'Forvaltningsloven § 13 b første ledd nr. 5',
  FVL_13B_6: 'Forvaltningsloven § 13 b første ledd nr. 6',
  POLITIREGISTERLOVEN_26: 'Politiregisterloven § 26',
  POLITIREGISTERLOVEN_27: 'Politiregisterloven § 27',
  POLITIREGISTERLOVEN_30: 'Politiregisterloven § 30',
  POLITIREGISTERFORSKRIFTEN_9_6_10: 'Politiregisterforskriften § 9-6 nr. 10',
  POLITIREGISTERFORSKRIFTEN_10_5: 'Politiregisterforskriften § 10-5',
  POLITIREGISTERLOVEN_9: 'Politiregisterloven § 9 (opplysninger fra reaksjonsregisteret)',
  STRAFFELOVEN_196: 'Straffeloven § 196 (avvergingsplikt)',
  STRAFFEPROSESSLOVEN_216I: 'Straffeprosessloven § 216 i',
};

export const disclosureFormLabels: Record<DisclosureForm, string> = {
  WRITTEN: 'Skriftlig',
  ORAL: 'Muntlig',
};

export const exemptionGroundLabels: Record<ExemptionGround, string> = {
  OTHER_PERSON: 'Hensynet til en annen person',
  SECURITY: 'Sikkerhetsmessige grunner',
  INVESTIGATION: 'Hensynet til etterforskning',
};

export const documentKindLabels: Record<DocumentMarkDocumentKind, string> = {
  DECISION: 'Vedtak',
  SECURITY_ASSESSMENT: 'Sikkerhetsvurdering',
  ASSESSMENT: 'Vurdering',
  INFORMATION_REQUEST: 'Innhenting av opplysninger',
  DISCLOSURE: 'Utlevering',
  POLICE_REPORT: 'Melding fra politiet',
};

export const alertKindLabels: Record<AlertKind, string> = {
  NOTICE_DUE_SOON: 'Varsel forfaller snart',
  PHONE_UNDOCUMENTED: 'Telefonvarsel ikke dokumentert',
  LEAD_TIME_AT_RISK: 'Fristen på 14 dager står i fare',
  POLICE_REPORT: 'Melding fra politiet',
  POLICE_DECLINED: 'Politiet avslo en anmodning',
};

export const eventStatusLabels: Record<CustodyEventStatus, string> = {
  OPEN: 'Åpen',
  CLOSED: 'Avsluttet',
  CANCELLED: 'Avlyst',
  REGISTERED_IN_ERROR: 'Registrert ved en feil',
};

export const auditActionLabels: Record<AuditEventAction, string> = {
  CREATE: 'Opprettet',
  UPDATE: 'Endret',
  DELETE: 'Slettet',
};

export const dimensionLabels: Record<StatisticsDimension, string> = {
  UNIT: 'Enhet',
  REGION: 'Region',
  EVENT_KIND: 'Hendelse',
  MONTH: 'Måned',
  CHANNEL: 'Kanal',
};

/** The record kinds of the audit trail (ent's type names), as caseworkers say them. */
const entityTypeLabels: Record<string, string> = {
  Convict: 'Domfelt',
  CriminalCase: 'Straffesak',
  Victim: 'Fornærmet',
  Survivor: 'Etterlatt',
  Guardian: 'Verge/foresatt',
  CustodyEvent: 'Hendelse',
  Condition: 'Vilkår',
  InformationRequest: 'Innhenting av opplysninger',
  SecurityAssessment: 'Sikkerhetsvurdering',
  Assessment: 'Vurdering av betydning',
  Decision: 'Vedtak',
  Appeal: 'Klage',
  Notice: 'Varsel',
  PoliceRequest: 'Anmodning til politiet',
  PoliceReport: 'Melding fra politiet',
  Reservation: 'Reservasjon',
  NotificationAgreement: 'Avtale om varsling',
  InstitutionStay: 'Institusjonsopphold',
  Disclosure: 'Utlevering',
  DocumentMark: 'Unntak fra innsyn',
  Delegation: 'Delegering',
  StaffMember: 'Ansatt',
  Alert: 'Påminnelse',
};

export function entityTypeLabel(type: string): string {
  return entityTypeLabels[type] ?? type;
}

/** label looks a value up in a table of names, showing an unknown value as it came. */
export function label<K extends string>(names: Record<K, string>, value: K | null | undefined): string {
  if (!value) return '';
  return names[value] ?? value;
}

/** options turns a table of names into select options, in the table's order. */
export function options<K extends string>(names: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(names) as K[]).map((value) => ({ value, label: names[value] }));
}

/** nodes are the items of a Relay connection, without the empty edges GraphQL allows. */
export function nodes<T>(connection: { edges?: ({ node?: T | null } | null)[] | null } | undefined | null): T[] {
  return connection?.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
}
