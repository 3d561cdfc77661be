package read

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, head string
		want       string
	}{
		{"a.txt", "各位代表：", "text"},
		{"a.txt", "PK\x03\x04rest", "docx"},
		{"a", "PAR1\x15", "parquet"},
		{"a.txt", "\ufeff  <!DOCTYPE html><html>", "html"},
		{"a.txt", "[<div class=x>", "html"},
		{"a.txt", "<各位代表>", "text"},
		{"a.txt", "{\"text\":\"x\"}", "jsonl"},
		{"a.json", "[\n  {\"text\":\"x\"}]", "jsonl"},
		{"a.txt", "[一]", "text"},
		{"a.txt", "\ufeffprovince,year,full_text\n", "csv"},
		{"a.txt", "year\tcontent\n", "tsv"},
		{"a.txt", "一、工作,回顾\n", "text"},
		{"a.CSV.gz", "", "csv"},
		{"a.ndjson", "", "jsonl"},
		{"a.shtml", "", "html"},
		{"a.txt", "%PDF-1.7\n", "pdf"},
		{"a.PDF", "", "pdf"},
		{"a.xlsx", "PK\x03\x04rest", "xlsx"},
		{"a.xls", "\xd0\xcf\x11\xe0", "xlsx"}, // refused by the reader, with what to do
		{"a.docx", "PK\x03\x04rest", "docx"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, detect(tt.name, []byte(tt.head)).name, "%s %q", tt.name, tt.head)
	}
}
