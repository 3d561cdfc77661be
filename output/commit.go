package output

// The commit protocol. A run (or the commit of a sharded run) changes the
// dataset at OUT in these steps; the code below names them by number.
//
//  1. Lease. Open creates OUT/_lease.json only if it is absent (lease.go) and
//     the run holds it, renewed, until it ends: one run at a time changes OUT.
//  2. Recover. Still in Open, under the lease, for each staging folder
//     _tmp/<id>/ of a run that holds no live lease: if it holds a journal
//     (_tmp/<id>/_commit.json), that run died past its commit point and its
//     journal is applied again (step 6); without one, the folder is deleted.
//  3. Stage. Every file of the run is written under _tmp/<run>/, at the path
//     it will have under OUT (and the sorted runs a partition spills, under
//     _tmp/<run>/_sort/, which are never moved). Closing a file syncs its
//     content, so that no rename can ever publish a file whose bytes are not
//     on disk.
//  4. Merge (merge.go). A relinker, if any, rewrites the rows that link
//     reports of several years; the old rows that stay in each partition the
//     run rewrites (in merge mode, those of every report the run did not
//     bring) are read into it; Commit writes and closes the files, checks
//     that the lease is still the run's, and merges the run's manifest with
//     the dataset's by the write mode (mergeManifest): the result is the new
//     manifest, the files to move into place and the old files the new
//     manifest no longer lists.
//  5. Commit point. The staging is synced (store.Sync: the names of the
//     staged files and of the folders above them are durable), then the
//     journal (the merged manifest, the moves, the deletes) is written beside
//     them as _commit.json.part, synced, renamed to _commit.json and its
//     folder synced. Once that rename is durable the commit is decided;
//     a failure before it leaves OUT as it was (Abort deletes the staging).
//  6. Apply (applyJournal). Every step can be repeated, so that a run that
//     dies anywhere in it is completed by the next one's step 2:
//     a. delete _SUCCESS: until e, OUT holds no complete dataset;
//     b. move each staged file into place (a file no longer staged was moved
//        before: it must be in place); a move syncs the folder it renames into,
//        and a folder it creates is synced into its parent first;
//     c. delete the old files the new manifest does not list, syncing their folders;
//     d. write the manifest (staged, synced, renamed into place, its folder synced);
//     e. write _SUCCESS the same way;
//     f. delete the staging, journal included, and sync _tmp/: a journal gone
//        for good can never be applied again over a later run's commit.
//  7. Release the lease.
//
// Invariant: OUT shows the old dataset or the new, never a mix. A reader that
// honours _SUCCESS (ReadManifest, ReadTable) finds the old dataset until 6a
// and the new one from 6e on; in between it finds none. After a failure or a
// crash anywhere, the next Open leaves OUT exactly the old dataset (the run
// stopped before step 5) or exactly the new one (after it). Files that no
// manifest lists are never replaced (partitionFiles.freeName) or deleted
// (6c deletes only files the old manifest lists).
//
// Durability is the local store's concern: its files are synced when closed,
// and every rename or delete is followed by a sync of the folder it changed,
// in the order above. A bucket needs none of it: an object exists whole once
// its write returns, and a move copies before it deletes the source.
//
// A shard commits in fewer steps (publishShard): its files move into its own
// folder, which no reader of the dataset reads, and its marker, written last
// the way the manifest is, says it finished; a shard without a marker is
// rewritten by its next run.
//
// Designs left out:
//   - Renaming one staged folder over OUT, as Hadoop's committers do: OUT holds
//     the partitions of other runs and files of its users, and a bucket has no
//     folder rename.
//   - A manifest that readers follow to versioned files (Iceberg, Delta): the
//     year= folders are read by glob (DuckDB, pandas, Spark), so the files in
//     them must be the dataset; old files left for a pointer to skip would be
//     read by every glob.
//   - Deleting the old files before the new ones are in place: a crash in
//     between would lose both, and a journal that only deletes cannot repeat
//     a move.

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/govreports/govreports/schemas"
)

// journalKey, under a run's staging prefix, is its commit record: once it
// is durable, the commit is decided (step 5).
const journalKey = "_commit.json"

// journal is the content of a commit record: what step 6 applies.
type journal struct {
	Manifest Manifest `json:"manifest"`
	Moves    []string `json:"moves"`   // keys moved from the staging prefix into place
	Deletes  []string `json:"deletes"` // files of the old dataset it no longer lists
}

