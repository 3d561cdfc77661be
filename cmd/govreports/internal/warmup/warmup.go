// Package warmup starts loading the word segmenter's dictionary as soon as
// the program starts, in the background: Go initialises the packages of the
// binary one after the other on one core, and this package comes early in
// that order, so the load (about 30 ms) overlaps the initialisation of the
// cloud SDKs that follow it and the reading of the first reports. Commands
// that never segment leave the load to finish or be dropped at exit.
package warmup

import "github.com/govreports/govreports/stages/segment"

func init() {
	go func() { _, _ = segment.Default() }() // the error is the first caller's of Default to report
}
