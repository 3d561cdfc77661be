package output

import "context"

// PutObject stores data at key of the dataset at out (a directory or bucket
// URL) the way the dataset's own objects are written: under a staging name
// first, then moved into place, so a reader never sees half an object. It is
// for artefacts made from a committed dataset, such as the run report.
func PutObject(ctx context.Context, out, key string, data []byte) error {
	st, err := openStore(ctx, out)
	if err != nil {
		return err
	}
	defer st.Close()
	staging, err := newStaging()
	if err != nil {
		return err
	}
	if err := writeObject(ctx, st, staging, key, data); err != nil {
		return err
	}
	return st.DeletePrefix(ctx, staging)
}
