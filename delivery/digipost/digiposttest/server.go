// Package digiposttest is an in-test stand-in for Digipost's API, for what
// tests cannot reach. It checks every request the way Digipost documents it
// — date, content hash, sender id and the signature over the canonical
// string, verified with the sender's public key — and the message itself:
// addressed by identity number, sensitive, two-factor, no SMS or e-mail
// alert, with a PDF. It keeps each message id once, answering a repeat with
// 409 DUPLICATE_MESSAGE as Digipost does, and signs its responses.
package digiposttest

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"encoding/xml"
	"fmt"
	"io"
	"math/big"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"varsel/delivery/digipost"
)

// Delivery is a message Digipost accepted.
type Delivery struct {
	MessageID, DocumentID, IdentityNumber, Subject string
	PDF                                            []byte
}

// Server is the stand-in.
type Server struct {
	*httptest.Server
	SenderID   string
	SenderKey  *rsa.PrivateKey // the sender's key, to give to the client
	serverKey  *rsa.PrivateKey
	ServerCert *x509.Certificate

	mu        sync.Mutex
	delivered map[string]Delivery
	order     []string
	posts     int
	rejected  []string
	holdNext  int           // how many accepted messages to hold the response for
	release   chan struct{} // closed to let held responses go
}

// New starts a stand-in for one sender with fresh keys.
func New(tb testing.TB) *Server {
	tb.Helper()
	s := &Server{SenderID: "123456", delivered: map[string]Delivery{}, release: make(chan struct{})}
	var err error
	if s.SenderKey, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
		tb.Fatal(err)
	}
	if s.serverKey, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
		tb.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Digipost Test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &s.serverKey.PublicKey, s.serverKey)
	if err != nil {
		tb.Fatal(err)
	}
	if s.ServerCert, err = x509.ParseCertificate(der); err != nil {
		tb.Fatal(err)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.handle))
	tb.Cleanup(func() {
		s.mu.Lock()
		select {
		case <-s.release:
		default:
			close(s.release)
		}
		s.mu.Unlock()
		s.Server.Close()
	})
	return s
}

// Config is a client configuration for this stand-in.
func (s *Server) Config(timeout time.Duration) digipost.Config {
	return digipost.Config{URL: s.URL, SenderID: s.SenderID, Key: s.SenderKey, ServerCert: s.ServerCert, Timeout: timeout}
}

// WriteFiles writes the sender key and the server certificate as PEM files,
// for a separate process configured by environment, and returns that
// environment.
func (s *Server) WriteFiles(tb testing.TB, dir string) []string {
	tb.Helper()
	key := filepath.Join(dir, "digipost-sender.pem")
	cert := filepath.Join(dir, "digipost-server.pem")
	if err := os.WriteFile(key, pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(s.SenderKey)}), 0o600); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: s.ServerCert.Raw}), 0o600); err != nil {
		tb.Fatal(err)
	}
	return []string{"DIGIPOST_URL=" + s.URL, "DIGIPOST_SENDER_ID=" + s.SenderID, "DIGIPOST_KEY_FILE=" + key, "DIGIPOST_SERVER_CERT_FILE=" + cert}
}

// HoldNext makes the next n accepted messages' responses wait until Release:
// the message is stored, but the sender hears nothing — as when the network
// or the sender's process fails after Digipost got the message.
func (s *Server) HoldNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.holdNext = n
}

// Release lets held responses go.
func (s *Server) Release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.release:
	default:
		close(s.release)
	}
}

// Delivered returns the accepted messages, in order.
func (s *Server) Delivered() []Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Delivery, 0, len(s.order))
	for _, id := range s.order {
		out = append(out, s.delivered[id])
	}
	return out
}

// Posts is how many message requests arrived, repeats included.
func (s *Server) Posts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.posts
}

// Rejected lists why requests were refused.
func (s *Server) Rejected() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.rejected...)
}

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if r.Method != http.MethodPost || r.URL.Path != "/messages" {
		s.respond(w, r, http.StatusNotFound, "GENERAL_ERROR", "no such resource")
		return
	}
	s.mu.Lock()
	s.posts++
	s.mu.Unlock()
	if problem := s.checkRequest(r, body); problem != "" {
		s.reject(w, r, http.StatusForbidden, problem)
		return
	}
	d, problem := parseMessage(r, body)
	if problem != "" {
		s.reject(w, r, http.StatusBadRequest, problem)
		return
	}
	s.mu.Lock()
	if _, dup := s.delivered[d.MessageID]; dup {
		s.mu.Unlock()
		s.respond(w, r, http.StatusConflict, digipost.DuplicateError, "A message with this id has already been delivered.")
		return
	}
	s.delivered[d.MessageID] = d
	s.order = append(s.order, d.MessageID)
	hold := s.holdNext > 0
	if hold {
		s.holdNext--
	}
	release := s.release
	s.mu.Unlock()
	if hold {
		select {
		case <-release:
		case <-r.Context().Done():
			return // the sender gave up or died: it never learns the message arrived
		}
	}
	s.respondXML(w, r, http.StatusCreated, fmt.Sprintf(
		`<message-delivery xmlns=%q><message-id>%s</message-id><delivery-method>DIGIPOST</delivery-method><status>DELIVERED</status></message-delivery>`,
		digipost.Namespace, d.MessageID))
}

