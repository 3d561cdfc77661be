package read

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCleanInvisible(t *testing.T) {
	for in, want := range map[string]string{
		"增长\u200b5.2%":            "增长5.2%",
		"\ufeff各位\u2060代表\u00ad：": "各位代表：",
		"市长\u00a0张某":              "市长 张某",
		"“十四五”——\u202a规划\u202c":   "“十四五”——规划",
		"no invisible — at all …": "no invisible — at all …",
	} {
		assert.Equal(t, want, cleanInvisible(in), "%q", in)
	}
}

func TestInvisibleAtAgreesWithIsInvisible(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		i, _ := invisibleAt(string(r))
		if (i == 0) != isInvisible(r) {
			t.Fatalf("U+%04X: invisibleAt says %v, isInvisible %v", r, i == 0, isInvisible(r))
		}
	}
}
