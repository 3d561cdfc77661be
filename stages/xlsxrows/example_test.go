package xlsxrows_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/govreports/govreports/stages/xlsxrows"
)

// A county database's export: a sheet of notes, then the reports, one a row.
func ExampleWorkbook_Rows() {
	in, err := os.Open("../../testdata/formats/county-reports.xlsx")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer in.Close()
	w, err := xlsxrows.Open("county-reports.xlsx", in)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer w.Close()
	rows, err := w.Rows("报告")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer rows.Close()
	for {
		row, err := rows.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		v := row.Values()
		first, _, _ := strings.Cut(v["报告全文"], "\n")
		fmt.Printf("%s row %d: %s %s %s %q\n", row.Sheet, row.No, v["年份"], v["区县代码"], v["区县名称"], first)
	}
	// Output:
	// 报告 row 2: 2020 330522 长兴县 "政府工作报告"
	// 报告 row 3: 2021 330523 安吉县 "安吉县人民政府工作报告"
	// 报告 row 4: 2019 330521 德清县 ""
	// 报告 row 5: 2023 510107 武侯区 "政 府 工 作 报 告"
}
