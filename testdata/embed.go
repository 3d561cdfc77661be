// Package testdata embeds the seed corpus (the 2024 government work reports)
// as the default input of a run, and holds the golden files of the tests.
package testdata

import _ "embed"

// CorpusName is the name the embedded corpus is reported under.
const CorpusName = "embedded:gov-work-reports-2024.txt"

// CorpusYear is the year of every report of the seed corpus.
const CorpusYear = 2024

// Corpus is the seed corpus: the 2024 reports of the State Council and the
// 31 provincial-level regions.
//
//go:embed gov-work-reports-2024.txt
var Corpus []byte