// checkRequest verifies the signed headers as Digipost documents them.
func (s *Server) checkRequest(r *http.Request, body []byte) string {
	date := r.Header.Get("Date")
	when, err := http.ParseTime(date)
	switch {
	case err != nil || time.Since(when).Abs() > 5*time.Minute:
		return "Date header missing or not within 5 minutes"
	case r.Header.Get("X-Digipost-UserId") != s.SenderID:
		return "unknown sender"
	case r.Header.Get("X-Content-SHA256") != digipost.ContentSHA256(body):
		return "X-Content-SHA256 does not match the body"
	case !strings.Contains(r.Header.Get("Accept"), digipost.MediaType):
		return "Accept must be " + digipost.MediaType
	}
	canonical := digipost.CanonicalRequest(r.Method, r.URL.Path, date, r.Header.Get("X-Content-SHA256"), s.SenderID, r.URL.RawQuery)
	if err := digipost.Verify(&s.SenderKey.PublicKey, canonical, r.Header.Get("X-Digipost-Signature")); err != nil {
		return "The signature found in the X-Digipost-Signature header could not be verified. Canonical string:\n" + canonical
	}
	return ""
}

// parseMessage reads the multipart message and checks what it orders.
func parseMessage(r *http.Request, body []byte) (Delivery, string) {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != digipost.MultipartType {
		return Delivery{}, "Content-Type must be " + digipost.MultipartType
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	var (
		msg struct {
			MessageID string `xml:"message-id"`
			Recipient struct {
				PIN string `xml:"personal-identification-number"`
			} `xml:"recipient"`
			Document struct {
				UUID           string    `xml:"uuid"`
				Subject        string    `xml:"subject"`
				FileType       string    `xml:"file-type"`
				Authentication string    `xml:"authentication-level"`
				Sensitivity    string    `xml:"sensitivity-level"`
				SMS            *struct{} `xml:"sms-notification"`
				Email          *struct{} `xml:"email-notification"`
			} `xml:"primary-document"`
		}
		files = map[string][]byte{}
	)
	for i := 0; ; i++ {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Delivery{}, "bad multipart body"
		}
		data, _ := io.ReadAll(part)
		if i == 0 {
			if part.Header.Get("Content-Type") != digipost.MediaType || xml.Unmarshal(data, &msg) != nil {
				return Delivery{}, "the first part must be the message XML"
			}
			continue
		}
		files[part.FileName()] = data
	}
	d := msg.Document
	switch {
	case msg.MessageID == "":
		return Delivery{}, "message-id is required"
	case len(msg.Recipient.PIN) != 11:
		return Delivery{}, "the recipient must be a personal identification number"
	case d.Sensitivity != "SENSITIVE" || d.Authentication != "TWO_FACTOR":
		return Delivery{}, "a notice must be SENSITIVE and TWO_FACTOR"
	case d.SMS != nil || d.Email != nil:
		return Delivery{}, "no SMS or e-mail notification may be ordered for a notice"
	case d.FileType != "pdf" || !bytes.HasPrefix(files[d.UUID], []byte("%PDF-")):
		return Delivery{}, "the document must be a PDF in a part named by its uuid"
	}
	return Delivery{MessageID: msg.MessageID, DocumentID: d.UUID, IdentityNumber: msg.Recipient.PIN, Subject: d.Subject, PDF: files[d.UUID]}, ""
}

func (s *Server) reject(w http.ResponseWriter, r *http.Request, status int, problem string) {
	s.mu.Lock()
	s.rejected = append(s.rejected, problem)
	s.mu.Unlock()
	s.respond(w, r, status, "GENERAL_ERROR", problem)
}

func (s *Server) respond(w http.ResponseWriter, r *http.Request, status int, code, message string) {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(message))
	s.respondXML(w, r, status, fmt.Sprintf(`<error xmlns=%q><error-code>%s</error-code><error-message>%s</error-message></error>`,
		digipost.Namespace, code, b.String()))
}

// respondXML signs and writes a response as Digipost does.
func (s *Server) respondXML(w http.ResponseWriter, r *http.Request, status int, body string) {
	date := time.Now().UTC().Format(http.TimeFormat)
	hash := digipost.ContentSHA256([]byte(body))
	sig, _ := digipost.Sign(s.serverKey, digipost.CanonicalResponse(status, r.URL.Path, date, hash))
	w.Header().Set("Content-Type", digipost.MediaType)
	w.Header().Set("Date", date)
	w.Header().Set("X-Content-SHA256", hash)
	w.Header().Set("X-Digipost-Signature", sig)
	w.WriteHeader(status)
	io.WriteString(w, body)
}
