package letters

import (
	"bytes"
	"embed"
	"fmt"
	"reflect"
	"strings"
	"text/template"
	"time"

	"varsel/rules"
)

//go:embed templates/*.txt
var templateFiles embed.FS

// Unit is the sender: the local unit that carries out the notification.
type Unit struct {
	Name    string
	Address []string
	Phone   string
}

// Addressee is whom a letter is to and where it goes.
type Addressee struct {
	Name    string
	Address []string // empty when the police deliver (RC9)
}

// NoticeLetter is a notice to a victim or survivor, or to their guardian on
// their behalf (NT3–NT5, NT7).
type NoticeLetter struct {
	Standard rules.WrittenStandard
	Unit     Unit
	// Reference is the letter's human reference (delivery.Reference): the
	// unit, the year and a short code, never a database id.
	Reference string
	// CaseNumber is the criminal case the notice concerns, as the recipient
	// knows it from the court.
	CaseNumber string
	// Caseworker is the name of whom the recipient may ask for; the unit's
	// phone is the line (staff have no phone numbers of their own here).
	Caseworker string
	Date       time.Time
	To         Addressee
	// OnBehalfOf names the minor or the person under guardianship when the
	// letter goes to their guardian (RC5, RC6).
	OnBehalfOf string
	// ByPolice: the police deliver the letter (RC9); no address is printed.
	ByPolice bool
	// Kind: a notice, or a correction or cancellation of one told before
	// (NT8); Told is when that one was sent.
	Kind rules.NoticeKind
	Told *time.Time
	// Withdrawn: a cancellation because the decision to notify was
	// withdrawn, not because the event will not happen (NT8): the letter
	// must not say it is cancelled.
	Withdrawn bool
	Content   rules.NoticeContent
}

// DecisionLetter is the decision to notify as the convict receives it
// (DC3). It names no recipient and holds no address or contact details of
// any (strgjfl § 7 letters c and d).
type DecisionLetter struct {
	Unit        Unit
	Reference   string
	Date        time.Time
	ConvictName string
	ConvictUnit string // where the convict is, as the letter's address
	Content     rules.NoticeContent
	Victims     int // how many victims are notified
	Survivors   int // how many survivors are notified
	Reasoning   string
	// ReasonsWithheld: an exemption was recorded (DC1, strgjfl § 7 letter d),
	// so the letter says the reasons are not given instead of printing them.
	ReasonsWithheld bool
	DecidedAt       time.Time
	Deadline        *time.Time // the appeal deadline, when known (DC4)
	AppealBody      string     // the unit that decides an appeal (DC7)
}

// PoliceRequest asks a police district to deliver a notice (RC9): whom to
// deliver to and by when, with the notice attached — nothing more of the case.
type PoliceRequest struct {
	Unit           Unit
	Reference      string
	Date           time.Time
	District       string
	Name           string
	IdentityNumber string
	BirthDate      *time.Time
	OnBehalfOf     string
	Protection     rules.AddressProtection
	DueDate        time.Time
	Notice         NoticeLetter
}

// NoticePDF writes one notice letter.
func NoticePDF(l NoticeLetter) ([]byte, error) { return NoticesPDF([]NoticeLetter{l}) }

// NoticesPDF writes several notice letters into one PDF, each starting on a
// new page: the unit's print batch.
func NoticesPDF(ls []NoticeLetter) ([]byte, error) {
	doc := newDocument()
	for _, l := range ls {
		text, err := fill("notice", l.Standard, l)
		if err != nil {
			return nil, err
		}
		doc.addLetter(text)
	}
	return doc.bytes()
}

// DecisionPDF writes the convict's decision letter, in Bokmål.
func DecisionPDF(l DecisionLetter) ([]byte, error) {
	text, err := fill("decision", rules.Bokmal, l)
	if err != nil {
		return nil, err
	}
	doc := newDocument()
	doc.addLetter(text)
	return doc.bytes()
}

