package terms

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// persistReports are a few reports in the style of different regions and years.
var persistReports = map[string][]string{
	"2023-110000": {"推进京津冀协同发展，建设国际科技创新中心。", "加快建设国际科技创新中心。"},
	"2023-460000": {"建设海南自由贸易港，发展海洋经济。"},
	"2024-150000": {"发展现代能源经济，建设国家重要能源基地。", "发展乳业。"},
	"2024-000000": {"推进高质量发展，建设现代化产业体系。"},
}

// TestCountsOfShardsRankAsOneCounter proves that counts written by shards and
// read into one Counter rank the terms as one Counter that saw every report.
func TestCountsOfShardsRankAsOneCounter(t *testing.T) {
	whole := newCounter(t)
	for id, s := range persistReports {
		whole.Add(id, s)
	}
	shards := []*Counter{newCounter(t), newCounter(t)}
	for id, s := range persistReports {
		shards[id[3]-'3'].Add(id, s) // by year
	}
	merged := NewCounter(nil) // no segmenter: nothing is segmented
	for _, s := range shards {
		var b bytes.Buffer
		require.NoError(t, s.WriteCounts(&b))
		require.NoError(t, merged.ReadCounts(&b))
	}
	assert.Equal(t, whole.Top(topForTest), merged.Top(topForTest))

	var b bytes.Buffer
	require.NoError(t, shards[0].WriteCounts(&b))
	require.ErrorContains(t, merged.ReadCounts(&b), "counted twice")
}

// topForTest is more terms than the reports have.
const topForTest = 50

func TestReadCountsRejectsDamage(t *testing.T) {
	c := newCounter(t)
	c.Add("2024-110000", []string{"建设国际科技创新中心，发展数字经济。"})
	var b bytes.Buffer
	require.NoError(t, c.WriteCounts(&b))
	good := b.Bytes()
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "not a file of word counts"},
		{"cut", good[:len(good)-1], "unexpected EOF"},
		{"trailing", append(append([]byte{}, good...), 0), "data after the last report"},
		{"huge vocabulary", append([]byte(countsMagic), 0xff, 0xff, 0xff, 0xff, 0x7f), "out of range"},
		{"vocabulary cut", append([]byte(countsMagic), 0xff, 0xff, 0xff, 0x07), "unexpected EOF"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorContains(t, NewCounter(nil).ReadCounts(bytes.NewReader(tc.data)), tc.want)
		})
	}
}

func FuzzReadCounts(f *testing.F) {
	c := NewCounter(nil)
	c.mu.Lock()
	a, b := c.intern("科技", "n"), c.intern("创新", "vn")
	c.reports["r"] = []wordCount{{a, 3}, {b, 1}}
	c.df[a], c.df[b] = 1, 1
	c.mu.Unlock()
	var buf bytes.Buffer
	require.NoError(f, c.WriteCounts(&buf))
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		c := NewCounter(nil)
		if err := c.ReadCounts(bytes.NewReader(data)); err != nil {
			return
		}
		// What is read back is written out the same.
		var out bytes.Buffer
		require.NoError(t, c.WriteCounts(&out))
		again := NewCounter(nil)
		require.NoError(t, again.ReadCounts(&out))
		assert.Equal(t, c.Top(topForTest), again.Top(topForTest))
	})
}
