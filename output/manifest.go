package output

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// Manifest is the content of _manifest.json.
type Manifest struct {
	SchemaVersion string           `json:"schema_version"`
	ToolVersion   string           `json:"tool_version"`
	StartedAt     string           `json:"started_at,omitempty"`
	Inputs        []Input          `json:"inputs"`
	Tables        map[string]int64 `json:"tables"`
	Files         []FileInfo       `json:"files"`
}

func newStaging() (string, error) {
	var id [8]byte
	if _, err := rand.Read(id[:]); err != nil {
		return "", fmt.Errorf("output: run id: %w", err)
	}
	return stagingDir + hex.EncodeToString(id[:]) + "/", nil
}

// writeJSON writes v to key through the staging prefix.
func writeJSON(ctx context.Context, st store, staging, key string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("output: encode %s: %w", key, err)
	}
	return writeObject(ctx, st, staging, key, append(b, '\n'))
}

func writeObject(ctx context.Context, st store, staging, key string, data []byte) error {
	w, err := st.Create(ctx, staging+key)
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		w.Abort()
		return fmt.Errorf("output: write %s: %w", key, err)
	}
	if err := w.Close(); err != nil {
		return err
	}
	return st.Move(ctx, staging+key, key)
}

// writeManifest writes the manifest and then _SUCCESS, the last object of a
// dataset, and clears the staging prefix.
func writeManifest(ctx context.Context, st store, staging string, m Manifest) error {
	if m.Inputs == nil {
		m.Inputs = []Input{}
	}
	if err := writeJSON(ctx, st, staging, ManifestKey, m); err != nil {
		return err
	}
	if err := writeObject(ctx, st, staging, SuccessKey, nil); err != nil {
		return err
	}
	return st.DeletePrefix(ctx, staging)
}

// ReadManifest reads the manifest of the committed dataset at out.
func ReadManifest(ctx context.Context, out string) (Manifest, error) {
	st, err := openStore(ctx, out)
	if err != nil {
		return Manifest{}, err
	}
	defer st.Close()
	return readManifest(ctx, st)
}

func readManifest(ctx context.Context, st store) (Manifest, error) {
	var m Manifest
	ok, err := st.Exists(ctx, SuccessKey)
	if err != nil {
		return m, err
	}
	if !ok {
		return m, fmt.Errorf("output: %s has no %s: no complete dataset there", st, SuccessKey)
	}
	b, err := st.ReadAll(ctx, ManifestKey)
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("output: decode %s: %w", ManifestKey, err)
	}
	return m, nil
}