// PolicePDF writes the request to the police, with the notice after it.
func PolicePDF(r PoliceRequest) ([]byte, error) {
	text, err := fill("police", rules.Bokmal, r)
	if err != nil {
		return nil, err
	}
	r.Notice.ByPolice = true
	notice, err := fill("notice", r.Notice.Standard, r.Notice)
	if err != nil {
		return nil, err
	}
	doc := newDocument()
	doc.addLetter(text)
	doc.addLetter(notice)
	return doc.bytes()
}

// AccessList is the list of documents a convict — or the convict's lawyer,
// treated as the convict — may see (IX7): documents exempt from the
// convict's access are left out, and only counted.
type AccessList struct {
	Unit           Unit
	Reference      string
	Date           time.Time
	ConvictName    string
	Documents      []AccessDocument
	WithheldNotice string // how many are withheld, and under which provision
}

// AccessDocument is one document on an access list.
type AccessDocument struct {
	Date  time.Time
	Title string
}

// AccessPDF writes the convict's access list, in Bokmål.
func AccessPDF(l AccessList) ([]byte, error) {
	text, err := fill("access", rules.Bokmal, l)
	if err != nil {
		return nil, err
	}
	doc := newDocument()
	doc.addLetter(text)
	return doc.bytes()
}

// fill reads a letter's template in a written standard and fills it in.
func fill(letter string, standard rules.WrittenStandard, data any) (string, error) {
	name := fmt.Sprintf("templates/%s.%s.txt", letter, strings.ToLower(string(rules.LetterStandard(standard))))
	src, err := templateFiles.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("letters: no template %s", name)
	}
	words, body := splitWords(string(src))
	t, err := template.New(name).Funcs(funcs(words)).Parse(body)
	if err != nil {
		return "", fmt.Errorf("letters: %s: %w", name, err)
	}
	var out bytes.Buffer
	if err := t.Execute(&out, data); err != nil {
		return "", fmt.Errorf("letters: %s: %w", name, err)
	}
	return out.String(), nil
}

// splitWords takes the [ord] section — "KEY = words" lines — out of a
// template, and returns it as a dictionary with the rest of the template.
func splitWords(src string) (map[string]string, string) {
	words := map[string]string{}
	var rest []string
	inWords := false
	for _, line := range strings.Split(src, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "[ord]":
			inWords = true
			continue
		case strings.HasPrefix(trimmed, "[") && strings.HasSuffix(trimmed, "]"):
			inWords = false
		case inWords:
			if k, v, ok := strings.Cut(trimmed, "="); ok {
				words[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
			continue
		}
		rest = append(rest, line)
	}
	return words, strings.Join(rest, "\n")
}

// funcs are what templates can call: words from the dictionary, and dates
// and times in Norwegian time written the template's way.
func funcs(words map[string]string) template.FuncMap {
	word := func(key any) string {
		v := reflect.ValueOf(key)
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return ""
			}
			key = v.Elem().Interface()
		}
		k := fmt.Sprint(key)
		if w, ok := words[k]; ok {
			return w
		}
		return k
	}
	months := strings.Split(words["måneder"], ",")
	date := func(t time.Time) string {
		t = t.In(rules.Norway)
		month := t.Month().String()
		if len(months) == 12 {
			month = strings.TrimSpace(months[t.Month()-1])
		}
		return strings.NewReplacer("{dag}", fmt.Sprint(t.Day()), "{måned}", month, "{år}", fmt.Sprint(t.Year())).
			Replace(words["datoformat"])
	}
	// Calendar dates are stored as midnight UTC: their day is the UTC day.
	calendar := func(t time.Time) string {
		return date(time.Date(t.Year(), t.Month(), t.Day(), 12, 0, 0, 0, rules.Norway))
	}
	when := func(t time.Time, dateOnly bool) string {
		if dateOnly {
			return date(t)
		}
		t = t.In(rules.Norway)
		return date(t) + " " + strings.NewReplacer("{tid}", t.Format(words["tidsformat"])).Replace(words["klokkeslett"])
	}
	return template.FuncMap{
		"ord":       word,
		"dato":      date,
		"kalender":  calendar,
		"tidspunkt": when,
		"pluss":     func(a, b int) int { return a + b },
	}
}