// newRunID is a run's id; its staging prefix is _tmp/<id>/.
func newRunID() (string, error) {
	var id [8]byte
	if _, err := rand.Read(id[:]); err != nil {
		return "", fmt.Errorf("output: run id: %w", err)
	}
	return hex.EncodeToString(id[:]), nil
}

func stagingOf(runID string) string { return stagingDir + runID + "/" }

// Commit closes every file and joins them to the dataset by the run's mode
// through a journal (the steps above), or, for a shard, moves them into its
// folder and writes its marker. On error the run is aborted; a failure after
// the commit point leaves the dataset without _SUCCESS until the next run
// completes the commit.
func (d *Dataset) Commit(ctx context.Context) (Summary, error) {
	if err := d.usable(); err != nil {
		d.Abort()
		return Summary{}, err
	}
	sum, err := d.commit(ctx)
	var interrupted *interruptedCommitError
	if errors.As(err, &interrupted) {
		// Past the commit point the staging is the next run's to complete: keep it.
		d.done = true
		d.lease.release(context.WithoutCancel(ctx))
		_ = d.st.Close()
		return Summary{}, err
	}
	if err != nil {
		d.Abort()
		return Summary{}, err
	}
	d.done = true
	d.lease.release(context.WithoutCancel(ctx)) // step 7
	_ = d.st.Close()
	return sum, nil
}

func (d *Dataset) commit(ctx context.Context) (Summary, error) {
	// A shard's files are read back only by the commit, which adds them.
	if !d.opts.sharded() {
		if err := d.merge(ctx); err != nil { // step 4: the old rows that stay
			return Summary{}, err
		}
		d.files.addEmptyFiles(d.runYears)
	}
	files, err := d.files.closeAll() // the end of step 3
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{Tables: countRows(nil), Files: files}
	for t, n := range d.brought {
		sum.Tables[t] = n
	}
	if err := ctx.Err(); err != nil {
		return Summary{}, fmt.Errorf("output: %w", err)
	}
	if err := d.lease.held(ctx); err != nil {
		return Summary{}, err
	}
	// Renewals write under the staging prefix, which the commit deletes; the
	// lease stays valid for its timeout, far longer than moving the files.
	d.lease.stopRenewing()
	if d.opts.sharded() {
		return sum, d.publishShard(ctx, sum)
	}
	inputs := append([]Input(nil), d.opts.Inputs...)
	for in := range d.carried {
		inputs = append(inputs, in)
	}
	run := Manifest{
		SchemaVersion: schemas.Version, ToolVersion: d.opts.ToolVersion, StartedAt: timeString(d.opts.StartedAt),
		Inputs: inputs, Rejected: d.rejected, Files: files,
		Partitions: d.reports.partitions(d.files.years, timeString(d.opts.StartedAt)),
	}
	m, deletes, err := mergeManifest(d.old, run, d.opts.Mode) // step 4
	if err != nil {
		return Summary{}, err
	}
	sum.Dataset, sum.Removed = m.Tables, m.Removed
	if len(m.Removed) > 0 {
		d.log.Warn("the run removed reports it did not bring", "mode", string(d.opts.Mode), "out", d.st.String(),
			"removed", len(m.Removed), "report_ids", m.Removed)
	}
	return sum, commitJournal(ctx, d.st, d.staging, journal{Manifest: m, Moves: sortedKeys(pathsOf(files)), Deletes: deletes})
}

// commitJournal makes the staging durable, writes the journal (step 5) and
// applies it (step 6).
func commitJournal(ctx context.Context, st store, staging string, j journal) error {
	if err := st.Sync(ctx, staging); err != nil {
		return err
	}
	b, err := json.Marshal(j)
	if err != nil {
		return fmt.Errorf("output: encode the commit record: %w", err)
	}
	if err := putObject(ctx, st, staging+journalKey+".part", staging+journalKey, b); err != nil {
		return fmt.Errorf("output: write the commit record: %w", err)
	}
	if err := applyJournal(ctx, st, staging, j); err != nil {
		return &interruptedCommitError{err: err}
	}
	return nil
}

// interruptedCommitError is a failure after the commit point: the dataset
// has no _SUCCESS until the next run completes the commit.
type interruptedCommitError struct{ err error }

func (e *interruptedCommitError) Error() string {
	return fmt.Sprintf("%v (the commit was interrupted after its commit point: the next run on this --out completes it)", e.err)
}

func (e *interruptedCommitError) Unwrap() error { return e.err }

