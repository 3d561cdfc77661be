package xlsxrows_test

import (
	"errors"
	"fmt"
	"io"
	"os"

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
		fmt.Printf("%s row %d: %s %s %s %s, %d bytes of text\n", row.Sheet, row.No, v["年份"], v["区县代码"], v["区县名称"], v["报告标题"], len(v["报告全文"]))
	}
	// Output:
	// 报告 row 2: 2020 330522 长兴县 2020年长兴县政府工作报告, 3310 bytes of text
	// 报告 row 3: 2021 330523 安吉县 2021年安吉县政府工作报告, 1119 bytes of text
	// 报告 row 4: 2019 330521 德清县 2019年德清县政府工作报告, 0 bytes of text
	// 报告 row 5: 2023 510107 武侯区 2023年武侯区政府工作报告, 1480 bytes of text
}
