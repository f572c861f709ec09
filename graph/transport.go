package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"varsel"
)

// postJSON is GraphQL over HTTP: POST with one JSON object as the body. It
// replaces gqlgen's own POST transport, which repeats a body it cannot decode
// in the error, where it reaches the client and the log (PR6), and which
// answers a body it could not read through the response interceptors, where
// the transaction's interceptor panics for want of an operation.
//
// Status codes say what went wrong: 413 for a body over MaxRequestBody; 400
// for a body that is no GraphQL request, for an operation refused by a limit
// and for a request refused for its input alone; 422 for a document that
// does not parse or validate (gqlgen's convention, 400 when the client asks
// for application/graphql-response+json); 503 with Retry-After when the
// database could not be reached and nothing was answered; 200 otherwise.
type postJSON struct{}

var _ graphql.Transport = postJSON{}

func (postJSON) Supports(r *http.Request) bool {
	if r.Header.Get("Upgrade") != "" || r.Method != http.MethodPost {
		return false
	}
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mediaType == "application/json"
}

func (postJSON) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	contentType := responseContentType(r)
	start := graphql.Now()
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxRequestBody))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		writeResponse(w, contentType, http.StatusRequestEntityTooLarge, &graphql.Response{Errors: gqlerror.List{
			limitError(limitBody, MaxRequestBody, "Forespørselen er for stor (høyst %d KiB).", MaxRequestBody>>10)}})
		return
	}
	if err != nil {
		writeResponse(w, contentType, http.StatusBadRequest, requestError("Forespørselen kunne ikke leses."))
		return
	}
	params, err := decodeParams(body)
	if err != nil {
		writeResponse(w, contentType, http.StatusBadRequest, requestError(
			"Forespørselen må være ett JSON-objekt med spørringen som tekst i «query» og eventuelle variabler som et objekt i «variables»."))
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	oc, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, oc), errs)
		writeResponse(w, contentType, refusedStatus(contentType, resp.Errors), resp)
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, oc)
	resp := responses(ctx)
	status := http.StatusOK
	switch {
	case !hasData(resp) && anyError(resp, isUnavailable):
		status = http.StatusServiceUnavailable
		w.Header().Set("Retry-After", RetryAfter)
	case !hasData(resp) && allErrors(resp, isBadInput):
		status = http.StatusBadRequest
	}
	writeResponse(w, contentType, status, resp)
}

// decodeParams reads the body as exactly one JSON object with a string query,
// an optional operation name and variables and extensions as objects.
func decodeParams(body []byte) (*graphql.RawParams, error) {
	var params graphql.RawParams
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&params); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("more than one JSON value")
	}
	return &params, nil
}

// requestError is the answer to a body that is no GraphQL request. It says
// what a request looks like and never repeats the body.
func requestError(msg string) *graphql.Response {
	return &graphql.Response{Errors: gqlerror.List{{
		Message:    msg,
		Extensions: map[string]any{"code": varsel.EINVALID},
	}}}
}

// refusedStatus is the status of an operation refused before it ran.
func refusedStatus(contentType string, errs gqlerror.List) int {
	if errcode.GetErrorKind(errs) == errcode.KindProtocol && contentType == "application/json" {
		return http.StatusUnprocessableEntity
	}
	return http.StatusBadRequest
}

// hasData reports whether any root field of a response has a value.
func hasData(resp *graphql.Response) bool {
	d := bytes.TrimSpace(resp.Data)
	return len(d) > 0 && !bytes.Equal(d, []byte("null")) && !allNull(d)
}

func isBadInput(e *gqlerror.Error) bool { return errors.Is(e.Err, errBadInput) }

func isUnavailable(e *gqlerror.Error) bool {
	var u unavailableError
	return errors.As(e.Err, &u)
}

func allErrors(resp *graphql.Response, is func(*gqlerror.Error) bool) bool {
	for _, e := range resp.Errors {
		if !is(e) {
			return false
		}
	}
	return len(resp.Errors) > 0
}

func anyError(resp *graphql.Response, is func(*gqlerror.Error) bool) bool {
	for _, e := range resp.Errors {
		if is(e) {
			return true
		}
	}
	return false
}

// allNull reports whether data is an object whose every root field is null.
func allNull(data []byte) bool {
	var fields map[string]json.RawMessage
	if json.Unmarshal(data, &fields) != nil {
		return false
	}
	for _, v := range fields {
		if string(v) != "null" {
			return false
		}
	}
	return true
}

// responseContentType follows the client's Accept header between the two
// GraphQL-over-HTTP media types; application/json when it names neither.
func responseContentType(r *http.Request) string {
	for part := range strings.SplitSeq(r.Header.Get("Accept"), ",") {
		mediaType, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mediaType {
		case "application/graphql-response+json":
			return mediaType
		case "application/json", "*/*", "application/*":
			return "application/json"
		}
	}
	return "application/json"
}

func writeResponse(w http.ResponseWriter, contentType string, status int, resp *graphql.Response) {
	b, err := json.Marshal(resp)
	if err != nil {
		// Never the data in the message or the log: it holds personal data.
		slog.Error("GraphQL response could not be encoded", "err_type", fmt.Sprintf("%T", err))
		b, status = []byte(`{"errors":[{"message":"Svaret kunne ikke skrives.","extensions":{"code":"INTERNAL"}}]}`), http.StatusInternalServerError
	}
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	w.Write(b)
}
