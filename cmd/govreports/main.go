// Command govreports turns Chinese government work reports into typed
// Parquet tables: reports, sentences, goals, figures, commitments, terms and
// regions.
//
//	govreports run [flags] [INPUT...]   build the dataset (--demo, or no INPUT on a terminal: the embedded 2024 corpus)
//	govreports schema [TABLE]           print the data dictionary (or: schema indicators)
//	govreports eval --gold DIR          score the extractors against answer keys
//	govreports commit --out DIR         finish a sharded run
//	govreports report --out DIR         rebuild the run report page
//	govreports version                  print the version
//
// Exit codes: 0 ok, 1 failure, 2 usage error, 3 completed with rejected
// inputs (run or commit with --on-error skip), 130 interrupted.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	_ "github.com/govreports/govreports/cmd/govreports/internal/warmup" // the segmenter loads while the rest starts
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Exit codes.
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitRejected    = 3
	exitInterrupted = 130
)

// usageError marks errors in the command line, which exit with code 2;
// usage is the command's flags, printed before it on a terminal.
type usageError struct{ msg, usage string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{msg: fmt.Sprintf(format, args...)} }

// errRejected marks a run that committed but left inputs out (exit 3).
var errRejected = errors.New("completed with rejected inputs")

// loggedError is an error the command's logger already reported (as JSON
// with JSON logs); only the exit code is left to find.
type loggedError struct{ err error }

func (e loggedError) Error() string { return e.err.Error() }
func (e loggedError) Unwrap() error { return e.err }

// helpError carries a command's usage, asked for with -h: it goes to stdout
// and exits 0.
type helpError struct{ usage string }

func (e helpError) Error() string { return "help requested" }
func (e helpError) Unwrap() error { return flag.ErrHelp }

const usage = `usage: govreports <command> [flags] [args]

commands:
  run [flags] [INPUT...]   read reports and write the dataset (--demo: the embedded 2024 corpus)
  schema [TABLE]           print the data dictionary of every table, or of one (schema indicators: the indicator codes)
  eval --gold DIR          score goals, figures and commitments against answer keys
  commit --out DIR         check a sharded run's shards and join them into the dataset
  report --out DIR         rebuild the run report page OUT/_report/index.html
  version                  print the version

Run 'govreports <command> -h' for the flags of a command.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole program but for the process exit, so tests can call it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return exitCode(ctx, usageError{msg: "no command given", usage: usage}, args, stdout, stderr)
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "run":
		err = cmdRun(ctx, rest, stdin, stdout, stderr)
	case "schema":
		err = cmdSchema(rest, stdout, stderr)
	case "eval":
		err = cmdEval(ctx, rest, stdout, stderr)
	case "commit":
		err = cmdCommit(ctx, rest, stdout, stderr)
	case "report":
		err = cmdReport(ctx, rest, stdout, stderr)
	case "gen-corpus":
		err = cmdGenCorpus(rest, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "govreports", version)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
	default:
		err = usageError{msg: fmt.Sprintf("unknown command %q", cmd), usage: usage}
	}
	return exitCode(ctx, err, args, stdout, stderr)
}

// exitCode says what err needs said, unless the command's logger did, and
// returns the exit code for it.
func exitCode(ctx context.Context, err error, args []string, stdout, stderr io.Writer) int {
	var (
		ue     usageError
		help   helpError
		logged loggedError
	)
	say := newLastWords(args, stderr)
	if errors.As(err, &logged) {
		say = lastWords{} // the command's logger said it
	}
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &help):
		fmt.Fprint(stdout, help.usage)
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		help := "govreports help"
		if ue.usage != usage && len(args) > 0 {
			help = "govreports " + args[0] + " -h"
		}
		say.usage(ue, help)
		return exitUsage
	case errors.Is(err, errRejected):
		say.say(slog.LevelWarn, err.Error())
		return exitRejected
	case ctx.Err() != nil: // interrupted: whatever failed, it failed because of the signal
		say.say(slog.LevelError, "interrupted; the previous dataset is unchanged")
		return exitInterrupted
	default:
		say.say(slog.LevelError, "failed", "error", err.Error())
		return exitFailure
	}
}

// lastWords writes what the program itself says on stderr — a usage
// error, the closing line of a run that left inputs out, a failure that no
// command's logger reported — as every other message is written: a JSON log
// line where logs are JSON (stderr off a terminal, or --log-format json), a
// plain line otherwise. It reads --log-format from the arguments itself, for
// the error may be in them. The zero value says nothing.
type lastWords struct {
	w    io.Writer
	json *slog.Logger // nil: plain lines
}

func newLastWords(args []string, stderr io.Writer) lastWords {
	format := "auto"
	for i, a := range args {
		name, value, ok := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name != "log-format" || !strings.HasPrefix(a, "-") {
			continue
		}
		if !ok && i+1 < len(args) {
			value = args[i+1]
		}
		format = value
	}
	if format == "json" || format != "text" && !isTerminal(stderr) {
		return lastWords{w: stderr, json: slog.New(slog.NewJSONHandler(stderr, nil))}
	}
	return lastWords{w: stderr}
}

// say writes msg at level, with attrs (key, value pairs; "error" is the error's text).
func (l lastWords) say(level slog.Level, msg string, attrs ...any) {
	switch {
	case l.w == nil:
	case l.json != nil:
		l.json.Log(context.Background(), level, msg, attrs...)
	case len(attrs) >= 2 && attrs[0] == "error":
		fmt.Fprintf(l.w, "govreports: %v\n", attrs[1])
	default:
		fmt.Fprintf(l.w, "govreports: %s\n", msg)
	}
}

// usage says a usage error: as plain text the usage, then the error; in a
// JSON log line the error, and the command that prints the usage (help).
func (l lastWords) usage(ue usageError, help string) {
	if l.json == nil {
		if l.w != nil {
			fmt.Fprint(l.w, ue.usage)
		}
		l.say(slog.LevelError, "usage error", "error", ue.msg)
		return
	}
	l.say(slog.LevelError, "usage error", "error", ue.msg, "help", help)
}

// newFlags makes a flag set that reports errors instead of exiting.
func newFlags(name, args string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: govreports %s [flags] %s\n\nflags:\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses and maps flag errors to usage errors. The usage the
// flag package prints is held back: -h gets it on stdout (exit 0), a bad
// flag on stderr (exit 2).
func parseFlags(fs *flag.FlagSet, args []string) error {
	stderr := fs.Output()
	var usage strings.Builder
	fs.SetOutput(&usage)
	defer fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return helpError{usage.String()}
		}
		return usageError{msg: err.Error(), usage: usage.String()}
	}
	return nil
}
