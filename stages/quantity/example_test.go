package quantity_test

import (
	"fmt"

	"github.com/govreports/govreports/stages/quantity"
)

func ExampleExtract() {
	for _, m := range quantity.Extract("国内生产总值超过126万亿元，增长5.2%；城镇新增就业近1244万人。") {
		fmt.Printf("%s: %g %s, %s %s %s, subject %s\n", m.Text, m.BaseValue, m.BaseUnit, m.Kind, m.Direction, m.Comparator, m.Subject)
	}
	// Output:
	// 126万亿元: 1.26e+14 CNY, level  at_least, subject 国内生产总值
	// 5.2%: 5.2 percent, growth up exact, subject 国内生产总值
	// 近1244万人: 1.244e+07 person, count_change up about, subject 城镇新增就业
}

func ExampleParseNumber() {
	for _, s := range []string{"1.39万亿", "两千亿", "6600多万", "１,２００"} {
		n, err := quantity.ParseNumber(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(n.Value, n.Multiplier, n.Approx, n.Base())
	}
	// Output:
	// 1.39 1e+12 false 1.39e+12
	// 2000 1e+08 false 2e+11
	// 6600 10000 true 6.6e+07
	// 1200 1 false 1200
}
