package output

// The rows of a shard's table partition, read back as one stream for the
// commit of a sharded run.

import (
	"context"
	"fmt"
	"reflect"
	"sort"

	"github.com/govreports/govreports/schemas"
)

// openRows starts reading the files of a shard's table partition, in the
// order they were written.
func (s *Shards) openRows(key streamKey, t *schemas.Table) *rows {
	r := &rows{st: s.st, t: t, buf: reflect.MakeSlice(reflect.SliceOf(t.Row), 0, streamRows)}
	for _, f := range s.markers[key.shard].Files {
		if f.Table == t.Name && (f.Year == nil && key.year == -1 || f.Year != nil && *f.Year == key.year) {
			r.keys = append(r.keys, f.Path)
		}
	}
	sort.Strings(r.keys) // part-00000, part-00001 …: the order of writing
	return r
}

// streamRows is how many rows a reader of a shard's file holds at once: a
// commit has one open per shard, table and year.
const streamRows = 1024

// rows reads the files of one partition of a shard's table as one sequence.
type rows struct {
	st   store
	t    *schemas.Table
	keys []string // files not opened yet
	key  string
	fr   *fileRows
	buf  reflect.Value
	pos  int
}

// peek returns the next row without taking it (the caller moves pos).
func (r *rows) peek(ctx context.Context) (reflect.Value, bool, error) {
	for r.pos >= r.buf.Len() {
		if r.fr != nil && !r.fr.done() {
			var err error
			r.pos = 0
			if r.buf, err = r.fr.next(ctx, r.buf.Slice(0, 0), streamRows); err != nil {
				return reflect.Value{}, false, fmt.Errorf("output: read %s: %w", r.key, err)
			}
			if err := setPartition(r.t, r.key, r.buf, 0); err != nil {
				return reflect.Value{}, false, err
			}
			continue
		}
		if err := r.close(); err != nil {
			return reflect.Value{}, false, err
		}
		if len(r.keys) == 0 {
			return reflect.Value{}, false, nil
		}
		if err := r.open(ctx); err != nil {
			return reflect.Value{}, false, err
		}
	}
	return r.buf.Index(r.pos), true, nil
}

func (r *rows) open(ctx context.Context) error {
	r.key, r.keys = r.keys[0], r.keys[1:]
	f, err := r.st.OpenFile(ctx, r.key)
	if err != nil {
		return err
	}
	fr, err := openFileRows(f, r.t, nil)
	if err != nil {
		f.Close()
		return fmt.Errorf("output: read %s: %w", r.key, err)
	}
	r.fr = fr
	return nil
}

func (r *rows) close() error {
	if r.fr == nil {
		return nil
	}
	err := r.fr.close()
	r.fr = nil
	return err
}
