package meta

import (
	"errors"
	"fmt"

	"github.com/govreports/govreports/stages/region"
)

// Flags are the user's fallbacks for what a report's text does not say.
type Flags struct {
	Region string // a GB/T 2260 code or a name: 440300, 深圳市, 南京市鼓楼区, Guangdong
	Year   int
}

// Validate checks the flags before any input is read: a --region that names
// no division, or names several, is a usage error; so is a --year that is no
// plausible year. With --year, --region is read among the divisions of that
// year (莱芜市 in 2015).
func (f Flags) Validate() error {
	if f.Region != "" {
		_, err := region.Year(f.Year).Find(f.Region)
		if errors.Is(err, region.ErrUnknown) {
			return fmt.Errorf("--region %q: %w (use a GB/T 2260 code or a name such as 北京, 深圳市, 南京市鼓楼区 or Guangdong)", f.Region, err)
		}
		if err != nil {
			return fmt.Errorf("--region %q: %w", f.Region, err)
		}
	}
	if f.Year != 0 && (f.Year < MinYear || f.Year > MaxYear) {
		return fmt.Errorf("--year %d: not a year between %d and %d", f.Year, MinYear, MaxYear)
	}
	return nil
}
