package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/govreports/govreports/stages/quantity"
)

func main() {
	for _, s := range os.Args[1:] {
		for _, m := range quantity.Extract(s) {
			fmt.Printf("%s|%v|%v|%s|%v|%s|%s|%s|%s|%v|%s|%s\n", m.Text, m.Value, m.Multiplier, m.Unit, m.BaseValue, m.BaseUnit, m.Kind, m.Direction, m.Comparator, m.Approx, m.Subject, m.Indicator)
		}
	}
	if len(os.Args) == 1 {
		sc := bufio.NewScanner(os.Stdin)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		ln := 0
		for sc.Scan() {
			ln++
			for _, m := range quantity.Extract(sc.Text()) {
				r := []rune(sc.Text())
				a, b := max(0, m.Start-8), min(len(r), m.End+6)
				fmt.Printf("%d\t%s\t%s\t%s\t%g\t%s\t%s\t%s\n", ln, m.Text, string(r[a:m.Start])+"【"+m.Text+"】"+string(r[m.End:b]), m.Kind, m.BaseValue, m.BaseUnit, m.Comparator, m.Subject)
			}
		}
	}
}
