package targets

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadCues(t *testing.T) {
	c, err := load("# kind\tpattern\nmarker\t目标\nmarker\t预期目标\nfollow\t是\nfollow\t：\nstart\t目标(是|为)\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"预期目标", "目标"}, c.markers, "longest first")
	assert.Equal(t, "是：", c.follow)
	require.Len(t, c.starts, 1)
	assert.Equal(t, "目标(是|为)", c.starts[0].String())

	errs := []struct{ name, data, want string }{
		{"unknown kind", "marker\t目标\noften\t常常\n", `cues.tsv line 2: unknown kind "often"`},
		{"bad pattern", "start\t目标(\n", "cues.tsv line 1: error parsing regexp: missing closing ): `目标(`"},
		{"empty follow", "follow\t\n", "cues.tsv line 1: want kind<TAB>pattern"},
		{"no start cue", "marker\t目标\nfollow\t是\n", "no start, marker or follow cue"},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(tt.data)
			assert.EqualError(t, err, tt.want)
		})
	}
}
