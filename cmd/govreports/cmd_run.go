package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"time"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/output/runreport"
	"github.com/govreports/govreports/pipeline"
	"github.com/govreports/govreports/stages/read"
	"github.com/govreports/govreports/testdata"
	"golang.org/x/term"
)

func cmdRun(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (err error) {
	fs := newFlags("run", "[INPUT...]  (files, directories, .gz files, - for stdin; none: the embedded 2024 corpus, from a terminal or with --demo)", stderr)
	out := fs.String("out", "./dataset", "dataset root: a directory, or s3:// (gs://, azblob:// in builds with -tags gcs, azure), file:// URL")
	mode := fs.String("mode", string(output.Merge), "how the run joins the dataset at --out: merge (replace the reports it brings, keep every other), overwrite-partitions (replace the years it writes: their other reports are removed), overwrite (the whole dataset) or append (refused for a report already there); reports removed without being brought are logged and listed under removed")
	onError := fs.String("on-error", "fail", "an input that cannot be read: fail (commit nothing) or skip (leave it out, list it, exit 3)")
	demo := fs.Bool("demo", false, "run the embedded 2024 corpus (the default without INPUT only when stdin is a terminal)")
	leaseTimeout := fs.Duration("lease-timeout", output.DefaultLeaseTimeout, "a lease on --out not renewed for this long belongs to a dead run and is taken over")
	regionName := fs.String("region", "", "region of reports whose text names none: any GB/T 2260 code or unambiguous name (北京, 深圳市, 440300, 呼伦贝尔市海拉尔区, Beijing); the text wins, a disagreement is logged")
	year := fs.Int("year", 0, "year of reports whose text does not tell it; the text wins, a disagreement is logged")
	textColumn := fs.String("text-column", "", "column holding the report text in CSV/TSV/JSON Lines/Parquet inputs (default: full_text, content, text, 正文 …)")
	maxReport := fs.Int("max-report-mb", read.DefaultMaxReportBytes>>20, "refuse a report of more text than this many MB: no report comes near the default, so a longer one is not a report, or reports not told apart")
	workers := fs.Int("workers", 0, "reports processed at once (default GOMAXPROCS)")
	shardIndex := fs.Int("shard-index", -1, "this shard (0-based); default from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID")
	shardCount := fs.Int("shard-count", 0, "number of shards; default from SLURM_ARRAY_TASK_COUNT or SHARD_COUNT, else 1")
	force := fs.Bool("force", false, "rerun a shard that already finished")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file (for go tool pprof)")
	memLimit := fs.Int("memory-limit-mb", defaultMemoryLimitMB(os.Getenv), "soft memory limit in MiB for the Go runtime (0: none; default from GOMEMLIMIT, else 256)")
	logFlags := addLogFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *memLimit < 0 {
		return usagef("--memory-limit-mb must be 0 or more")
	}
	if *maxReport < 1 {
		return usagef("--max-report-mb must be 1 or more")
	}
	if *memLimit > 0 {
		// A soft limit: the collector works harder near it instead of letting the heap double.
		debug.SetMemoryLimit(int64(*memLimit) << 20)
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	readOpts := read.Options{Region: *regionName, Year: *year, TextColumn: *textColumn, MaxReportBytes: *maxReport << 20}
	if err := readOpts.Validate(); err != nil {
		return usageError{msg: err.Error()}
	}
	wmode, err := output.ParseMode(*mode)
	if err != nil {
		return usagef("--mode: %v", err)
	}
	if *onError != "fail" && *onError != "skip" {
		return usagef("--on-error %q: want fail or skip", *onError)
	}
	if *leaseTimeout <= 0 {
		return usagef("--lease-timeout must be positive")
	}
	var progress *progressLine
	if isTerminal(stderr) {
		progress = newProgressLine(stderr)
		stderr = progress // log lines clear the progress line first
	}
	log, err := logFlags.logger(stderr)
	if err != nil {
		return err
	}
	// From here on the logger reports the fatal error, so that it is JSON
	// with JSON logs (the exit code still comes from the error).
	defer func() {
		var ue usageError
		switch {
		case err == nil || errors.Is(err, errRejected):
		case errors.As(err, &ue):
			log.Error("usage error", "error", err.Error(), "help", "govreports run -h")
			err = loggedError{err}
		case ctx.Err() != nil:
			log.Error("interrupted; the previous dataset is unchanged")
			err = loggedError{err}
		default:
			log.Error("run failed", "error", err.Error())
			err = loggedError{err}
		}
	}()
	idx, count, err := shardFromEnv(*shardIndex, *shardCount, os.Getenv)
	if err != nil {
		return err
	}
	if *workers < 0 {
		return usagef("--workers must be positive")
	}
	var inputs []read.Source
	switch {
	case *demo && fs.NArg() > 0:
		return usagef("--demo runs the embedded corpus and takes no INPUT")
	case *demo || (fs.NArg() == 0 && isTerminal(stdin)):
		inputs = []read.Source{read.BytesSource(testdata.CorpusName, testdata.Corpus)}
	case fs.NArg() == 0:
		// From a script, no INPUT is most likely an empty list (xargs, a glob
		// that matched nothing): never replace a dataset with the demo corpus.
		return usagef("no INPUT given: name files, directories or - for stdin (the embedded 2024 corpus runs with --demo, or by default from a terminal)")
	default:
		if inputs, err = read.Sources(fs.Args(), stdin, log); err != nil {
			return err
		}
	}
	if count > 1 && !*force {
		names := make([]string, len(inputs))
		for i, in := range inputs {
			names[i] = in.Name
		}
		done, err := output.ShardDone(ctx, *out, idx, count, names)
		if err != nil {
			return err
		}
		if done {
			log.Info("shard already finished; skipping (use --force to rerun)", "shard", idx, "of", count)
			return json.NewEncoder(stdout).Encode(map[string]any{"skipped": true, "shard_index": idx, "shard_count": count})
		}
	}
	log.Info("run started", "inputs", len(inputs), "out", *out, "mode", wmode, "shard", idx, "of", count)
	cfg := pipeline.Config{
		Inputs: inputs, Out: *out, Workers: *workers, ShardIndex: idx, ShardCount: count,
		ToolVersion: version, Logger: log, Mode: wmode, LeaseTimeout: *leaseTimeout, SkipErrors: *onError == "skip",
		Read: readOpts,
	}
	cfg.Read.Logger = log
	stopProgress := func() {}
	if progress != nil {
		cfg.Progress = &pipeline.Progress{}
		stopProgress = progress.start(cfg.Progress)
	}
	started := time.Now()
	sum, err := pipeline.Run(ctx, cfg)
	stopProgress()
	if err != nil {
		return err
	}
	for _, r := range sum.Rejected {
		log.Warn("input rejected", "input", r.Input, "line", r.Line, "reason", r.Reason)
	}
	if count <= 1 { // a shard's rows are not in the dataset until the commit
		timing := runreport.Timing{Command: "run", StartedAt: started.UTC().Format(time.RFC3339), Seconds: sum.Seconds}
		if err := writeRunReport(ctx, *out, timing, log); err != nil {
			return err
		}
	}
	rss := peakRSSBytes()
	log.Info("run finished", "reports", sum.Reports, "rows", sum.Rows, "files", sum.Files, "rejected", len(sum.Rejected),
		"rows_without_text", sum.RowsWithoutText, "seconds", sum.Seconds, "peak_rss_mb", rss>>20)
	if err := json.NewEncoder(stdout).Encode(struct {
		pipeline.Summary
		PeakRSSMB int64 `json:"peak_rss_mb"`
	}{sum, rss >> 20}); err != nil {
		return err
	}
	if len(sum.Rejected) > 0 {
		return fmt.Errorf("%w: %d left out (listed above and in the manifest), the rest committed", errRejected, len(sum.Rejected))
	}
	return nil
}

// shardFromEnv fills unset shard flags from the schedulers' variables:
// Kubernetes Indexed Jobs set JOB_COMPLETION_INDEX (the count comes from
// --shard-count or SHARD_COUNT), Slurm arrays set SLURM_ARRAY_TASK_ID and
// SLURM_ARRAY_TASK_COUNT.
func shardFromEnv(index, count int, getenv func(string) string) (int, int, error) {
	envInt := func(names ...string) (int, bool, error) {
		for _, n := range names {
			if v := getenv(n); v != "" {
				i, err := strconv.Atoi(v)
				if err != nil {
					return 0, false, usagef("%s=%q is not a number", n, v)
				}
				return i, true, nil
			}
		}
		return 0, false, nil
	}
	if index < 0 {
		i, ok, err := envInt("JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID")
		if err != nil {
			return 0, 0, err
		}
		if ok {
			index = i
		} else {
			index = 0
		}
	}
	if count <= 0 {
		c, ok, err := envInt("SLURM_ARRAY_TASK_COUNT", "SHARD_COUNT")
		if err != nil {
			return 0, 0, err
		}
		count = 1
		if ok {
			count = c
		}
	}
	if index < 0 || index >= count {
		return 0, 0, usagef("shard index %d is outside 0..%d (shard count %d)", index, count-1, count)
	}
	return index, count, nil
}

// logFlags are the logging flags every command that logs shares.
type logFlags struct {
	format *string
	level  *string
}

func addLogFlags(fs interface {
	String(name, value, usage string) *string
}) logFlags {
	return logFlags{
		format: fs.String("log-format", "auto", "log format on stderr: auto (text on a terminal, JSON otherwise), text or json"),
		level:  fs.String("log-level", "info", "debug, info, warn or error"),
	}
}

func (lf logFlags) logger(stderr io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(*lf.level)); err != nil {
		return nil, usagef("--log-level %q: want debug, info, warn or error", *lf.level)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch *lf.format {
	case "text":
		return slog.New(slog.NewTextHandler(stderr, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(stderr, opts)), nil
	case "auto":
		if isTerminal(stderr) {
			return slog.New(slog.NewTextHandler(stderr, opts)), nil
		}
		return slog.New(slog.NewJSONHandler(stderr, opts)), nil
	}
	return nil, usagef("--log-format %q: want auto, text or json", *lf.format)
}

// isTerminal tells whether a stream (stdin, stderr) is a terminal.
func isTerminal(stream any) bool {
	switch f := stream.(type) {
	case *progressLine: // made only for a terminal
		return true
	case *os.File:
		// A real terminal, not any character device: /dev/null, which
		// xargs and cron give as stdin, is one too.
		return term.IsTerminal(int(f.Fd()))
	}
	return false
}

// defaultMemoryLimitMB is 256 MiB unless GOMEMLIMIT sets the runtime's limit,
// in which case the flag leaves it alone (0).
func defaultMemoryLimitMB(getenv func(string) string) int {
	if getenv("GOMEMLIMIT") != "" {
		return 0
	}
	return 256
}

// startCPUProfile profiles the process into path until the returned stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
