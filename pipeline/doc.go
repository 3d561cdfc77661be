// Package pipeline wires the stages of a run together: inputs are read into
// reports, every report flows through the stages (split, figures, goals,
// commitments, terms) on a bounded pool of workers, and the finished reports
// reach the sink in input order, so that a run's output is deterministic
// whatever the number of workers.
package pipeline
