//go:build azure

package output

// azblob:// URLs, in builds with -tags azure.
import _ "gocloud.dev/blob/azureblob"
