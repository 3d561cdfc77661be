package runreport_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/govreports/govreports/output/runreport"
)

// measureScript, put into a copy of the page, lists every element that
// ends past the window's width (or past its SVG: clipped), every box that
// scrolls sideways, and records them on <body> for --dump-dom.
const measureScript = `<script>
(function () {
  var w = document.documentElement.clientWidth, bad = [];
  var all = document.body.getElementsByTagName('*');
  for (var i = 0; i < all.length; i++) {
    var e = all[i], r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    var box = e.ownerSVGElement ? e.ownerSVGElement.getBoundingClientRect() : {left: 0, right: w};
    if (r.right > box.right + 0.5 || r.left < box.left - 0.5) {
      bad.push(e.tagName + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ' past ' + Math.round(box.right) + ': ' + (e.textContent || '').slice(0, 60));
    }
    if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible') {
      bad.push(e.tagName + ' scrolls sideways: ' + e.scrollWidth + ' > ' + e.clientWidth);
    }
  }
  if (document.documentElement.scrollWidth > w) bad.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + w);
  document.body.setAttribute('data-overflow', JSON.stringify({width: w, elements: document.body.getElementsByTagName('*').length, past: bad.slice(0, 10), count: bad.length}));
})();
</script>`

// Widths the page must fit: a 1,280-pixel window, and an A4 page in print
// (210 mm less the page's 12 mm margins is 186 mm, 703 CSS pixels).
var widths = []struct {
	name  string
	px    int
	print bool
}{{"1280px", 1280, false}, {"A4 print", 700, true}}

// TestPageFitsTheWidth renders the pages of the seed corpus and of a lake
// of many regions, years and long names in headless Chromium (Debian's
// chromium-headless-shell, when the machine has it) and fails on any
// element wider than the window: nothing behind a scrollbar, nothing cut in
// print or in mail.
func TestPageFitsTheWidth(t *testing.T) {
	bin := chromium(t)
	ctx := context.Background()
	pages := map[string]string{"seed": seedDataset(t), "lake": bigLake(t)}
	for name, out := range pages {
		p, err := runreport.Build(ctx, out)
		require.NoError(t, err)
		page, err := runreport.Render(p)
		require.NoError(t, err)
		for _, w := range widths {
			t.Run(name+" "+w.name, func(t *testing.T) {
				got := measure(t, bin, page, w.px, w.print)
				assert.Equal(t, w.px, got.Width)
				assert.Greater(t, got.Elements, 500, "the page rendered")
				assert.Zero(t, got.Count, "elements past the %d-pixel width: %s", w.px, strings.Join(got.Past, "\n"))
			})
		}
	}
}

// chromium finds a headless Chromium or skips the test.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium on this machine (apt-get install chromium-headless-shell): the page's layout is not checked")
	return ""
}

type measured struct {
	Width    int
	Elements int
	Past     []string
	Count    int
}

// measure loads a copy of page with measureScript in a window px wide, with
// the page's print rules in force when print is set.
func measure(t *testing.T, bin string, page []byte, px int, print bool) measured {
	t.Helper()
	if print {
		page = bytes.Replace(page, []byte("@media print{"), []byte("@media all{"), 1)
	}
	page = bytes.Replace(page, []byte("</body>"), []byte(measureScript+"</body>"), 1)
	dir := t.TempDir()
	file := filepath.Join(dir, "page.html")
	require.NoError(t, os.WriteFile(file, page, 0o644))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// The flags of a machine without network: no background connections.
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--window-size="+strconv.Itoa(px)+",1000", "--dump-dom", "file://"+file)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	dom, err := cmd.Output()
	require.NoError(t, err, "%s", stderr.String())
	doc, err := html.Parse(bytes.NewReader(dom))
	require.NoError(t, err)
	var m measured
	var find func(*html.Node) bool
	find = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.Data == "body" {
			for _, a := range n.Attr {
				if a.Key == "data-overflow" {
					require.NoError(t, json.Unmarshal([]byte(a.Val), &m))
					return true
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if find(c) {
				return true
			}
		}
		return false
	}
	require.True(t, find(doc), "the measuring script ran: %s", stderr.String())
	return m
}
