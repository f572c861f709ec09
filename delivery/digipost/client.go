// Package digipost sends notices to recipients' Digipost mailboxes through
// Digipost's signed REST API (api.digipost.no): each request is signed with
// the sender's certificate key over Digipost's canonical string, and each
// response's signature is verified with Digipost's certificate. Messages are
// addressed by national identity number, marked sensitive and requiring
// two-factor login, with no SMS or e-mail alert (NT1). The message id is
// derived from the notice, so a retried send is recognised by Digipost as
// the same message and never delivered twice (NT6).
package digipost

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
	"strings"
	"time"

	"github.com/google/uuid"
)

// MediaType is the API version the client speaks.
const (
	MediaType      = "application/vnd.digipost-v8+xml"
	MultipartType  = "multipart/vnd.digipost-v8+xml"
	Namespace      = "http://api.digipost.no/schema/v8"
	messagesPath   = "/messages"
	DuplicateError = "DUPLICATE_MESSAGE"
)

// Config is a Digipost sender.
type Config struct {
	URL      string // e.g. https://api.digipost.no
	SenderID string // the sender's Digipost id (X-Digipost-UserId)
	// Key is the private key of the sender's certificate registered with Digipost.
	Key *rsa.PrivateKey
	// ServerCert is Digipost's certificate; responses are verified with it.
	ServerCert *x509.Certificate
	Timeout    time.Duration
}

// ConfigFromEnv reads DIGIPOST_URL, DIGIPOST_SENDER_ID, DIGIPOST_KEY_FILE (PEM
// private key) and DIGIPOST_SERVER_CERT_FILE (PEM certificate). It returns nil
// when Digipost is not configured at all, and an error when it is only partly.
func ConfigFromEnv(getenv func(string) string) (*Config, error) {
	vars := map[string]string{}
	set := 0
	for _, k := range []string{"DIGIPOST_URL", "DIGIPOST_SENDER_ID", "DIGIPOST_KEY_FILE", "DIGIPOST_SERVER_CERT_FILE"} {
		if vars[k] = strings.TrimSpace(getenv(k)); vars[k] != "" {
			set++
		}
	}
	if set == 0 {
		return nil, nil
	}
	if set < 4 {
		return nil, errors.New("digipost: DIGIPOST_URL, DIGIPOST_SENDER_ID, DIGIPOST_KEY_FILE and DIGIPOST_SERVER_CERT_FILE must all be set, or none")
	}
	key, err := readKey(vars["DIGIPOST_KEY_FILE"])
	if err != nil {
		return nil, err
	}
	cert, err := readCert(vars["DIGIPOST_SERVER_CERT_FILE"])
	if err != nil {
		return nil, err
	}
	return &Config{URL: strings.TrimSuffix(vars["DIGIPOST_URL"], "/"), SenderID: vars["DIGIPOST_SENDER_ID"],
		Key: key, ServerCert: cert, Timeout: 30 * time.Second}, nil
}

func readKey(path string) (*rsa.PrivateKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("digipost: reading the sender key: %w", err)
	}
	block, _ := pem.Decode(b)
	if block == nil {
		return nil, errors.New("digipost: the sender key file holds no PEM block")
	}
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("digipost: the sender key: %w", err)
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("digipost: the sender key is not an RSA key")
	}
	return rk, nil
}

func readCert(path string) (*x509.Certificate, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("digipost: reading Digipost's certificate: %w", err)
	}
	block, _ := pem.Decode(b)
	if block == nil {
		return nil, errors.New("digipost: the certificate file holds no PEM block")
	}
	return x509.ParseCertificate(block.Bytes)
}

// Client sends messages.
type Client struct {
	cfg  Config
	http *http.Client
	now  func() time.Time
}

// New returns a client for cfg.
func New(cfg Config) *Client {
	if cfg.Timeout == 0 {
		cfg.Timeout = 30 * time.Second
	}
	return &Client{cfg: cfg, http: &http.Client{Timeout: cfg.Timeout}, now: time.Now}
}

// noticeNamespace makes message ids from notice ids.
var noticeNamespace = uuid.MustParse("0d5c6f4e-6a3b-5e0a-9a1f-7a7e5b3c2d10")