// applyJournal is step 6: it can be applied again from the start however
// far an earlier application got.
func applyJournal(ctx context.Context, st store, staging string, j journal) error {
	if err := st.Delete(ctx, SuccessKey); err != nil { // 6a
		return err
	}
	for _, k := range j.Moves { // 6b
		ok, err := st.Exists(ctx, staging+k)
		if err != nil {
			return err
		}
		if ok {
			if err := st.Move(ctx, staging+k, k); err != nil {
				return err
			}
			continue
		}
		if ok, err := st.Exists(ctx, k); err != nil || !ok {
			return cmp.Or(err, fmt.Errorf("output: %s is neither staged nor in place", k))
		}
	}
	for _, k := range j.Deletes { // 6c
		if err := st.Delete(ctx, k); err != nil {
			return err
		}
	}
	m := j.Manifest
	if m.Inputs == nil {
		m.Inputs = []Input{}
	}
	if err := writeJSON(ctx, st, staging, ManifestKey, m); err != nil { // 6d
		return err
	}
	if err := writeObject(ctx, st, staging, SuccessKey, nil); err != nil { // 6e
		return err
	}
	return st.DeletePrefix(ctx, staging) // 6f
}

// writeJSON writes v to key through the staging prefix.
func writeJSON(ctx context.Context, st store, staging, key string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("output: encode %s: %w", key, err)
	}
	return writeObject(ctx, st, staging, key, append(b, '\n'))
}

// writeObject writes data to key through the staging prefix.
func writeObject(ctx context.Context, st store, staging, key string, data []byte) error {
	return putObject(ctx, st, staging+key, key, data)
}

// putObject writes data to tmp and moves it to key, so that key appears
// whole (and, on a local disk, durable) or not at all.
func putObject(ctx context.Context, st store, tmp, key string, data []byte) error {
	w, err := st.Create(ctx, tmp)
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
	return st.Move(ctx, tmp, key)
}

// cleanStaging is step 2: it deletes the staging under dir of runs that
// hold no live lease, and completes the commit of a dead run that reached
// its commit point instead. The dataset's staging (_tmp/) is cleaned under
// the dataset's lease, a shard's (in its folder, never with a journal) under
// the shard's.
func cleanStaging(ctx context.Context, st store, dir, self string, timeout time.Duration, log *slog.Logger) error {
	if timeout <= 0 {
		timeout = DefaultLeaseTimeout
	}
	// Staging first, leases second: a run creates its lease before its
	// staging, so a live run's staging seen here has its lease seen below.
	keys, err := st.List(ctx, dir)
	if err != nil {
		return err
	}
	live, err := liveRuns(ctx, st, timeout, hostname())
	if err != nil {
		return err
	}
	objects := map[string]int{}
	for _, k := range keys {
		id, _, _ := strings.Cut(strings.TrimPrefix(k, dir), "/")
		objects[id]++
	}
	for _, id := range sortedKeys(objects) {
		if id == self || live[id] {
			continue
		}
		forward, err := recoverStaging(ctx, st, dir+id+"/")
		if err != nil {
			return fmt.Errorf("output: complete the commit of dead run %s: %w", id, err)
		}
		if forward {
			log.Warn("completed the commit of a run that died after its commit point", "out", st.String(), "run_id", id)
			continue
		}
		log.Info("removed the staging of a dead run", "out", st.String(), "run_id", id, "objects", objects[id])
	}
	return nil
}

// recoverStaging completes the commit of a dead run if it reached its
// commit point, and otherwise deletes its staging. It runs under the
// dataset's lease.
func recoverStaging(ctx context.Context, st store, staging string) (rolledForward bool, err error) {
	b, err := st.ReadAll(ctx, staging+journalKey)
	switch {
	case errors.Is(err, errNotFound):
		return false, st.DeletePrefix(ctx, staging)
	case err != nil:
		return false, err
	}
	// A journal appears whole (step 5): one that does not decode is damage,
	// and dropping it could leave half a commit applied.
	var j journal
	if err := json.Unmarshal(b, &j); err != nil {
		return false, fmt.Errorf("output: decode %s%s: %w (the dataset at %s may be half committed: check it, then delete %s)",
			staging, journalKey, err, st, staging)
	}
	return true, applyJournal(ctx, st, staging, j)
}

// Abort drops every file of the run; the previous dataset stays. It is a
// no-op after Commit or a previous Abort.
func (d *Dataset) Abort() {
	if d.done {
		return
	}
	d.done = true
	d.files.abort()
	// The run's context may be the reason for the abort: clean up regardless.
	ctx := context.WithoutCancel(d.ctx)
	d.lease.stopRenewing()
	_ = d.st.DeletePrefix(ctx, d.staging)
	d.lease.release(ctx)
	_ = d.st.Close()
}
