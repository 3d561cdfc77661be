package output

import (
	"fmt"
	"reflect"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/govreports/govreports/schemas"
)

// The row struct fields map to Arrow as schemas.arrowType maps them; these
// functions move one value between a field and an Arrow array. They are
// derived once per table from the row type, so a new column needs no change
// here unless it brings a new Go type.

// appendFunc appends the field value v (never a nil pointer) to b.
type appendFunc func(b array.Builder, v reflect.Value)

// setFunc stores element i of arr into the field v (never a pointer).
type setFunc func(arr arrow.Array, i int, v reflect.Value)

var dateType = reflect.TypeOf(schemas.Date{})

// fieldType is the Go type of a column's field in the row struct.
func fieldType(t *schemas.Table, c schemas.Column) reflect.Type {
	return t.Row.FieldByIndex(c.Index).Type
}

// valueType drops the pointer of a nullable field.
func valueType(ft reflect.Type) reflect.Type {
	if ft.Kind() == reflect.Pointer {
		return ft.Elem()
	}
	return ft
}

func appenderFor(ft reflect.Type) (appendFunc, error) {
	if ft == dateType {
		return func(b array.Builder, v reflect.Value) {
			b.(*array.Date32Builder).Append(arrow.Date32(v.Interface().(schemas.Date).Days()))
		}, nil
	}
	switch ft.Kind() {
	case reflect.String:
		return func(b array.Builder, v reflect.Value) { b.(*array.StringBuilder).Append(v.String()) }, nil
	case reflect.Bool:
		return func(b array.Builder, v reflect.Value) { b.(*array.BooleanBuilder).Append(v.Bool()) }, nil
	case reflect.Int16:
		return func(b array.Builder, v reflect.Value) { b.(*array.Int16Builder).Append(int16(v.Int())) }, nil
	case reflect.Int32:
		return func(b array.Builder, v reflect.Value) { b.(*array.Int32Builder).Append(int32(v.Int())) }, nil
	case reflect.Int64:
		return func(b array.Builder, v reflect.Value) { b.(*array.Int64Builder).Append(v.Int()) }, nil
	case reflect.Float64:
		return func(b array.Builder, v reflect.Value) { b.(*array.Float64Builder).Append(v.Float()) }, nil
	}
	return nil, fmt.Errorf("output: no Arrow writer for Go type %s", ft)
}

// setterFor returns the setter for a field of Go type ft from an array of
// Arrow type at; a mismatch (a file of another schema) is an error.
func setterFor(ft reflect.Type, at arrow.DataType) (setFunc, error) {
	var set setFunc
	var want arrow.Type
	switch {
	case ft == dateType:
		want = arrow.DATE32
		set = func(a arrow.Array, i int, v reflect.Value) {
			v.Set(reflect.ValueOf(schemas.Date{Time: a.(*array.Date32).Value(i).ToTime()}))
		}
	case ft.Kind() == reflect.String:
		want = arrow.STRING
		set = func(a arrow.Array, i int, v reflect.Value) { v.SetString(a.(*array.String).Value(i)) }
	case ft.Kind() == reflect.Bool:
		want = arrow.BOOL
		set = func(a arrow.Array, i int, v reflect.Value) { v.SetBool(a.(*array.Boolean).Value(i)) }
	case ft.Kind() == reflect.Int16:
		want = arrow.INT16
		set = func(a arrow.Array, i int, v reflect.Value) { v.SetInt(int64(a.(*array.Int16).Value(i))) }
	case ft.Kind() == reflect.Int32:
		want = arrow.INT32
		set = func(a arrow.Array, i int, v reflect.Value) { v.SetInt(int64(a.(*array.Int32).Value(i))) }
	case ft.Kind() == reflect.Int64:
		want = arrow.INT64
		set = func(a arrow.Array, i int, v reflect.Value) { v.SetInt(a.(*array.Int64).Value(i)) }
	case ft.Kind() == reflect.Float64:
		want = arrow.FLOAT64
		set = func(a arrow.Array, i int, v reflect.Value) { v.SetFloat(a.(*array.Float64).Value(i)) }
	default:
		return nil, fmt.Errorf("output: no Arrow reader for Go type %s", ft)
	}
	if at.ID() != want {
		return nil, fmt.Errorf("output: column is %s in the file, the row field is %s", at, ft)
	}
	return set, nil
}

// columnWriter appends one column of row values to its builder.
type columnWriter struct {
	index    []int
	nullable bool
	append   appendFunc
}

func columnWritersOf(t *schemas.Table) ([]columnWriter, error) {
	cws := make([]columnWriter, len(t.Stored))
	for i, c := range t.Stored {
		ft := fieldType(t, c)
		app, err := appenderFor(valueType(ft))
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", t.Name, c.Name, err)
		}
		cws[i] = columnWriter{index: c.Index, nullable: ft.Kind() == reflect.Pointer, append: app}
	}
	return cws, nil
}

// write appends the column's value of row to b.
func (cw columnWriter) write(b array.Builder, row reflect.Value) {
	v := row.FieldByIndex(cw.index)
	if cw.nullable {
		if v.IsNil() {
			b.AppendNull()
			return
		}
		v = v.Elem()
	}
	cw.append(b, v)
}

// columnReader sets one field of row values from an array of a file.
type columnReader struct {
	index    []int
	nullable bool
	col      int // position of the column in the file's records
	set      setFunc
}

// columnReadersOf matches the table's columns to a file's schema by name; a
// column the file lacks (an older schema version) stays at its zero value.
func columnReadersOf(t *schemas.Table, fileSchema *arrow.Schema) ([]columnReader, error) {
	var crs []columnReader
	for _, c := range t.Columns {
		idx := fileSchema.FieldIndices(c.Name)
		if len(idx) == 0 {
			continue
		}
		ft := fieldType(t, c)
		set, err := setterFor(valueType(ft), fileSchema.Field(idx[0]).Type)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", t.Name, c.Name, err)
		}
		crs = append(crs, columnReader{index: c.Index, nullable: ft.Kind() == reflect.Pointer, col: idx[0], set: set})
	}
	return crs, nil
}

// read sets the column's field of row from element i of arr.
func (cr columnReader) read(arr arrow.Array, i int, row reflect.Value) {
	v := row.FieldByIndex(cr.index)
	if cr.nullable {
		if arr.IsNull(i) {
			return
		}
		p := reflect.New(v.Type().Elem())
		cr.set(arr, i, p.Elem())
		v.Set(p)
		return
	}
	if arr.IsNull(i) {
		return
	}
	cr.set(arr, i, v)
}