// MessageID is the Digipost message id of a notice, the same every time.
func MessageID(noticeID int) string {
	return uuid.NewSHA1(noticeNamespace, fmt.Appendf(nil, "varsel-notice-%d", noticeID)).String()
}

// DocumentID is the id of a notice's letter within its message.
func DocumentID(noticeID int) string {
	return uuid.NewSHA1(noticeNamespace, fmt.Appendf(nil, "varsel-notice-document-%d", noticeID)).String()
}

// Message is one letter to one person's Digipost mailbox.
type Message struct {
	ID             string
	DocumentID     string
	IdentityNumber string // the recipient's fødselsnummer
	Subject        string
	PDF            []byte
}

// Result says how Digipost took the message.
type Result struct {
	// AlreadyDelivered: Digipost had the message already (a retry); it
	// was not delivered again.
	AlreadyDelivered bool
}

// ErrRejected is a message Digipost will not take (e.g. the recipient has
// no Digipost mailbox): sending again will not help.
var ErrRejected = errors.New("digipost: message rejected")

// messageXML is the message part (schema v8).
type messageXML struct {
	XMLName   xml.Name `xml:"message"`
	Xmlns     string   `xml:"xmlns,attr"`
	MessageID string   `xml:"message-id"`
	Recipient struct {
		PersonalIdentificationNumber string `xml:"personal-identification-number"`
	} `xml:"recipient"`
	PrimaryDocument struct {
		UUID                string `xml:"uuid"`
		Subject             string `xml:"subject"`
		FileType            string `xml:"file-type"`
		AuthenticationLevel string `xml:"authentication-level"`
		SensitivityLevel    string `xml:"sensitivity-level"`
	} `xml:"primary-document"`
}

