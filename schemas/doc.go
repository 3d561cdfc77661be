// Package schemas is the single source of truth for the dataset's tables:
// every column's name, type, nullability and description lives on a row
// struct here, and the Arrow schema, the Parquet metadata and the
// `govreports schema` data dictionary are all derived from those structs.
//
// Field tags:
//
//	col:"name"   column name (published to users: never rename one, add columns instead)
//	doc:"..."    column description, written into the Parquet metadata
//	text:"free"  long, mostly distinct text, stored without a dictionary
//
// Go types map to Arrow types: string → utf8, *string → nullable utf8,
// int16/int32/int64, float64, *float64 / *int32 → nullable, bool, Date → date32.
package schemas
