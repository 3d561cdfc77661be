package pipeline

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"

	"github.com/apache/arrow/go/v15/parquet/file"
	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/schemas"
	"github.com/govreports/govreports/stages/region"
)

// regionsFile is the regions dimension as the writer encodes RegionRows: the
// table depends on the binary alone (the embedded register), and encoding
// its 3,700 rows at every run was 50–90 ms of every run's tail, whatever the
// run's size. TestRegionsFileIsCurrent encodes the rows and fails when this
// file differs; go generate ./pipeline rewrites it.
//
//go:generate go test -run TestRegionsFileIsCurrent -update .
//go:embed regions.parquet
var regionsFile []byte

// regionRowsOf reads the row count of an encoded regions file.
func regionRowsOf(data []byte) (int64, error) {
	r, err := file.NewParquetReader(bytes.NewReader(data))
	if err != nil {
		return 0, fmt.Errorf("the embedded regions file: %w", err)
	}
	defer r.Close()
	return r.NumRows(), nil
}

// appendRegions writes the regions dimension, the embedded file of it.
func appendRegions(ds *output.Dataset) error {
	rows, err := regionRowsOf(regionsFile)
	if err != nil {
		return err
	}
	return ds.AppendFile(schemas.Regions, rows, regionsFile)
}

// RegionRows is the regions dimension table: one row per code, under its
// latest name, with the names it bore before.
func RegionRows() []schemas.Region {
	all := region.All()
	rows := make([]schemas.Region, 0, len(all))
	for _, r := range all {
		var successor string
		if r.ValidTo != region.Current && r.CurrentCode != r.Code {
			successor = r.CurrentCode
		}
		var former []string
		vs := region.Versions(r.Code)
		for _, v := range vs[:len(vs)-1] { // the last is r
			former = append(former, fmt.Sprintf("%s %s…%s", v.Full, v.ValidFrom, v.ValidTo))
		}
		rows = append(rows, schemas.Region{
			RegionCode: r.Code, Region: r.Short, RegionName: r.Full, RegionEN: r.English,
			Level: r.Level, MacroRegion: r.MacroRegion,
			ProvinceCode: optional(r.ProvinceCode), PrefectureCode: optional(r.PrefectureCode),
			ValidFrom: r.ValidFrom, ValidTo: r.ValidTo, SuccessorCode: optional(successor),
			FormerNames: optional(strings.Join(former, "; ")),
		})
	}
	return rows
}
