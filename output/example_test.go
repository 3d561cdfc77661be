package output_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/govreports/govreports/output"
	"github.com/govreports/govreports/schemas"
)

func Example() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "govreports-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	ds, err := output.Open(ctx, output.Options{Out: dir, ToolVersion: "example"})
	if err != nil {
		log.Fatal(err)
	}
	defer ds.Abort() // a no-op once committed
	keys := schemas.Keys{ReportID: "2024-110000", Year: 2024, RegionCode: "110000", Region: "北京"}
	date := schemas.NewDate(2024, 1, 21)
	if err := ds.Append(schemas.Reports, []schemas.Report{{Keys: keys, Title: "政府工作报告", MeetingDate: &date}}); err != nil {
		log.Fatal(err)
	}
	if err := ds.Append(schemas.Sentences, []schemas.Sentence{
		{Keys: keys, Text: "各位代表：", Section: "preamble"},
		{Keys: keys, SentenceRef: schemas.SentenceRef{SentenceID: 1}, Text: "现在，我代表市人民政府向大会报告工作。", Section: "preamble"},
	}); err != nil {
		log.Fatal(err)
	}
	sum, err := ds.Commit(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("sentences:", sum.Tables["sentences"], "files:", len(sum.Files))

	reports, err := output.ReadTable[schemas.Report](ctx, dir, schemas.Reports)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(reports[0].ReportID, reports[0].MeetingDate, reports[0].Speaker == nil)
	// Output:
	// sentences: 2 files: 8
	// 2024-110000 2024-01-21 true
}

func ExampleOpenShards() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "govreports-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	// Each shard is usually a separate process; a rerun may skip finished
	// ones. A shard's files wait under _shards/, out of the table folders.
	for i, region := range []string{"110000", "120000"} {
		if done, err := output.ShardDone(ctx, dir, i, 2, nil); err != nil || done {
			continue
		}
		ds, err := output.Open(ctx, output.Options{Out: dir, ShardIndex: i, ShardCount: 2})
		if err != nil {
			log.Fatal(err)
		}
		keys := schemas.Keys{ReportID: "2024-" + region, Year: 2024, RegionCode: region}
		if err := ds.Append(schemas.Reports, []schemas.Report{{Keys: keys}}); err != nil {
			log.Fatal(err)
		}
		ds.SetShardReports([]output.ShardReport{{ID: keys.ReportID, Seq: i, Year: keys.Year}}, nil, 2)
		if _, err := ds.Commit(ctx); err != nil {
			log.Fatal(err)
		}
	}

	// The commit checks the shards and writes their rows, in input order, as
	// one run (pipeline.Commit also recomputes what needs every report).
	shards, err := output.OpenShards(ctx, dir)
	if err != nil {
		log.Fatal(err)
	}
	defer shards.Close()
	ds, err := output.Open(ctx, output.Options{Out: dir, Inputs: shards.Inputs()})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range shards.Reports() {
		rows, err := output.ReportRows[schemas.Report](ctx, shards, schemas.Reports, r)
		if err != nil {
			log.Fatal(err)
		}
		if err := ds.Append(schemas.Reports, rows); err != nil {
			log.Fatal(err)
		}
	}
	if err := shards.Done(); err != nil {
		log.Fatal(err)
	}
	sum, err := ds.Commit(ctx)
	if err != nil {
		log.Fatal(err)
	}
	// Their rows are in the dataset now: the shards go.
	if err := shards.Remove(ctx, 0); err != nil {
		log.Fatal(err)
	}
	fmt.Println("reports:", sum.Tables["reports"])
	for _, f := range sum.Files[:2] {
		fmt.Println(f.Path, f.Rows)
	}
	// Output:
	// reports: 2
	// attainment/year=2024/part-00000.parquet 0
	// commitments/year=2024/part-00000.parquet 0
}
