// Package output writes the govreports dataset: one Parquet file set per table
// of schemas.All, Hive-partitioned by year, plus a _manifest.json and a
// _SUCCESS marker, on a local directory or on object storage
// (s3://, gs://, azblob://, file:// through gocloud.dev/blob).
//
// Rows stream in report by report; each table keeps only Arrow builders and
// one buffered Parquet row group in memory. Every file is written under a
// staging prefix first and moved into place at Commit, so a failed or
// cancelled run leaves the previous dataset as it was. The same rows always
// give byte-identical files: nothing time-dependent goes into them.
//
// A run may be split into shards (Options.ShardIndex/ShardCount): each shard
// writes part-<index>-of-<count>.parquet files and a completion marker under
// _shards/, and the package-level Commit joins the shards into one dataset.
//
// ReadTable reads a table back into its row structs.
package output
