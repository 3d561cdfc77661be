package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/govreports/govreports/stages/indicator"
)

func TestSchemaIndicators(t *testing.T) {
	code, out, _ := cli(t, "schema", "indicators")
	require.Equal(t, 0, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 1+len(indicator.Codes()))
	assert.Regexp(t, `^code\s+good\s+level\s+indicator_en\s+indicator_zh$`, lines[0])
	assert.Contains(t, out, "gdp_growth")
	assert.Regexp(t, `(?m)^registered_unemployment_rate\s+down\s+-\s+registered urban unemployment rate\s+城镇登记失业率$`, out)
	assert.Regexp(t, `(?m)^gdp_growth\s+up\s+gdp_level\s+GDP growth\s+地区生产总值增长$`, out)

	code, out, _ = cli(t, "schema")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "govreports schema indicators")
}
