// Package eval scores the extracted tables against hand-made answer keys
// (the format of testdata/gold: goals.json, figures.json, commitments.json).
package eval

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/govreports/govreports/schemas"
)

// PRF is precision, recall and F1 from match counts.
type PRF struct {
	TP, FP, FN int
}

// Precision is TP / (TP + FP); 0 when nothing was predicted.
func (s PRF) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP / (TP + FN); 0 when nothing was expected.
func (s PRF) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s PRF) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s PRF) String() string {
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// loadKey reads an answer key: a JSON array of records.
func loadKey[T any](path, what string) ([]T, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load %s key: %w", what, err)
	}
	var out []T
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, fmt.Errorf("load %s key %s: %w", what, path, err)
	}
	return out, nil
}

// sentencesByLine groups sentences by their source line: the keys name lines,
// and our sentence split may differ from the annotators'.
func sentencesByLine(sentences []schemas.Sentence) map[int][]schemas.Sentence {
	byLine := map[int][]schemas.Sentence{}
	for _, s := range sentences {
		byLine[int(s.Line)] = append(byLine[int(s.Line)], s)
	}
	return byLine
}
