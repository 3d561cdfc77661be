package output

import (
	"context"
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/read"
)

// Manifest is the content of _manifest.json. A dataset built by several
// runs (year by year, or appended to) lists every partition with the run
// that last wrote it and its inputs; Inputs, Tables and Files cover the
// whole dataset.
type Manifest struct {
	SchemaVersion string      `json:"schema_version"`
	ToolVersion   string      `json:"tool_version"`
	Mode          Mode        `json:"mode,omitempty"` // the last run's write mode
	StartedAt     string      `json:"started_at,omitempty"`
	Inputs        []Input     `json:"inputs"`
	Rejected      []Rejection `json:"rejected,omitempty"` // the last run's inputs left out (--on-error skip)
	// Removed are the reports the last run removed without bringing them
	// (by its mode: overwrite-partitions, overwrite).
	Removed    []string         `json:"removed,omitempty"`
	Partitions []Partition      `json:"partitions,omitempty"`
	Tables     map[string]int64 `json:"tables"`
	Files      []FileInfo       `json:"files"`
}

// Partition is one year= partition of the dataset (in every partitioned
// table): when the run that last wrote it started, its reports and the
// inputs they were read from, by the names Manifest.Inputs gives them (a
// table's rows by the table's file). Run ids are left out so that the same
// inputs give the same manifest.
type Partition struct {
	Year      int16    `json:"year"`
	StartedAt string   `json:"started_at,omitempty"`
	Inputs    []string `json:"inputs"`
	ReportIDs []string `json:"report_ids"`
}

// Rejection is an input (or one report of it) a run left out with
// --on-error skip: the file, the line where reading failed, and why.
type Rejection struct {
	Input  string `json:"input"`
	Line   int    `json:"line,omitempty"`
	Reason string `json:"reason"`
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

// Mode is how a run's output joins the dataset already at --out, named as
// Spark and the warehouses name their write modes.
type Mode string

const (
	// Merge replaces the reports the run brings (by report_id) and keeps
	// every other report: each partition the run writes is rewritten with
	// the old rows of the reports it keeps (the default).
	Merge Mode = "merge"
	// OverwritePartitions replaces the year= partitions the run writes, of
	// the tables it writes, and keeps every other partition.
	OverwritePartitions Mode = "overwrite-partitions"
	// Overwrite replaces the whole dataset.
	Overwrite Mode = "overwrite"
	// Append adds the run's rows to the partitions, refusing a report the
	// dataset already has.
	Append Mode = "append"
)

// Modes are the write modes, the default first.
var Modes = []Mode{Merge, OverwritePartitions, Overwrite, Append}

// ParseMode checks a --mode value.
func ParseMode(s string) (Mode, error) {
	for _, m := range Modes {
		if string(m) == s {
			return m, nil
		}
	}
	return "", fmt.Errorf("unknown write mode %q: want merge, overwrite-partitions, overwrite or append", s)
}

// mergeManifest joins a run's manifest to the dataset's (old, nil when there
// is none) by mode, and returns the merged manifest and the files of the old
// dataset that are no longer part of it. Only files a manifest lists are ever
// deleted. Unpartitioned tables (the regions dimension) are written whole by
// every run and replace the old file in every mode. A merging run's
// partitions hold the old reports it keeps (merge.go): for the files and the
// partitions, it replaces the partitions it writes as overwrite-partitions does.
func mergeManifest(old *Manifest, run Manifest, mode Mode) (Manifest, []string, error) {
	if run.Inputs == nil {
		run.Inputs = []Input{}
	}
	run.Mode = mode
	run.Tables = countRows(run.Files)
	if old == nil {
		run.Inputs = mergeInputs(&Manifest{}, run, mode) // by name, as after any later run
		return run, nil, nil
	}
	keep := func(f FileInfo) bool { return false }
	written := map[string]bool{}
	for _, f := range run.Files {
		written[path.Dir(f.Path)] = true
	}
	switch mode {
	case Merge, OverwritePartitions:
		keep = func(f FileInfo) bool { return !written[path.Dir(f.Path)] }
	case Append:
		keep = func(f FileInfo) bool { return f.Year != nil || !written[path.Dir(f.Path)] }
	}
	if mode != Overwrite && old.SchemaVersion != run.SchemaVersion {
		for _, f := range old.Files {
			if keep(f) {
				return Manifest{}, nil, fmt.Errorf("output: the dataset has schema version %s and this run writes %s: "+
					"rebuild it with --mode overwrite (and every year's inputs)", old.SchemaVersion, run.SchemaVersion)
			}
		}
	}
	if mode == Append {
		if err := duplicateReports(old.Partitions, run.Partitions); err != nil {
			return Manifest{}, nil, err
		}
	}
	m := run
	m.Files = nil
	newPaths := pathsOf(run.Files)
	var deletes []string
	for _, f := range old.Files {
		switch {
		case keep(f):
			m.Files = append(m.Files, f)
		case !newPaths[f.Path]:
			deletes = append(deletes, f.Path)
		}
	}
	m.Files = append(m.Files, run.Files...)
	sort.Slice(m.Files, func(i, j int) bool { return m.Files[i].Path < m.Files[j].Path })
	m.Tables = countRows(m.Files)
	m.Partitions = mergePartitions(old.Partitions, run.Partitions, mode)
	m.Inputs = mergeInputs(old, run, mode)
	m.Removed = removedReports(old, m.Partitions)
	return m, deletes, nil
}

// duplicateReports refuses an append of a report the dataset already has.
func duplicateReports(old, run []Partition) error {
	have := map[string]bool{}
	for _, p := range old {
		for _, id := range p.ReportIDs {
			have[id] = true
		}
	}
	var dup []string
	for _, p := range run {
		for _, id := range p.ReportIDs {
			if have[id] {
				dup = append(dup, id)
			}
		}
	}
	if len(dup) == 0 {
		return nil
	}
	sort.Strings(dup)
	more := ""
	if len(dup) > 5 {
		more = fmt.Sprintf(" and %d more", len(dup)-5)
		dup = dup[:5]
	}
	return fmt.Errorf("output: --mode append would duplicate reports the dataset already has: %s%s "+
		"(use the default --mode merge to replace them)", strings.Join(dup, ", "), more)
}

func mergePartitions(old, run []Partition, mode Mode) []Partition {
	byYear := map[int16]Partition{}
	if mode != Overwrite {
		for _, p := range old {
			// Manifests written before the inputs were named as Inputs names them
			// listed a table's rows (file.csv#row=3).
			p.Inputs = inputNames(p.Inputs)
			byYear[p.Year] = p
		}
	}
	for _, p := range run {
		if prev, ok := byYear[p.Year]; ok && mode == Append {
			p.Inputs = sortedUnion(prev.Inputs, p.Inputs)
			p.ReportIDs = sortedUnion(prev.ReportIDs, p.ReportIDs)
		}
		byYear[p.Year] = p
	}
	parts := make([]Partition, 0, len(byYear))
	for _, p := range byYear {
		parts = append(parts, p)
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i].Year < parts[j].Year })
	return parts
}

