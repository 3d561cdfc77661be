//go:build gcs

package output

// gs:// URLs, in builds with -tags gcs.
import _ "gocloud.dev/blob/gcsblob"
