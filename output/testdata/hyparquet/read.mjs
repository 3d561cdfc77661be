// Reads Parquet files with hyparquet, a JavaScript reader that shares no code
// with the writer, and prints one JSON line per file: the root's repetition,
// the row count and the rows (int64 as strings, dates as YYYY-MM-DD).
// Usage: node read.mjs NODE_MODULES_DIR FILE...
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const [modules, ...files] = process.argv.slice(2)
const load = (p) => import(pathToFileURL(path.join(modules, p)).href)
const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } = await load('hyparquet/src/node.js')
const { compressors } = await load('hyparquet-compressors/src/index.js')

const plain = (_, v) => {
  if (typeof v === 'bigint') return v.toString()
  return v
}

for (const name of files) {
  const file = await asyncBufferFromFile(name)
  const metadata = await parquetMetadataAsync(file)
  const rows = await parquetReadObjects({ file, metadata, compressors })
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) {
      if (v instanceof Date) row[k] = v.toISOString().slice(0, 10)
    }
  }
  const root = metadata.schema[0].repetition_type
  console.log(JSON.stringify({ file: name, root, rows: rows.length, data: rows }, plain))
}
