// Package output writes the govreports dataset and reads it back.
//
// Layout, under a directory or a bucket prefix:
//
//	OUT/<table>/year=YYYY/part-00000.parquet   partitioned tables, one folder per year seen
//	OUT/regions/part-00000.parquet              the dimension table
//	OUT/_manifest.json                          inputs, partitions, tables, row counts, files with sha256
//	OUT/_SUCCESS                                written last
//	OUT/_lease.json                             while a run holds the dataset
//
// Every table of schemas.All gets a file, even an empty one. The writer is
// generic over the row structs of package schemas: a new column needs no
// change here. Files are Parquet through arrow/go/v15 pqarrow with zstd,
// plain (non-dictionary) Arrow strings, DATE and INT16 logical types, the
// schema version and column descriptions in the key-value metadata, and
// nothing time-dependent, so the same rows give byte-identical files.
//
// Rows come in report by report and wait in memory, up to a budget past
// which sorted runs of them are spilled to the staging; at the commit each
// partition is written as one file in report_id order (partitions.go).
// Out may be a path, a file:// URL or a gocloud.dev/blob URL (s3://; gs://
// and azblob:// with the build tags gcs and azure); the local and the blob
// store share all the dataset logic (store.go).
//
// A run joins the dataset already at Out by its Mode (by default replacing
// the reports it brings and keeping every other: merge.go) and never
// deletes a file no manifest lists (manifest.go). It holds a lease on Out (LeaseKey, lease.go) from Open
// to the end, so that one run at a time changes a dataset, and commits by
// the protocol of commit.go: every file is staged under _tmp/<run>/, a
// journal is the commit point, and whatever happens the dataset at Out is
// the old one or the new one, never a mix.
//
// A run may be split into shards (Options.ShardIndex/ShardCount): each shard,
// under a lease of its own, writes its files and a marker under _shards/, out
// of the table folders (shard_write.go), and a commit (OpenShards, then
// pipeline.Commit) reads them back in input order (shard_commit.go,
// shard_rows.go) and writes them as one run, which joins the dataset by its
// Mode like any run; then Shards.Remove drops the shards.
package output
