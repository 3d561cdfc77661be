package schemas

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/apache/arrow/go/v15/arrow"
)

// Date is a calendar date stored as Parquet DATE (days since the Unix epoch).
type Date struct{ time.Time }

// NewDate returns the Date of year, month and day.
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// Days is the number of days since 1970-01-01.
func (d Date) Days() int32 { return int32(d.Unix() / 86400) }

// String formats the date as YYYY-MM-DD.
func (d Date) String() string { return d.Format(time.DateOnly) }

// Column describes one column of a table.
type Column struct {
	Name     string
	Type     arrow.DataType
	Nullable bool
	Doc      string
	// FreeText columns hold long, mostly distinct text (sentences, clauses):
	// writers store them without a dictionary.
	FreeText bool
	// Index is the field path of the column in the row struct.
	Index []int
}

// PartitionColumn is the column partitioned tables are split by: files live
// under year=YYYY folders.
const PartitionColumn = "year"

// Table describes one table of the dataset.
type Table struct {
	Name string
	Doc  string
	// Partitioned tables are written under year=YYYY folders.
	Partitioned bool
	Row         reflect.Type
	Columns     []Column      // every column, as readers see the table
	Schema      *arrow.Schema // of Columns
	// Stored are the columns inside the Parquet files: all but the partition
	// column of a partitioned table, which readers take from the folder name
	// (the Hive convention pandas/pyarrow, Spark and the warehouses expect;
	// pyarrow refuses a key that is both in the files and in the path).
	Stored       []Column
	StoredSchema *arrow.Schema
}

// The tables of the dataset, in the order they are written and documented.
var (
	Reports     = newTable[Report]("reports", "one row per report", true)
	Sentences   = newTable[Sentence]("sentences", "one row per sentence of every report, in order", true)
	Goals       = newTable[Goal]("goals", "one row per target of the year's main expected targets (主要预期目标)", true)
	Figures     = newTable[Figure]("figures", "one row per quantity mention, in every section", true)
	Commitments = newTable[Commitment]("commitments", "one row per concrete action clause of the forward-looking sections", true)
	Terms       = newTable[Term]("terms", "per report, the top content words with counts and tf-idf", true)
	Attainment  = newTable[AttainmentRow]("attainment", attainmentDoc, true)
	Regions     = newTable[Region]("regions", "the region dimension table: every division of GB/T 2260 down to county level listed by a revision since 2002, one row per code under its latest name (a report's region_code, the division of its year, joins to one row)", false)
)

// attainmentDoc describes the attainment table and the rule of its met and gap
// columns, so that the rule travels with the files.
const attainmentDoc = "one row per goal of year Y whose region has a report of year Y+1 in the dataset, with the outcome " +
	"that report states for year Y in its review; a goal whose region has no report of Y+1 has no row (a report of " +
	"Y+2 reviews Y+1, not Y). Reports are of one region across years by reports.region_code_current, so that a " +
	"division renumbered or renamed between the two years (341421 庐江县 → 340124) is linked. The table is recomputed " +
	"over the whole dataset at every commit, for every report whose link a run can change: it is the same however " +
	"the reports were loaded. The outcome is the first figure of that review of the goal's " +
	"indicator and kind (the growth for a growth goal, the amount or rate for a level goal) that is the whole " +
	"region's and the whole year's: not a sub-sector or per-head figure, not 前三季度, not 年均/累计 over years, " +
	"not a target; a goal without a number may have its outcome in words (国际收支基本平衡), kept with a null value. " +
	"met, in the goal's unit and the indicator's good direction (indicators.tsv: up, down, none): " +
	"about — within 0.5 points (1% of the goal for amounts) or better; exact — at least the goal where up is good, " +
	"at most where down is good (prices, unemployment), within the tolerance where neither; at_least — actual ≥ goal; " +
	"at_most — actual ≤ goal; range — within or better; in_sync — growth ≥ the GDP growth the same review states " +
	"− 0.5; above_gdp — growth > that GDP growth; positive — growth > 0; relative — against goal_resolved_value, " +
	"at least it for a target above the reference (高于全省), at most for one below (低于全国), about it for one in " +
	"step (与全省同步), null while it is unknown; qualitative goals and outcomes in words — null. " +
	"gap = actual − goal (the lower bound of a range; goal_resolved_value for a relative goal), in the goal's unit, " +
	"where both are numbers of the same base unit"

// All lists every table.
var All = []*Table{Reports, Sentences, Goals, Figures, Commitments, Terms, Attainment, Regions}

// ByName returns the table called name.
func ByName(name string) (*Table, error) {
	for _, t := range All {
		if t.Name == name {
			return t, nil
		}
	}
	names := make([]string, len(All))
	for i, t := range All {
		names[i] = t.Name
	}
	return nil, fmt.Errorf("unknown table %q (tables: %s)", name, strings.Join(names, ", "))
}

var dateType = reflect.TypeOf(Date{})

func newTable[T any](name, doc string, partitioned bool) *Table {
	t := &Table{Name: name, Doc: doc, Partitioned: partitioned, Row: reflect.TypeOf((*T)(nil)).Elem()}
	t.Columns = columnsOf(t.Row, nil)
	for _, c := range t.Columns {
		if !partitioned || c.Name != PartitionColumn {
			t.Stored = append(t.Stored, c)
		}
	}
	t.Schema, t.StoredSchema = schemaOf(t.Columns), schemaOf(t.Stored)
	return t
}

func schemaOf(cols []Column) *arrow.Schema {
	fields := make([]arrow.Field, len(cols))
	for i, c := range cols {
		md := arrow.NewMetadata([]string{"description"}, []string{c.Doc})
		fields[i] = arrow.Field{Name: c.Name, Type: c.Type, Nullable: c.Nullable, Metadata: md}
	}
	return arrow.NewSchema(fields, nil)
}

// columnsOf walks a row struct; embedded structs contribute their columns in place.
func columnsOf(rt reflect.Type, prefix []int) []Column {
	var cols []Column
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		idx := append(append([]int(nil), prefix...), i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct && f.Type != dateType {
			cols = append(cols, columnsOf(f.Type, idx)...)
			continue
		}
		name := f.Tag.Get("col")
		if name == "" {
			panic(fmt.Sprintf("schemas: %s.%s has no col tag", rt.Name(), f.Name))
		}
		typ, nullable := arrowType(f.Type)
		cols = append(cols, Column{Name: name, Type: typ, Nullable: nullable, Doc: f.Tag.Get("doc"), FreeText: f.Tag.Get("text") == "free", Index: idx})
	}
	return cols
}

func arrowType(t reflect.Type) (arrow.DataType, bool) {
	nullable := false
	if t.Kind() == reflect.Pointer {
		nullable = true
		t = t.Elem()
	}
	if t == dateType {
		return arrow.FixedWidthTypes.Date32, nullable
	}
	switch t.Kind() {
	case reflect.String:
		return arrow.BinaryTypes.String, nullable
	case reflect.Bool:
		return arrow.FixedWidthTypes.Boolean, nullable
	case reflect.Int16:
		return arrow.PrimitiveTypes.Int16, nullable
	case reflect.Int32:
		return arrow.PrimitiveTypes.Int32, nullable
	case reflect.Int64:
		return arrow.PrimitiveTypes.Int64, nullable
	case reflect.Float64:
		return arrow.PrimitiveTypes.Float64, nullable
	}
	// Row types are fixed at compile time: an unsupported type is a programming error.
	panic(fmt.Sprintf("schemas: unsupported column type %s", t))
}

// Ptr returns a pointer to v, for nullable columns.
func Ptr[T any](v T) *T { return &v }
