package output

// Sharded runs: the names of a shard's objects and whether a shard finished.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/govreports/govreports/schemas"
)

func shardName(index, count int) string { return fmt.Sprintf("%05d-of-%05d", index, count) }

func shardMarkerKey(index, count int) string { return shardsDir + shardName(index, count) + ".json" }

// shardPrefix is the folder of a shard's files.
func shardPrefix(index, count int) string { return shardsDir + shardName(index, count) + "/" }

// parseShardKey returns the shard a key under _shards/ belongs to: its marker
// or a file in its folder.
func parseShardKey(key string) (index, count int, marker, ok bool) {
	name, rest, folder := strings.Cut(strings.TrimPrefix(key, shardsDir), "/")
	if !folder {
		var found bool
		if name, found = strings.CutSuffix(name, ".json"); !found {
			return 0, 0, false, false
		}
	}
	if _, err := fmt.Sscanf(name, "%05d-of-%05d", &index, &count); err != nil || shardName(index, count) != name || count < 1 {
		return 0, 0, false, false
	}
	return index, count, !folder, !folder || rest != ""
}

// shardRunning tells whether a run of shard index of count holds a live lease.
func shardRunning(ctx context.Context, st store, index, count int, timeout time.Duration) (bool, error) {
	if timeout <= 0 {
		timeout = DefaultLeaseTimeout
	}
	l, err := readLease(ctx, st, shardLeaseKey(index, count))
	if errors.Is(err, errNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	stale, _ := l.stale(time.Now(), timeout, hostname())
	return !stale, nil
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
	if m.Index != index || m.Count != count {
		return m, false, fmt.Errorf("output: %s names shard %s", key, shardName(m.Index, m.Count))
	}
	return m, true, nil
}

// ShardDone tells whether shard index of count finished at out with the
// current schema version, over inputs of these names (in order), and with
// all its files present, so a rerun can skip it. (Whether the inputs' bytes
// changed is known only once they are read; the commit checks that.)
func ShardDone(ctx context.Context, out string, index, count int, inputs []string) (bool, error) {
	st, err := openStore(ctx, out)
	if err != nil {
		return false, err
	}
	defer st.Close()
	m, ok, err := readMarker(ctx, st, index, count)
	if err != nil || !ok || m.SchemaVersion != schemas.Version || len(m.Inputs) != len(inputs) {
		return false, err
	}
	for i, in := range m.Inputs {
		if in.Name != inputs[i] {
			return false, nil
		}
	}
	missing, err := missingFile(ctx, st, m)
	return missing == "" && err == nil, err
}

// missingFile returns the first file of a shard's marker that is not there.
func missingFile(ctx context.Context, st store, m ShardMarker) (string, error) {
	for _, f := range m.Files {
		k := f.Path
		ok, err := st.Exists(ctx, k)
		if err != nil {
			return "", err
		}
		if !ok {
			return k, nil
		}
	}
	return "", nil
}
