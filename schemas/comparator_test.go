package schemas

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestComparatorsDocumented holds the data dictionary to the enumeration: the
// goals.comparator description lists every comparator, in order, and nothing
// else.
func TestComparatorsDocumented(t *testing.T) {
	field, ok := reflect.TypeFor[Goal]().FieldByName("Comparator")
	assert.True(t, ok)
	var doc []Comparator
	for _, c := range strings.Split(field.Tag.Get("doc"), " | ") {
		doc = append(doc, Comparator(c))
	}
	assert.Equal(t, comparators, doc)
	for _, c := range comparators {
		assert.True(t, c.Known(), c)
	}
	assert.False(t, Comparator("roughly").Known())
	assert.False(t, Comparator("").Known())
}
