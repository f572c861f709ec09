package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Trusted documents (persisted operations). The web app's build writes every
// operation it may send to a manifest, persisted-documents.json, keyed by
// "sha256:" and the hash of the document; the web app then sends only the
// hash (extensions.persistedQuery.sha256Hash, as Apollo's and urql's
// persisted queries do). In production the server runs only documents from
// the manifest: a document it has not seen is refused before it is parsed,
// so an attacker has no query language to work with — only the web app's
// own operations, with their variables. Dev mode also takes ad-hoc
// documents (the playground, varsel devtoken with curl).

// ManifestFile is the manifest's name in the built web app (VARSEL_WEB_DIR).
const ManifestFile = "persisted-documents.json"

// TrustedDocuments are the documents the server runs, by their key.
type TrustedDocuments map[string]string

// LoadTrustedDocuments reads a manifest and checks that each document's key
// is its hash, so that a document cannot be swapped under a known key.
func LoadTrustedDocuments(path string) (TrustedDocuments, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var docs TrustedDocuments
	if err := json.Unmarshal(b, &docs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for key, doc := range docs {
		sum := sha256.Sum256([]byte(doc))
		if key != "sha256:"+hex.EncodeToString(sum[:]) {
			return nil, fmt.Errorf("%s: the document under %s is not the one its hash names", path, key)
		}
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s holds no documents", path)
	}
	return docs, nil
}

// trustedOnly puts the trusted document in place of a hash, and refuses an
// ad-hoc document unless adHoc allows it. It runs before anything else reads
// the document.
type trustedOnly struct {
	docs  TrustedDocuments
	adHoc bool
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = trustedOnly{}

func (trustedOnly) ExtensionName() string                   { return "TrustedDocuments" }
func (trustedOnly) Validate(graphql.ExecutableSchema) error { return nil }

func (t trustedOnly) MutateOperationParameters(_ context.Context, params *graphql.RawParams) *gqlerror.Error {
	hash := persistedHash(params.Extensions)
	switch {
	case hash != "":
		doc, ok := t.docs[hash]
		if !ok && !strings.HasPrefix(hash, "sha256:") {
			doc, ok = t.docs["sha256:"+hash] // Apollo's clients send the bare hash
		}
		if !ok {
			return trustedError("PersistedQueryNotFound", "Webappen er nyere eller eldre enn tjenesten. Last siden på nytt.")
		}
		if params.Query != "" && params.Query != doc {
			return trustedError("PersistedQueryMismatch", "Spørringen er ikke den hashen navngir.")
		}
		params.Query = doc
	case !t.adHoc:
		return trustedError("PersistedQueryRequired", "Tjenesten tar bare imot webappens egne spørringer.")
	}
	return nil
}

// trustedError is a refusal with the code the persisted-query clients know.
func trustedError(code, message string) *gqlerror.Error {
	return &gqlerror.Error{Message: message, Extensions: map[string]any{"code": code}}
}

// persistedHash is extensions.persistedQuery.sha256Hash, or "".
func persistedHash(ext map[string]any) string {
	pq, _ := ext["persistedQuery"].(map[string]any)
	hash, _ := pq["sha256Hash"].(string)
	return hash
}
