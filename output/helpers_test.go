package output

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/govreports/govreports/schemas"
	"github.com/stretchr/testify/require"
)

// The test data is made by reflection from the row types, so every table and
// every column (including ones added later) is covered: nulls on every third
// row, dates, Chinese text, and two year partitions.

// reportKeys are the keys of test report r: years alternate 2023 and 2024.
func reportKeys(r int) (id string, year int16, code string) {
	year = int16(2023 + r%2)
	code = fmt.Sprintf("%06d", 110000+r*10000)
	return fmt.Sprintf("%d-%s", year, code), year, code
}

// testRow is row i of table t for report r.
func testRow(t *schemas.Table, r, i int) reflect.Value {
	row := reflect.New(t.Row).Elem()
	id, year, code := reportKeys(r)
	for _, c := range t.Columns {
		f := row.FieldByIndex(c.Index)
		if f.Kind() == reflect.Pointer {
			if i%3 == 0 {
				continue // null
			}
			f.Set(reflect.New(f.Type().Elem()))
			f = f.Elem()
		}
		switch {
		case c.Name == "report_id":
			f.SetString(id)
		case c.Name == "year":
			f.SetInt(int64(year))
		case c.Name == "region_code":
			f.SetString(code)
		case f.Type() == dateType:
			f.Set(reflect.ValueOf(schemas.NewDate(int(year), time.Month(1+i%12), 1+i%28)))
		case f.Kind() == reflect.String:
			f.SetString(fmt.Sprintf("%s 第%d号 「政府工作报告」 %d—%d ✓", c.Name, r, i, len(c.Name)))
		case f.Kind() == reflect.Bool:
			f.SetBool(i%2 == 1)
		case f.Kind() == reflect.Float64:
			f.SetFloat(float64(i)*1.25 - float64(r))
		case f.Kind() == reflect.Int16 || f.Kind() == reflect.Int32 || f.Kind() == reflect.Int64:
			f.SetInt(int64(i - r))
		default:
			panic(fmt.Sprintf("test data: no value for %s", f.Type()))
		}
	}
	return row
}

// testRows is the slice ([]Row) of n rows of t for report r.
func testRows(t *schemas.Table, r, n int) any {
	rows := reflect.MakeSlice(reflect.SliceOf(t.Row), n, n)
	for i := 0; i < n; i++ {
		rows.Index(i).Set(testRow(t, r, i))
	}
	return rows.Interface()
}

// testCorpus is a run's worth of rows: per report, perReport rows of each
// per-report table; the regions table once.
type testCorpus struct {
	reports, perReport int
}

// rowsOf is report r's rows count of table t.
func (c testCorpus) rowsOf(t *schemas.Table, r int) int {
	if t == schemas.Reports {
		return 1
	}
	return c.perReport + r // uneven on purpose
}

// appendAll appends the rows of the reports for which keep is true, report
// by report, as the pipeline does.
func (c testCorpus) appendAll(tb testing.TB, d *Dataset, keep func(r int) bool) {
	tb.Helper()
	for r := 0; r < c.reports; r++ {
		if !keep(r) {
			continue
		}
		for _, t := range schemas.All {
			if t.Partitioned {
				require.NoError(tb, d.Append(t, testRows(t, r, c.rowsOf(t, r))))
			}
		}
	}
	if keep(0) {
		require.NoError(tb, d.Append(schemas.Regions, testRows(schemas.Regions, 0, c.perReport)))
	}
}

// want is every row of t in the order a reader returns them: by year, then
// by append order.
func (c testCorpus) want(t *schemas.Table) any {
	if !t.Partitioned {
		return testRows(t, 0, c.perReport)
	}
	all := reflect.MakeSlice(reflect.SliceOf(t.Row), 0, 0)
	for _, year := range []int16{2023, 2024} {
		for r := 0; r < c.reports; r++ {
			if _, y, _ := reportKeys(r); y == year {
				all = reflect.AppendSlice(all, reflect.ValueOf(testRows(t, r, c.rowsOf(t, r))))
			}
		}
	}
	return all.Interface()
}

func (c testCorpus) wantCount(t *schemas.Table) int64 {
	return int64(reflect.ValueOf(c.want(t)).Len())
}

// write writes the corpus as one run at out.
func (c testCorpus) write(tb testing.TB, out string) Summary {
	tb.Helper()
	ctx := context.Background()
	d, err := Open(ctx, Options{Out: out, ToolVersion: "test", Inputs: []Input{{Name: "in.txt", SHA256: "ab", Bytes: 2}}})
	require.NoError(tb, err)
	defer d.Abort()
	c.appendAll(tb, d, func(int) bool { return true })
	sum, err := d.Commit(ctx)
	require.NoError(tb, err)
	return sum
}

// snapshot maps every file under dir to its sha256.
func snapshot(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		sum := sha256.Sum256(b)
		files[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
		return nil
	})
	require.NoError(tb, err)
	return files
}
