package seed

// unitSpec is a local unit of the correctional service and its share of the
// national caseload. The service's reference data (server/reference.go) has a
// selection of units; at national scale the caseload is spread over the rest
// of the country's prisons and probation offices too, which the seed adds
// when they are missing. weight is the unit's relative share of convicts:
// roughly its capacity, lower for prisons that mostly hold people on remand
// (who get no leave) and higher for large probation offices.
type unitSpec struct {
	code, name   string
	region       string // the parent region's code
	district     string // the police district the unit lies in
	highSecurity bool
	weight       float64
}

var unitSpecs = []unitSpec{
	// Region øst.
	{code: "oslo-fengsel", region: "region-ost", district: "oslo", weight: 1.2},
	{code: "ila-fengsel", region: "region-ost", district: "oslo", weight: 2},
	{code: "oslo-friomsorgskontor", region: "region-ost", district: "oslo", weight: 4},
	{code: "ullersmo-fengsel", name: "Ullersmo fengsel", region: "region-ost", district: "ost", highSecurity: true, weight: 3},
	{code: "halden-fengsel", name: "Halden fengsel", region: "region-ost", district: "ost", highSecurity: true, weight: 3},
	{code: "bredtveit-fengsel", name: "Bredtveit fengsel og forvaringsanstalt", region: "region-ost", district: "oslo", weight: 1},
	{code: "indre-ostfold-fengsel", name: "Indre Østfold fengsel", region: "region-ost", district: "ost", weight: 2},
	{code: "kongsvinger-fengsel", name: "Kongsvinger fengsel", region: "region-ost", district: "innlandet", weight: 1},
	{code: "innlandet-fengsel", name: "Innlandet fengsel", region: "region-ost", district: "innlandet", weight: 2},
	{code: "ostfold-friomsorgskontor", name: "Østfold friomsorgskontor", region: "region-ost", district: "ost", weight: 2},
	{code: "romerike-friomsorgskontor", name: "Romerike friomsorgskontor", region: "region-ost", district: "ost", weight: 2},
	{code: "innlandet-friomsorgskontor", name: "Innlandet friomsorgskontor", region: "region-ost", district: "innlandet", weight: 2},
	// Region sør.
	{code: "ringerike-fengsel", region: "region-sor", district: "sor-ost", weight: 2},
	{code: "skien-fengsel", region: "region-sor", district: "sor-ost", weight: 2},
	{code: "drammen-fengsel", name: "Drammen fengsel", region: "region-sor", district: "sor-ost", weight: 1},
	{code: "bastoy-fengsel", name: "Bastøy fengsel", region: "region-sor", district: "sor-ost", weight: 1},
	{code: "vestfold-fengsel", name: "Vestfold fengsel", region: "region-sor", district: "sor-ost", weight: 1},
	{code: "agder-fengsel", name: "Agder fengsel", region: "region-sor", district: "agder", weight: 2},
	{code: "buskerud-friomsorgskontor", name: "Buskerud friomsorgskontor", region: "region-sor", district: "sor-ost", weight: 2},
	{code: "vestfold-telemark-friomsorgskontor", name: "Vestfold og Telemark friomsorgskontor", region: "region-sor", district: "sor-ost", weight: 2},
	{code: "agder-friomsorgskontor", name: "Agder friomsorgskontor", region: "region-sor", district: "agder", weight: 2},
	// Region vest.
	{code: "bergen-fengsel", region: "region-vest", district: "vest", weight: 3},
	{code: "bjorgvin-fengsel", name: "Bjørgvin fengsel", region: "region-vest", district: "vest", weight: 2},
	{code: "sogn-og-fjordane-fengsel", name: "Sogn og Fjordane fengsel", region: "region-vest", district: "vest", weight: 1},
	{code: "alesund-fengsel", name: "Ålesund fengsel", region: "region-vest", district: "more-og-romsdal", weight: 1},
	{code: "hordaland-friomsorgskontor", name: "Hordaland friomsorgskontor", region: "region-vest", district: "vest", weight: 3},
	{code: "more-og-romsdal-friomsorgskontor", name: "Møre og Romsdal friomsorgskontor", region: "region-vest", district: "more-og-romsdal", weight: 2},
	// Region sørvest.
	{code: "stavanger-fengsel", region: "region-sorvest", district: "sor-vest", weight: 2},
	{code: "ana-fengsel", name: "Åna fengsel", region: "region-sorvest", district: "sor-vest", weight: 2},
	{code: "sandeid-fengsel", name: "Sandeid fengsel", region: "region-sorvest", district: "sor-vest", weight: 1},
	{code: "haugesund-fengsel", name: "Haugesund fengsel", region: "region-sorvest", district: "sor-vest", weight: 1},
	{code: "rogaland-friomsorgskontor", name: "Rogaland friomsorgskontor", region: "region-sorvest", district: "sor-vest", weight: 3},
	// Region nord.
	{code: "trondheim-fengsel", region: "region-nord", district: "trondelag", weight: 3},
	{code: "tromso-fengsel", region: "region-nord", district: "troms", weight: 2},
	{code: "trondelag-fengsel", name: "Trøndelag fengsel", region: "region-nord", district: "trondelag", weight: 2},
	{code: "bodo-fengsel", name: "Bodø fengsel", region: "region-nord", district: "nordland", weight: 1},
	{code: "vestre-finnmark-fengsel", name: "Vestre Finnmark fengsel", region: "region-nord", district: "finnmark", weight: 1},
	{code: "trondelag-friomsorgskontor", name: "Trøndelag friomsorgskontor", region: "region-nord", district: "trondelag", weight: 2},
	{code: "nordland-friomsorgskontor", name: "Nordland friomsorgskontor", region: "region-nord", district: "nordland", weight: 2},
	{code: "troms-finnmark-friomsorgskontor", name: "Troms og Finnmark friomsorgskontor", region: "region-nord", district: "troms", weight: 2},
}

