package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/go-jose/go-jose/v4"
)

// keyRefetchInterval is the least time between two fetches of the identity
// provider's keys: a token that names a key id not yet known makes one
// fetch, and no more than one in each interval however many arrive.
const keyRefetchInterval = time.Minute

// providerKeys are the identity provider's published signing keys (its
// JWKS), for verifying tokens. go-oidc's own key set fetches them again for
// every token that does not verify, so a stream of forged tokens became a
// stream of requests to the provider. These are fetched at start, and again
// only for a key id they do not hold, at most once per keyRefetchInterval; a
// token whose signature does not verify with the key it names is refused
// without a fetch.
type providerKeys struct {
	url    string
	client *http.Client
	now    func() time.Time

	mu        sync.Mutex
	keys      []jose.JSONWebKey
	fetchedAt time.Time     // when the last fetch began
	fetching  chan struct{} // closed when the fetch under way ends; nil when none is
}

func newProviderKeys(ctx context.Context, url string, now func() time.Time) (*providerKeys, error) {
	k := &providerKeys{url: url, client: &http.Client{Timeout: 10 * time.Second}, now: now}
	k.fetchedAt = now()
	keys, err := k.fetch(ctx)
	if err != nil {
		return nil, err
	}
	k.keys = keys
	return k, nil
}

// VerifySignature implements oidc.KeySet: it returns the token's payload if
// its signature verifies with the provider's key that the token names.
func (k *providerKeys) VerifySignature(ctx context.Context, raw string) ([]byte, error) {
	jws, err := jose.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256, jose.ES256})
	if err != nil {
		return nil, fmt.Errorf("malformed token: %w", err)
	}
	if len(jws.Signatures) != 1 {
		return nil, errors.New("a token must have exactly one signature")
	}
	for _, key := range k.keysFor(ctx, jws.Signatures[0].Header.KeyID) {
		if payload, err := jws.Verify(&key); err == nil {
			return payload, nil
		}
	}
	return nil, errors.New("the signature does not verify with the provider's keys")
}

// keysFor returns the keys with the key id (all keys when the token names
// none). For an unknown key id it fetches the keys again if the interval
// has passed since the last fetch, or waits for a fetch under way.
func (k *providerKeys) keysFor(ctx context.Context, kid string) []jose.JSONWebKey {
	k.mu.Lock()
	if found := k.matching(kid); len(found) > 0 || kid == "" {
		k.mu.Unlock()
		return found
	}
	wait := k.fetching
	if wait == nil {
		if k.now().Sub(k.fetchedAt) < keyRefetchInterval {
			k.mu.Unlock()
			return nil
		}
		wait = make(chan struct{})
		k.fetching, k.fetchedAt = wait, k.now()
		go k.refresh(context.WithoutCancel(ctx), wait)
	}
	k.mu.Unlock()
	select {
	case <-wait:
	case <-ctx.Done():
		return nil
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.matching(kid)
}

// refresh fetches the keys and ends the fetch under way; on failure the
// keys held are kept.
func (k *providerKeys) refresh(ctx context.Context, done chan struct{}) {
	keys, err := k.fetch(ctx)
	k.mu.Lock()
	if err == nil {
		k.keys = keys
	} else {
		slog.WarnContext(ctx, "the identity provider's keys could not be fetched; keeping the ones held", "err", err)
	}
	k.fetching = nil
	k.mu.Unlock()
	close(done)
}

// matching returns the signing keys with the key id, or all when kid is empty.
func (k *providerKeys) matching(kid string) []jose.JSONWebKey {
	var found []jose.JSONWebKey
	for _, key := range k.keys {
		if (kid == "" || key.KeyID == kid) && (key.Use == "" || key.Use == "sig") {
			found = append(found, key)
		}
	}
	return found
}

func (k *providerKeys) fetch(ctx context.Context) ([]jose.JSONWebKey, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, k.url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := k.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetching the provider's keys: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetching the provider's keys: %s", resp.Status)
	}
	var set jose.JSONWebKeySet
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&set); err != nil {
		return nil, fmt.Errorf("the provider's keys: %w", err)
	}
	return set.Keys, nil
}
