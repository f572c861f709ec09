package audit

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Checkpoint is a signed statement that the chain's head was row Seq with
// hash Head at Time, like a certificate-transparency log's signed tree head.
// Checkpoints are kept outside the database, where its users cannot reach
// them: whoever later cuts rows off the chain, or rewrites a row at or
// before Seq, cannot make the chain agree with the checkpoint again.
type Checkpoint struct {
	Seq       int64     `json:"seq"`
	Head      string    `json:"head"` // row Seq's hash; "" for an empty chain
	Time      time.Time `json:"time"`
	KeyID     string    `json:"key_id"`
	Signature []byte    `json:"signature"` // Ed25519 over message()

	file string // the file it was read from, for messages
}

// message is what the signature covers.
func (c Checkpoint) message() []byte {
	return fmt.Appendf(nil, "varsel audit checkpoint v1\nkey %s\nseq %d\nhead %s\ntime %s\n",
		c.KeyID, c.Seq, c.Head, c.Time.UTC().Format(time.RFC3339Nano))
}

// CheckpointDir is the directory the checkpoints are kept in, one file each,
// written once and never changed. In dev mode it lies in the data directory;
// in production it should be object storage with a retention lock (write
// once, read many), mounted or synchronised, so that nobody — not the
// database's administrators, not the server itself — can remove a checkpoint.
type CheckpointDir string

const checkpointPattern = "checkpoint-*.json"

// write stores c in a new file; it never replaces one.
func (d CheckpointDir) write(c Checkpoint) error {
	if d == "" {
		return errors.New("audit: no checkpoint directory")
	}
	if err := os.MkdirAll(string(d), 0o700); err != nil {
		return err
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	var r [4]byte
	rand.Read(r[:])
	name := fmt.Sprintf("checkpoint-%012d-%s-%s.json", c.Seq, c.Time.UTC().Format("20060102T150405.000000000Z"), hex.EncodeToString(r[:]))
	f, err := os.OpenFile(filepath.Join(string(d), name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(append(b, '\n')); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// load reads every checkpoint, oldest head first. A checkpoint that cannot
// be read or whose signature does not verify with key is a problem to report
// (Norwegian, for the auditor), not an error: it may be forged. A directory
// that does not exist holds no checkpoints.
func (d CheckpointDir) load(key *Key) (cps []Checkpoint, problem string, err error) {
	if d == "" {
		return nil, "", nil
	}
	files, err := fs.Glob(os.DirFS(string(d)), checkpointPattern)
	if err != nil {
		return nil, "", err
	}
	for _, name := range files {
		b, err := os.ReadFile(filepath.Join(string(d), name))
		if err != nil {
			return nil, "", err
		}
		var c Checkpoint
		if err := json.Unmarshal(b, &c); err != nil {
			return nil, fmt.Sprintf("Sjekkpunktet %s kan ikke leses.", name), nil
		}
		c.file = name
		signer, _ := key.named(c.KeyID)
		switch {
		case signer == nil:
			return nil, fmt.Sprintf("Sjekkpunktet %s er signert med en annen nøkkel (%s) enn den kjeden kontrolleres med (%s).", name, c.KeyID, key.ID()), nil
		case !ed25519.Verify(signer.PublicKey(), c.message(), c.Signature):
			return nil, fmt.Sprintf("Sjekkpunktet %s har ugyldig signatur: det er endret eller ikke laget av Varsel.", name), nil
		}
		cps = append(cps, c)
	}
	slices.SortFunc(cps, func(a, b Checkpoint) int {
		if a.Seq != b.Seq {
			return int(a.Seq - b.Seq)
		}
		return a.Time.Compare(b.Time)
	})
	return cps, "", nil
}

// Chain is the audit chain of one database, with the key its rows are hashed
// with and the directory of its checkpoints.
type Chain struct {
	DB          *sql.DB
	Key         *Key
	Checkpoints CheckpointDir
}

// Verify checks the whole chain with the key and against every checkpoint;
// see Verify.
func (c Chain) Verify(ctx context.Context) (Status, error) {
	return Verify(ctx, c.DB, c.Key, c.Checkpoints)
}

// Checkpoint checks the rows added since the newest checkpoint and, when
// they hold, signs the chain's head and stores the checkpoint. When the head
// is the newest checkpoint's, it writes none unless force is set, and
// returns that one. It refuses to sign a chain that is broken or shorter than
// a checkpoint says it was.
func (c Chain) Checkpoint(ctx context.Context, force bool) (cp Checkpoint, written bool, err error) {
	cps, problem, err := c.Checkpoints.load(c.Key)
	if err != nil {
		return cp, false, fmt.Errorf("audit: reading the checkpoints: %w", err)
	}
	if problem != "" {
		return cp, false, fmt.Errorf("audit: not signing a checkpoint: %s", problem)
	}
	var newest *Checkpoint
	if len(cps) > 0 {
		newest = &cps[len(cps)-1]
	}
	from := int64(0)
	if newest != nil {
		from = newest.Seq
	}
	st, head, err := walk(ctx, c.DB, c.Key, cps, from)
	if err != nil {
		return cp, false, err
	}
	if !st.Intact() {
		return cp, false, fmt.Errorf("audit: not signing a checkpoint: the chain is broken at row %d (run varsel audit verify)", st.FirstBrokenSeq)
	}
	if newest != nil && head.seq == newest.Seq && !force {
		return *newest, false, nil
	}
	cp = Checkpoint{Seq: head.seq, Head: head.hash, Time: time.Now().UTC(), KeyID: c.Key.ID()}
	cp.Signature = ed25519.Sign(c.Key.signer, cp.message())
	if err := c.Checkpoints.write(cp); err != nil {
		return cp, false, fmt.Errorf("audit: writing a checkpoint: %w", err)
	}
	return cp, true, nil
}

// describe names a checkpoint for the auditor.
func (c Checkpoint) describe() string {
	return strings.TrimSpace(fmt.Sprintf("sjekkpunktet fra %s (%s)", c.Time.UTC().Format("2006-01-02 15:04:05 UTC"), c.file))
}