// place is where a synthetic person lives: a real postal code and place,
// and the police district that delivers there.
type place struct {
	code, name, district string
}

var places = []place{
	{"0150", "Oslo", "oslo"}, {"0484", "Oslo", "oslo"}, {"0661", "Oslo", "oslo"}, {"1363", "Høvik", "oslo"},
	{"1606", "Fredrikstad", "ost"}, {"2000", "Lillestrøm", "ost"}, {"1767", "Halden", "ost"}, {"1530", "Moss", "ost"},
	{"2317", "Hamar", "innlandet"}, {"2609", "Lillehammer", "innlandet"}, {"2815", "Gjøvik", "innlandet"},
	{"3015", "Drammen", "sor-ost"}, {"3110", "Tønsberg", "sor-ost"}, {"3716", "Skien", "sor-ost"}, {"3257", "Larvik", "sor-ost"},
	{"4610", "Kristiansand", "agder"}, {"4836", "Arendal", "agder"},
	{"4006", "Stavanger", "sor-vest"}, {"5501", "Haugesund", "sor-vest"}, {"4306", "Sandnes", "sor-vest"},
	{"5003", "Bergen", "vest"}, {"5145", "Fyllingsdalen", "vest"}, {"6800", "Førde", "vest"},
	{"6002", "Ålesund", "more-og-romsdal"}, {"6413", "Molde", "more-og-romsdal"},
	{"7010", "Trondheim", "trondelag"}, {"7600", "Levanger", "trondelag"},
	{"8006", "Bodø", "nordland"}, {"8514", "Narvik", "nordland"},
	{"9008", "Tromsø", "troms"}, {"9600", "Hammerfest", "finnmark"}, {"9900", "Kirkenes", "finnmark"},
}

var streets = []string{"Storgata", "Kirkegata", "Skolegata", "Parkveien", "Fjordveien", "Bjørkeveien", "Granveien",
	"Kongens gate", "Dronningens gate", "Møllevegen", "Solbakken", "Nygata", "Strandveien", "Åsveien"}

var firstNames = []string{"Anne", "Inger", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Berit", "Astrid", "Bjørg",
	"Hilde", "Anna", "Solveig", "Marianne", "Randi", "Ida", "Nina", "Maria", "Elisabeth", "Emma", "Nora", "Sara",
	"Jan", "Per", "Bjørn", "Ole", "Lars", "Kjell", "Knut", "Svein", "Arne", "Thomas", "Hans", "Geir", "Morten",
	"Tor", "Martin", "Erik", "Andreas", "Jon", "Anders", "Espen", "Jonas", "Magnus", "Henrik", "Kristian"}

var lastNames = []string{"Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
	"Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen", "Andreassen",
	"Jacobsen", "Dahl", "Jørgensen", "Henriksen", "Lund", "Halvorsen", "Sørensen", "Jakobsen", "Moen", "Gundersen",
	"Iversen", "Strand", "Solberg", "Svendsen", "Eide", "Knutsen", "Martinsen", "Paulsen", "Bakken", "Kristoffersen"}

// courts are district courts' codes, as they appear in Norwegian case numbers.
var courts = []string{"OTIR", "BORG", "FOLL", "ROMR", "BUSK", "VEST", "TELE", "AGDE", "SORO", "HAUG", "BERG", "SUNN",
	"MROM", "TRON", "INHE", "SALT", "NTRO", "OFOT", "OSFI", "HALO"}
