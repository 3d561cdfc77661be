package split

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/govreports/govreports/schemas"
)

// TestSectionsDocumented holds the data dictionary to the enumeration: the
// sentences.section description lists every section, in order, and nothing
// else.
func TestSectionsDocumented(t *testing.T) {
	field, ok := reflect.TypeFor[schemas.Sentence]().FieldByName("Section")
	assert.True(t, ok)
	var doc []Section
	for _, s := range strings.Split(field.Tag.Get("doc"), " | ") {
		doc = append(doc, Section(s))
	}
	assert.Equal(t, everySection, doc)
}

func TestSectionRulesRefuseUnknownSections(t *testing.T) {
	assert.NotEmpty(t, mustSectionRules("# section\tregexp\nreview\t回顾\n"))
	assert.PanicsWithValue(t, `embedded lexicon: sections.tsv line 2: unknown section "epilogue"`, func() {
		mustSectionRules("review\t回顾\nepilogue\t结束语\n")
	})
}
