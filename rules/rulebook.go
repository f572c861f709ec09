package rules

// Rule is one rule of the rulebook as a caseworker is told it: its ID, the
// provision it rests on and what it asks, in a sentence of Norwegian Bokmål.
// The web app shows these beside each step, so that a person sees which rule
// applies before anything is refused; the refusals themselves come from the
// checks in this package and carry the same ID.
type Rule struct {
	ID        string
	Provision string
	Summary   string
}

const (
	pr2Provision = "personvernforordningen art. 32 (sikkerhet ved behandlingen)"
	pr3Provision = "personvernforordningen art. 5 nr. 2 (ansvar) og art. 32"
	pr5Provision = "forskrift om behandling av personopplysninger i kriminalomsorgen § 7"
	// representativeProvision: who may not act as the convict's fullmektig (DC8).
	representativeProvision = "straffegjennomføringsloven § 7 bokstav a"
)

// rulebook holds every rule of RULEBOOK.md, in its order.
var rulebook = []Rule{
	{"EV1", section7b, "Bare straffegjennomføring utenfor fengsel, elektronisk kontroll, frigang, permisjon, straffavbrudd, unndragelse, løslatelse, prøveløslatelse fra forvaring og bostedsendring i prøvetiden kan varsles, hver etter sin hjemmel."},
	{"EV2", section7b, "Andre hendelser varsles ikke: fremstilling, sykehusinnleggelse, institusjonsopphold som sådan, overføring til annet fengsel, soningsoverføring og annet."},
	{"EV3", preventiveDetentionParole, "Løslatelse fordi tidsrammen for forvaringen er utløpt, varsles ikke."},
	{"EV4", preventiveDetentionParole, "Bostedsendring i prøvetiden kan ikke varsles ved prøveløslatelse fra forvaring."},
	{"EV5", institutionProvision, "Ved institusjonsopphold vurderes varsling når oppholdet innvilges; hver permisjon fra institusjonen er da en permisjon som institusjonen melder i god tid."},
	{"EV6", section7b, "En hendelse har et tidspunkt: en dato, dato og klokkeslett, eller et tidsrom. En unndragelse har tidspunktet den skjedde."},

	{"RC1", recipientsGuideline, "Bare fornærmede, eller etterlatte etter en avdød fornærmet, i straffesaker domfelte faktisk gjennomfører straff for, kan varsles."},
	{"RC2", recipientsGuideline, "Fornærmede i saker der straffen falt bort fordi forvaring ble idømt, kan varsles etter en journalført vurdering av at det er et reelt behov nå."},
	{"RC3", recipientsGuideline, "Etterlatte er avdødes ektefelle, samboer, barn, foreldre og søsken – ingen andre."},
	{"RC4", recipientsGuideline, "Er det flere etterlatte, journalføres det om én eller flere varsles, og hvorfor."},
	{"RC5", guardianProvision, "Er mottakeren under 18 år den dagen varselet sendes, går det til foresatte med foreldreansvar eller oppnevnt verge. Hvem det går til, avgjøres når det sendes, ikke når det lages."},
	{"RC6", guardianProvision, "En voksen under vergemål varsles gjennom vergen."},
	{"RC7", recipientsGuideline, "Domfelte er aldri mottaker, heller ikke som verge eller forelder for fornærmede."},
	{"RC8", secrecyProvision, "Ingen andre enn politiet, fornærmede og etterlatte (eller deres verger) får vite noe om varslingen."},
	{"RC9", policeDelivery, "Har mottakeren strengt fortrolig adresse (kode 6) eller ukjent adresse, leverer politiet varselet, og ingen del av adressen lagres – verken gate, postnummer, sted eller land. En fortrolig adresse (kode 7) vises bare dem som behandler saken."},
	{"RC10", agreementGuideline, "Den som har reservert seg, får ingen varsler før reservasjonen er opphevet. En avtale om hvor ofte det skal varsles, journalføres med dato og hvordan den ble inngått."},

	{"AS1", significanceGuideline, "Forut for hver utgang vurderes det konkret for hver mulig mottaker om varsel er av betydning, med mindre en avtale sier at ett varsel dekker den. Vedtak treffes ikke før alle er vurdert."},
	{"AS2", securityGuideline, "Sikkerheten vurderes først og for seg. Kan det være fare for hevnaksjoner, bes politiet om uttalelse; bekreftes faren, gis ikke varsel. Bare politiets uttalelse eller en beslutters begrunnede vurdering opphever faren – aldri en ny vurdering som bare sier «ingen fare»."},
	{"AS3", significanceGuideline, "«Av betydning for» er en konkret, skjønnsmessig vurdering av lovbruddet, behovet for å forberede seg, forholdet mellom partene, sannsynligheten for å møtes, tid og sted, avstand og domspremissene."},
	{"AS4", significanceGuideline, "Er mottakeren under 18 år, skal varsling vurderes særlig nøye, også ved mindre alvorlige lovbrudd."},
	{"AS5", secrecyProvision, "Et valg om ikke å varsle begrunnes og journalføres. Mottakeren får aldri vite om det."},
	{"AS6", informationProvision, "Opplysninger kan innhentes fra politiet, sosialtjenesten og barnevernet i god tid før varsling; hver forespørsel og hvert svar logges."},
	{"AS7", procedureGuideline, "Mottakeren spørres ikke før vedtaket, og kontaktes ikke før det er endelig at varsel skal gis."},

	{"DC1", "forvaltningsloven § 2 første ledd bokstav e", "Beslutningen om å varsle er et enkeltvedtak med begrunnelse. Partene er enheten og domfelte. Begrunnelsen utelates bare når den ville røpe opplysninger unntatt fra innsyn, og da registreres unntaket."},
	{"DC2", decidingLevelProvision, "Vedtaket treffes på det nivået som avgjør utgangen: lokalt, eller regionalt for domfelte med mer enn ti år, forvaring eller særlig høyt sikkerhetsnivå – unntatt ved unndragelse."},
	{"DC3", "forvaltningsloven § 27, straffegjennomføringsloven § 7 bokstav c og d", "Domfelte underrettes om vedtaket, klageretten, fristen, klageinstansen og retten til innsyn – aldri før vedtaket er fattet. At det er praktisk umulig, er regelen ved unndragelse og ellers et unntak en beslutter begrunner. Brevet inneholder aldri mottakerens adresse."},
	{"DC4", AppealDeadlineProvision, "Klagefristen er 7 dager fra domfelte fikk vedtaket; den første dagen telles ikke. Ender fristen på en lørdag, søndag eller helligdag, forlenges den til neste virkedag."},
	{"DC5", ReleaseProvision, "Så langt det er praktisk mulig sendes varselet ikke før klagefristen er ute eller klagen er endelig avgjort. Treffes vedtaket så sent at fristen går ut etter varselets frist eller utgangen, sier systemet fra."},
	{"DC6", ReleaseProvision, "Er det ikke tid til å vente, kan domfelte orienteres muntlig og spørres om han eller hun vil klage; når, av hvem og svaret journalføres."},
	{"DC7", appealProvision, "Klagen avgjøres av nivået over. Omgjøres vedtaket, kanselleres alle varsler som ikke er sendt."},
	{"DC8", representativeProvision, "En innsatt, en som gjennomfører straff, eller en ansatt i kriminalomsorgen kan ikke være domfeltes fullmektig i saken eller klagen."},

	{"NT1", channelGuideline, "Varsel gis med brev i posten eller Digipost, unntaksvis på telefon (dokumenteres skriftlig så snart som mulig), eller via politiet. Aldri SMS, e-post eller andre elektroniske meldinger."},
	{"NT2", LeadTimeProvision, "Varselet gis i god tid, så langt det er praktisk mulig minst 14 dager før. Et senere varsel må begrunnes og rapporteres – vurdert når det sendes, ikke bare når det lages. Unndragelse varsles snarest mulig."},
	{"NT3", contentGuideline, "Varselet sier når hendelsen skjer, ved unndragelse at og når den skjedde, og bare de vilkårene som direkte angår mottakeren."},
	{"NT4", contentGuideline, "Oppholdssted oppgis bare som kommune, by eller region – aldri som adresse eller noe som peker ut en adresse, verken i området eller i noen beskrivelse som når mottakeren."},
	{"NT5", contentGuideline, "Kan flere varsler komme, sier varselet uttrykkelig at mottakeren kan reservere seg mot dem."},
	{"NT6", channelGuideline, "Et varsel sendes én gang. En ny sending gir aldri et nytt brev."},
	{"NT7", channelGuideline, "Brevet skrives på mottakerens målform: bokmål som standard, nynorsk på forespørsel, engelsk som høflighetsoversettelse."},
	{"NT8", LeadTimeProvision, "Varselet bygges på fakta slik de er når det sendes. Flyttes eller avlyses hendelsen, eller endres mottakerens adressesperre, vergemål eller målform, følger usendte varsler endringen; den som alt er varslet om et tidspunkt som ikke lenger gjelder, får et rettet varsel eller en avlysning."},

	{"IX1", recordProvision, "Hver utlevering mellom kriminalomsorgen og politiet registreres: retning, hva, formål, mottaker, hjemmel, hvem som besluttet, når, skriftlig eller muntlig, og om opplysningene er ubekreftede og fra hvilken kilde."},
	{"IX2", decisionProvision, "Beslutningen tas av enhetens leder eller den lederen har delegert til. Delegeringer registreres."},
	{"IX3", recordProvision, "Hver utlevering har en gjeldende hjemmel. Materiale fra kommunikasjonskontroll kan bare utleveres for å avverge en straffbar handling som kan gi fengsel; opplysninger fra reaksjonsregisteret har hjemmel i politiregisterloven § 9."},
	{"IX4", healthProvision, "Det fengselsansatte får vite som medhjelpere for helsepersonell, er taushetsbelagt og kan ikke utleveres til politiet."},
	{"IX5", reportProvision, "Politiet skal melde fra om etterforskning mot domfelte, brudd på vilkår, utenlandske dommer og når det er sannsynlig at domfelte vil begå et lovbrudd i nær fremtid."},
	{"IX6", infoflytProvision, "Domfelte som følges opp i INFOFLYT, er unntatt fra ordinær utlevering; bruk INFOFLYT-prosedyren."},
	{"IX7", accessProvision, "Dokumenter kan unntas fra domfeltes innsyn av hensyn til en annen person, sikkerhet eller etterforskning; domfeltes advokat behandles som domfelte."},
	{"IX8", retentionProvision, "Ubekreftede opplysninger skal bekreftes; det som fortsatt er ubekreftet etter 4 måneder, slettes, med mindre et enkeltvedtak bygger på det. Alle personopplysninger slettes senest 10 år etter endt straff; mangler sluttdatoen, listes domfelte for vurdering."},

	{"PR1", identityProvision, "Fødselsnummer og D-nummer kontrolleres med kontrollsifrene og en gyldig dato (29. februar bare når årstallet er delelig med 4); fødselsdato utledes aldri av nummeret."},
	{"PR2", pr2Provision, "Hver visning av identitet eller adresse til fornærmede, etterlatte og verger logges med hvem, når, hvilken person og hvilken sak."},
	{"PR3", pr3Provision, "Revisjonssporet kan bare utvides, aldri endres eller slettes; hver rad bærer hashen av den forrige."},
	{"PR4", reportingProvision, "Statistikk viser bare samlede tall for hele kalendermåneder. Tall under 5 skjules, også slik at de ikke kan regnes ut av summer, andre tall eller overlappende perioder."},
	{"PR5", pr5Provision, "Ansatte ser bare sakene til sin egen enhet (en region ser sine enheter); politiet ser bare anmodninger til sitt distrikt."},
	{"PR6", pr2Provision, "Logger og feilmeldinger inneholder aldri personopplysninger – ingen forespørsler, variabler, navn, fødselsnumre eller adresser – heller ikke når forespørselen er feilformet."},
}

// Rulebook lists every rule with its provision and a summary in Norwegian,
// in the rulebook's order, for the web app to cite beside each step.
func Rulebook() []*Rule {
	out := make([]*Rule, len(rulebook))
	for i := range rulebook {
		r := rulebook[i]
		out[i] = &r
	}
	return out
}
