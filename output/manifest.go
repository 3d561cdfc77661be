package output

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/govreports/govreports/schemas"
)

// Manifest is the content of _manifest.json.
type Manifest struct {
	SchemaVersion string           `json:"schema_version"`
	ToolVersion   string           `json:"tool_version"`
	StartedAt     string           `json:"started_at,omitempty"`
	Shards        int              `json:"shards,omitempty"`
	Inputs        []Input          `json:"inputs"`
	Tables        map[string]int64 `json:"tables"`
	Files         []FileInfo       `json:"files"`
}

// ShardMarker is the completion marker _shards/<index>-of-<count>.json of a shard.
type ShardMarker struct {
	SchemaVersion string           `json:"schema_version"`
	ToolVersion   string           `json:"tool_version"`
	StartedAt     string           `json:"started_at,omitempty"`
	Index         int              `json:"index"`
	Count         int              `json:"count"`
	Inputs        []Input          `json:"inputs"`
	Tables        map[string]int64 `json:"tables"`
	Files         []FileInfo       `json:"files"`
	ReportIDs     []string         `json:"report_ids"`
}

func shardName(index, count int) string { return fmt.Sprintf("%05d-of-%05d", index, count) }

func shardMarkerKey(index, count int) string { return shardsDir + shardName(index, count) + ".json" }

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

func readMarker(ctx context.Context, st store, index, count int) (ShardMarker, bool, error) {
	var m ShardMarker
	key := shardMarkerKey(index, count)
	ok, err := st.Exists(ctx, key)
	if err != nil || !ok {
		return m, false, err
	}
	b, err := st.ReadAll(ctx, key)
	if err != nil {
		return m, false, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, false, fmt.Errorf("output: decode %s: %w", key, err)
	}
	return m, true, nil
}

// ShardDone tells whether shard index of count finished at out with the
// current schema version and all its files present, so a rerun can skip it.
func ShardDone(ctx context.Context, out string, index, count int) (bool, error) {
	st, err := openStore(ctx, out)
	if err != nil {
		return false, err
	}
	defer st.Close()
	m, ok, err := readMarker(ctx, st, index, count)
	if err != nil || !ok || m.SchemaVersion != schemas.Version {
		return false, err
	}
	missing, err := missingFile(ctx, st, m)
	return missing == "" && err == nil, err
}

// missingFile returns the first file of a shard's marker that is not there.
func missingFile(ctx context.Context, st store, m ShardMarker) (string, error) {
	for _, f := range m.Files {
		ok, err := st.Exists(ctx, f.Path)
		if err != nil {
			return "", err
		}
		if !ok {
			return f.Path, nil
		}
	}
	return "", nil
}

// Commit joins the shards written at out into one dataset: it checks that
// the marker of every shard of the run's count is there and that the shards
// agree (schema and tool version, inputs, no report in two shards), removes
// files no shard lists, and writes the manifest and _SUCCESS.
func Commit(ctx context.Context, out string) (Summary, error) {
	st, err := openStore(ctx, out)
	if err != nil {
		return Summary{}, err
	}
	defer st.Close()
	count, err := shardCount(ctx, st)
	if err != nil {
		return Summary{}, err
	}
	markers, err := readMarkers(ctx, st, count)
	if err != nil {
		return Summary{}, err
	}
	m, err := joinMarkers(markers)
	if err != nil {
		return Summary{}, err
	}
	staging, err := newStaging()
	if err != nil {
		return Summary{}, err
	}
	if err := st.Delete(ctx, SuccessKey); err != nil {
		return Summary{}, err
	}
	if err := removeStale(ctx, st, pathsOf(m.Files), func(string) bool { return true }); err != nil {
		return Summary{}, err
	}
	if err := removeOtherMarkers(ctx, st, count); err != nil {
		return Summary{}, err
	}
	if err := writeManifest(ctx, st, staging, m); err != nil {
		_ = st.DeletePrefix(context.WithoutCancel(ctx), staging)
		return Summary{}, err
	}
	return Summary{Tables: m.Tables, Files: m.Files}, nil
}