// inputNames are the names of the inputs sources belong to, sorted, once each.
func inputNames(sources []string) []string {
	names := make([]string, 0, len(sources))
	for _, s := range sources {
		names = append(names, read.InputOf(s))
	}
	return sortedUnion(names, nil)
}

// mergeInputs lists the old inputs of the old partitions that stay as they
// were (every old input for a manifest written before partitions were
// listed) and the run's, which hold the old inputs of the reports a merge
// keeps in the partitions it rewrites: every input of every report of the
// dataset.
func mergeInputs(old *Manifest, run Manifest, mode Mode) []Input {
	runYears := map[int16]bool{}
	for _, p := range run.Partitions {
		runYears[p.Year] = true
	}
	used := map[string]bool{}
	for _, p := range old.Partitions {
		if mode == Append || !runYears[p.Year] {
			for _, name := range inputNames(p.Inputs) {
				used[name] = true
			}
		}
	}
	type key struct{ name, sha string }
	seen := map[key]bool{}
	inputs := []Input{}
	add := func(in Input) {
		if k := (key{in.Name, in.SHA256}); !seen[k] {
			seen[k] = true
			inputs = append(inputs, in)
		}
	}
	if mode != Overwrite {
		for _, in := range old.Inputs {
			if used[in.Name] || len(old.Partitions) == 0 {
				add(in)
			}
		}
	}
	for _, in := range run.Inputs {
		add(in)
	}
	sort.Slice(inputs, func(i, j int) bool {
		a, b := inputs[i], inputs[j]
		return a.Name < b.Name || a.Name == b.Name && a.SHA256 < b.SHA256
	})
	return inputs
}

func sortedUnion(a, b []string) []string {
	set := map[string]bool{}
	for _, s := range append(append([]string(nil), a...), b...) {
		set[s] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// countRows is the rows per table of files, with every table present.
func countRows(files []FileInfo) map[string]int64 {
	tables := map[string]int64{}
	for _, t := range schemas.All {
		tables[t.Name] = 0
	}
	for _, f := range files {
		tables[f.Table] += f.Rows
	}
	return tables
}
