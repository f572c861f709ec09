// Package letters writes Varsel's letters as PDF: the notice to a victim or
// survivor (in Bokmål, Nynorsk or English, NT7), the decision letter to the
// convict (DC3), and the request to the police to deliver a notice (RC9).
//
// The words are in templates under templates/, one file per letter and
// language, that a caseworker can read and correct without knowing Go: a
// letter is sections — [avsender], [mottaker], [detaljer], [tekst] — of plain
// lines; in the text, a line starting with "# " is a heading, "- " a bullet,
// and a blank line ends a paragraph. What Varsel fills in is written
// {{.Like this}}.
package letters

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// page layout in millimetres (A4).
const (
	marginLeft   = 25.0
	marginRight  = 20.0
	marginTop    = 20.0
	bodyFontSize = 11.0
	lineHeight   = 5.5
)

// section is a part of a letter as the template writes it.
type section struct {
	name  string
	lines []string
}

// parse splits a filled-in template into its sections.
func parse(text string) []section {
	var (
		out []section
		cur *section
	)
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t")
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") && !strings.Contains(line, " ") {
			out = append(out, section{name: strings.Trim(line, "[]")})
			cur = &out[len(out)-1]
			continue
		}
		if cur != nil {
			cur.lines = append(cur.lines, line)
		}
	}
	return out
}

// document is a PDF being written.
type document struct{ pdf *fpdf.Fpdf }

func newDocument() *document {
	pdf := fpdf.New("P", "mm", "A4", "")
	// The Go fonts cover Norwegian letters (æ, ø, å) and are embedded, so
	// the letter reads the same wherever it is opened or printed.
	pdf.AddUTF8FontFromBytes("go", "", goregular.TTF)
	pdf.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	pdf.SetMargins(marginLeft, marginTop, marginRight)
	pdf.SetAutoPageBreak(true, 20)
	pdf.SetCreator("Varsel – Kriminalomsorgen", true)
	return &document{pdf: pdf}
}

// addLetter writes one letter, from its filled-in template, on new pages.
func (d *document) addLetter(text string) {
	pdf := d.pdf
	pdf.AddPage()
	width, _ := pdf.GetPageSize()
	usable := width - marginLeft - marginRight
	for _, s := range parse(text) {
		lines := trimBlank(s.lines)
		switch s.name {
		case "avsender":
			pdf.SetFont("go", "B", 13)
			for i, l := range lines {
				if i == 1 {
					pdf.SetFont("go", "", bodyFontSize)
				}
				pdf.CellFormat(usable, lineHeight+0.5, l, "", 1, "L", false, 0, "")
			}
			pdf.Ln(10)
		case "mottaker":
			pdf.SetFont("go", "", bodyFontSize)
			for _, l := range lines {
				pdf.CellFormat(usable/2, lineHeight, l, "", 1, "L", false, 0, "")
			}
			pdf.Ln(8)
		case "detaljer":
			pdf.SetFont("go", "", bodyFontSize-1)
			for _, l := range lines {
				pdf.CellFormat(usable, lineHeight-0.5, l, "", 1, "R", false, 0, "")
			}
			pdf.Ln(6)
		default: // tekst
			d.body(lines, usable)
		}
	}
}

// body writes headings, paragraphs and bullets.
func (d *document) body(lines []string, usable float64) {
	pdf := d.pdf
	var (
		para   []string
		inList bool
	)
	endList := func() {
		if inList {
			pdf.Ln(2.5)
			inList = false
		}
	}
	flush := func() {
		if len(para) == 0 {
			return
		}
		endList()
		pdf.SetFont("go", "", bodyFontSize)
		pdf.MultiCell(usable, lineHeight, strings.Join(para, " "), "", "L", false)
		pdf.Ln(2.5)
		para = nil
	}
	for _, l := range lines {
		switch {
		case l == "":
			flush()
		case strings.HasPrefix(l, "# "):
			flush()
			endList()
			pdf.SetFont("go", "B", 14)
			pdf.MultiCell(usable, 7, strings.TrimPrefix(l, "# "), "", "L", false)
			pdf.Ln(2)
		case strings.HasPrefix(l, "## "):
			flush()
			endList()
			pdf.SetFont("go", "B", bodyFontSize+1)
			pdf.MultiCell(usable, lineHeight+0.5, strings.TrimPrefix(l, "## "), "", "L", false)
			pdf.Ln(1)
		case strings.HasPrefix(l, "- "):
			flush()
			pdf.SetFont("go", "", bodyFontSize)
			x := pdf.GetX()
			pdf.CellFormat(6, lineHeight, "•", "", 0, "L", false, 0, "")
			pdf.MultiCell(usable-6, lineHeight, strings.TrimPrefix(l, "- "), "", "L", false)
			pdf.SetX(x)
			inList = true
		default:
			para = append(para, strings.TrimSpace(l))
		}
	}
	flush()
}

// bytes returns the finished PDF.
func (d *document) bytes() ([]byte, error) {
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("letters: writing the PDF: %w", err)
	}
	return buf.Bytes(), nil
}

// trimBlank drops blank lines at the start and end of a section.
func trimBlank(lines []string) []string {
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