// shardCount is the shard count of the markers at st; shards remove the
// markers of other counts when they finish, so there is one.
func shardCount(ctx context.Context, st store) (int, error) {
	keys, err := st.List(ctx, shardsDir)
	if err != nil {
		return 0, err
	}
	counts := map[int]bool{}
	for _, k := range keys {
		var i, n int
		if _, err := fmt.Sscanf(strings.TrimPrefix(k, shardsDir), "%d-of-%d.json", &i, &n); err == nil && n > 0 {
			counts[n] = true
		}
	}
	switch len(counts) {
	case 0:
		return 0, fmt.Errorf("output: no finished shard at %s (no %s*.json)", st, shardsDir)
	case 1:
		for n := range counts {
			return n, nil
		}
	}
	return 0, fmt.Errorf("output: shards of different counts at %s: rerun the shards of one count", st)
}

func readMarkers(ctx context.Context, st store, count int) ([]ShardMarker, error) {
	markers := make([]ShardMarker, 0, count)
	var missing []string
	for i := 0; i < count; i++ {
		m, ok, err := readMarker(ctx, st, i, count)
		if err != nil {
			return nil, err
		}
		if !ok {
			missing = append(missing, shardName(i, count))
			continue
		}
		missing, err := missingFile(ctx, st, m)
		if err != nil {
			return nil, err
		}
		if missing != "" {
			return nil, fmt.Errorf("output: shard %s lists %s, which is not at %s: rerun the shard", shardName(i, count), missing, st)
		}
		markers = append(markers, m)
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("output: shards not finished at %s: %s", st, strings.Join(missing, ", "))
	}
	return markers, nil
}

// joinMarkers checks that the shards belong to one run and merges them.
func joinMarkers(markers []ShardMarker) (Manifest, error) {
	first := markers[0]
	m := Manifest{
		SchemaVersion: schemas.Version, ToolVersion: first.ToolVersion, StartedAt: first.StartedAt,
		Shards: len(markers), Inputs: []Input{}, Tables: map[string]int64{},
	}
	inputs := map[string]Input{}
	owner := map[string]int{}
	for _, s := range markers {
		name := shardName(s.Index, s.Count)
		if s.SchemaVersion != schemas.Version {
			return m, fmt.Errorf("output: shard %s has schema version %s, want %s", name, s.SchemaVersion, schemas.Version)
		}
		if s.ToolVersion != m.ToolVersion {
			return m, fmt.Errorf("output: shard %s was written by %q, shard %s by %q", name, s.ToolVersion, shardName(first.Index, first.Count), m.ToolVersion)
		}
		if s.StartedAt != "" && (m.StartedAt == "" || s.StartedAt < m.StartedAt) {
			m.StartedAt = s.StartedAt
		}
		for _, in := range s.Inputs {
			if prev, ok := inputs[in.Name]; ok && prev != in {
				return m, fmt.Errorf("output: shard %s read input %s with sha256 %s, another shard with %s", name, in.Name, in.SHA256, prev.SHA256)
			}
			inputs[in.Name] = in
		}
		for _, id := range s.ReportIDs {
			if prev, ok := owner[id]; ok {
				return m, fmt.Errorf("output: report %s is in shard %s and in shard %s", id, shardName(prev, s.Count), name)
			}
			owner[id] = s.Index
		}
		for t, n := range s.Tables {
			m.Tables[t] += n
		}
		m.Files = append(m.Files, s.Files...)
	}
	for _, in := range inputs {
		m.Inputs = append(m.Inputs, in)
	}
	sort.Slice(m.Inputs, func(i, j int) bool { return m.Inputs[i].Name < m.Inputs[j].Name })
	sort.Slice(m.Files, func(i, j int) bool { return m.Files[i].Path < m.Files[j].Path })
	return m, nil
}

// removeOtherMarkers deletes markers of runs with another shard count.
func removeOtherMarkers(ctx context.Context, st store, count int) error {
	keys, err := st.List(ctx, shardsDir)
	if err != nil {
		return err
	}
	suffix := fmt.Sprintf("-of-%05d.json", count)
	for _, k := range keys {
		if !strings.HasSuffix(k, suffix) {
			if err := st.Delete(ctx, k); err != nil {
				return err
			}
		}
	}
	return nil
}