// Send delivers m, or recognises that Digipost has it already.
func (c *Client) Send(ctx context.Context, m Message) (Result, error) {
	var msg messageXML
	msg.Xmlns = Namespace
	msg.MessageID = m.ID
	msg.Recipient.PersonalIdentificationNumber = m.IdentityNumber
	msg.PrimaryDocument.UUID = m.DocumentID
	msg.PrimaryDocument.Subject = m.Subject
	msg.PrimaryDocument.FileType = "pdf"
	// The notice is sensitive: it opens only after two-factor login, and no
	// SMS or e-mail alert is ordered (NT1).
	msg.PrimaryDocument.AuthenticationLevel = "TWO_FACTOR"
	msg.PrimaryDocument.SensitivityLevel = "SENSITIVE"
	xmlBody, err := xml.Marshal(msg)
	if err != nil {
		return Result{}, err
	}

	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, part := range []struct {
		contentType, filename string
		data                  []byte
	}{
		{MediaType, "message", append([]byte(xml.Header), xmlBody...)},
		{"application/octet-stream", m.DocumentID, m.PDF},
	} {
		h := textproto.MIMEHeader{}
		h.Set("Content-Type", part.contentType)
		h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename=%q`, part.filename))
		w, err := mw.CreatePart(h)
		if err != nil {
			return Result{}, err
		}
		w.Write(part.data)
	}
	if err := mw.Close(); err != nil {
		return Result{}, err
	}

	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.cfg.URL+messagesPath, bytes.NewReader(body.Bytes()))
	if err != nil {
		return Result{}, err
	}
	req.Header.Set("Content-Type", MultipartType+"; boundary="+mw.Boundary())
	req.Header.Set("Accept", MediaType)
	if err := c.sign(req, body.Bytes()); err != nil {
		return Result{}, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return Result{}, fmt.Errorf("digipost: sending message %s: %w", m.ID, err)
	}
	defer resp.Body.Close()
	respBody, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return Result{}, err
	}
	if err := c.verify(resp, messagesPath, respBody); err != nil {
		return Result{}, err
	}
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return Result{}, nil
	case resp.StatusCode == http.StatusConflict && errorCode(respBody) == DuplicateError:
		return Result{AlreadyDelivered: true}, nil
	case resp.StatusCode >= 400 && resp.StatusCode < 500 && resp.StatusCode != http.StatusTooManyRequests:
		return Result{}, fmt.Errorf("%w: HTTP %d %s", ErrRejected, resp.StatusCode, errorCode(respBody))
	}
	return Result{}, fmt.Errorf("digipost: HTTP %d for message %s", resp.StatusCode, m.ID)
}

// CanonicalRequest is the string Digipost's request signature covers: the
// method, the lowercased path, the Date, X-Content-SHA256 (when there is a
// body) and X-Digipost-UserId headers, and the URL-encoded parameters, each
// line ending with "\n".
func CanonicalRequest(method, path, date, contentSHA256, userID, rawQuery string) string {
	var b strings.Builder
	b.WriteString(strings.ToUpper(method) + "\n")
	b.WriteString(strings.ToLower(path) + "\n")
	b.WriteString("date: " + date + "\n")
	if contentSHA256 != "" {
		b.WriteString("x-content-sha256: " + contentSHA256 + "\n")
	}
	b.WriteString("x-digipost-userid: " + userID + "\n")
	b.WriteString(strings.ToLower(rawQuery) + "\n") // the query as it stands in the URL, already URL-encoded
	return b.String()
}

// CanonicalResponse is the string Digipost's response signature covers: the
// status code, the requested path, the Date and X-Content-SHA256 headers.
func CanonicalResponse(status int, path, date, contentSHA256 string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d\n%s\n", status, strings.ToLower(path))
	b.WriteString("date: " + date + "\n")
	if contentSHA256 != "" {
		b.WriteString("x-content-sha256: " + contentSHA256 + "\n")
	}
	return b.String()
}

// ContentSHA256 is the base64 SHA-256 of a body, as X-Content-SHA256 carries it.
func ContentSHA256(body []byte) string {
	sum := sha256.Sum256(body)
	return base64.StdEncoding.EncodeToString(sum[:])
}

// Sign is SHA256withRSA over s, base64-encoded.
func Sign(key *rsa.PrivateKey, s string) (string, error) {
	sum := sha256.Sum256([]byte(s))
	sig, err := rsa.SignPKCS1v15(nil, key, crypto.SHA256, sum[:])
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(sig), nil
}

// Verify checks a SHA256withRSA signature over s.
func Verify(pub *rsa.PublicKey, s, signature string) error {
	sig, err := base64.StdEncoding.DecodeString(signature)
	if err != nil {
		return err
	}
	sum := sha256.Sum256([]byte(s))
	return rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], sig)
}

func (c *Client) sign(req *http.Request, body []byte) error {
	date := c.now().UTC().Format(http.TimeFormat)
	hash := ContentSHA256(body)
	req.Header.Set("Date", date)
	req.Header.Set("X-Content-SHA256", hash)
	req.Header.Set("X-Digipost-UserId", c.cfg.SenderID)
	req.Header.Set("User-Agent", "Varsel/1 (kriminalomsorgen)")
	sig, err := Sign(c.cfg.Key, CanonicalRequest(req.Method, req.URL.Path, date, hash, c.cfg.SenderID, req.URL.RawQuery))
	if err != nil {
		return err
	}
	req.Header.Set("X-Digipost-Signature", sig)
	return nil
}

// verify checks that a response comes from Digipost: its body matches
// X-Content-SHA256, its date is recent, and its signature verifies with
// Digipost's certificate.
func (c *Client) verify(resp *http.Response, path string, body []byte) error {
	pub, ok := c.cfg.ServerCert.PublicKey.(*rsa.PublicKey)
	if !ok {
		return errors.New("digipost: Digipost's certificate has no RSA key")
	}
	date := resp.Header.Get("Date")
	when, err := http.ParseTime(date)
	if err != nil || c.now().Sub(when).Abs() > 5*time.Minute {
		return fmt.Errorf("digipost: response date %q is missing or off by more than 5 minutes", date)
	}
	hash := ""
	if len(body) > 0 {
		hash = resp.Header.Get("X-Content-SHA256")
		if hash != ContentSHA256(body) {
			return errors.New("digipost: the response body does not match X-Content-SHA256")
		}
	}
	if err := Verify(pub, CanonicalResponse(resp.StatusCode, path, date, hash), resp.Header.Get("X-Digipost-Signature")); err != nil {
		return fmt.Errorf("digipost: the response signature does not verify: %w", err)
	}
	return nil
}

// errorCode reads <error-code> from an error response.
func errorCode(body []byte) string {
	var e struct {
		Code string `xml:"error-code"`
	}
	xml.Unmarshal(body, &e)
	return e.Code
}
